import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';

@InputType('AlertSubscriptionInput')
export class AlertSubscriptionInputType {
  @Field({ description: 'policy-weather, policy-trajectory or indicator-rate' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The policy (policy-weather, policy-trajectory)' }) policyId?: string | null;
  @Field(() => String, { nullable: true, description: 'The indicator (indicator-rate)' }) indicatorId?: string | null;
  @Field() territoryCode!: string;
  @Field(() => String, { nullable: true, description: 'SUNNY, CLOUDY, RAINY or STORMY (policy-weather)' }) weather?: string | null;
  @Field(() => Float, { nullable: true, description: 'Rate in % under which to alert (indicator-rate)' }) threshold?: number | null;
}

@ObjectType('AlertSubscription', { description: 'An alert you subscribed to: you are notified (and e-mailed) when its condition starts to hold.' })
export class AlertSubscriptionType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() policyId!: string;
  @Field() policyName!: string;
  @Field(() => String, { nullable: true }) indicatorId!: string | null;
  @Field(() => String, { nullable: true }) indicatorName!: string | null;
  @Field() territoryCode!: string;
  @Field() territoryName!: string;
  @Field(() => String, { nullable: true }) weather!: string | null;
  @Field(() => Float, { nullable: true }) threshold!: number | null;
  @Field({ description: 'Whether the condition held at the last evaluation' }) firing!: boolean;
  @Field(() => Date, { nullable: true }) lastFiredAt!: Date | null;
  @Field() createdAt!: Date;
}
