import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Job', { description: 'A background job (e-mail, scheduled task…): administrators only.' })
export class JobType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Kind, e.g. notification.email' }) kind!: string;
  @Field({ description: 'created, retry, active, completed, cancelled, or failed (parked: out of retries)' }) state!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) maxAttempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field() createdAt!: Date;
  @Field({ description: 'Next attempt not before this' }) runAfter!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('JobCount')
export class JobCountType {
  @Field() kind!: string;
  @Field() state!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('JobKind')
export class JobKindType {
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Cron expression (UTC) when scheduled' }) schedule!: string | null;
}
