import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ScopeType } from '../rights/rights.types';

@ObjectType('AccessRequest', { description: 'A request for a role on a scope, decided by a manager of that scope.' })
export class AccessRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) requesterId!: string;
  @Field() requesterEmail!: string;
  @Field() roleId!: string;
  @Field(() => ScopeType) scope!: ScopeType;
  @Field() reason!: string;
  @Field({ description: 'pending, approved or refused' }) status!: string;
  @Field(() => ID, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field({ description: 'app or datapass' }) source!: string;
  @Field() createdAt!: Date;
}
