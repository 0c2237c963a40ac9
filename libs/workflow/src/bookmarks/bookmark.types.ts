import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Favourite', { description: 'A policy, indicator or territory you starred.' })
export class FavouriteType {
  @Field({ description: 'policy, indicator or territory' }) kind!: string;
  @Field({ description: 'The policy or indicator id, or the territory code' }) targetId!: string;
  @Field(() => String, { nullable: true, description: 'Its current name; null when it no longer exists' }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'For an indicator, its policy' }) policyId!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('SavedView', { description: 'A view of the web app you saved under a name (its address holds its whole state).' })
export class SavedViewType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Path in the web app with its query string' }) path!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}
