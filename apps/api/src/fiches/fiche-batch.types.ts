import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FicheBatch', { description: 'PDF fiches of a policy for every territory of a level, made by one job (ADR 046); seen by its owner only.' })
export class FicheBatchType {
  @Field(() => ID) id!: string;
  @Field(() => ID) policyId!: string;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field({ description: 'queued, running, done or failed (a failed batch is retried; the retry makes only the missing fiches).' }) state!: string;
  @Field(() => Int, { description: 'Fiches to make.' }) total!: number;
  @Field(() => Int, { description: 'Fiches made and stored.' }) done!: number;
  @Field(() => Int, { description: 'Pages of the fiches made.' }) pages!: number;
  @Field(() => Int, { description: 'Fiches that failed in the last run.' }) failedCount!: number;
  @Field(() => String, { nullable: true, description: 'The last failure (territory, code, message), for the owner and operators.' }) lastError!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field({ description: 'The zip of the fiches made so far.' }) downloadUrl!: string;
}
