import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ApiToken', { description: 'A personal API token (its secret is shown once, at creation).' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The first characters of the secret, to recognise it.' }) prefix!: string;
  @Field(() => [String]) scopes!: string[];
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType) token!: ApiTokenType;
  @Field({ description: 'Send it as "Authorization: Bearer <secret>". It is not stored and cannot be shown again.' }) secret!: string;
}

@ObjectType('ApiTokenOfAccount', { description: "A token with its owner's e-mail (administrators' view; never its secret)." })
export class ApiTokenAdminType extends ApiTokenType {
  @Field() ownerEmail!: string;
}
