import { Field, Float, ID, Int, ObjectType, InputType } from '@nestjs/graphql';

@ObjectType('Territory')
export class TerritoryType {
  @Field() code!: string;
  @Field() level!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int, { nullable: true }) population!: number | null;
}

@ObjectType()
export class TerritoryEdge {
  @Field() cursor!: string;
  @Field(() => TerritoryType) node!: TerritoryType;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class TerritoryConnection {
  @Field(() => [TerritoryEdge]) edges!: TerritoryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('Taxonomy')
export class TaxonomyType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() label!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
}

@ObjectType('Owner')
export class OwnerType {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) role?: string | null;
}

@ObjectType('Indicator')
export class IndicatorType {
  @Field(() => ID) id!: string;
  @Field(() => ID) policyId!: string;
  @Field() name!: string;
  @Field() type!: string;
  @Field() unit!: string;
  @Field() direction!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() periodicity!: string;
  @Field(() => Int) availabilityDelayDays!: number;
  levelSettings!: Record<string, { weight?: number }>;
}

@ObjectType('Policy')
export class PolicyType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field() status!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [OwnerType]) owners!: OwnerType[];
  @Field(() => [String]) levels!: string[];
}

@ObjectType('Rate')
export class RateType {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => String, { nullable: true, description: 'Why there is no rate, in English for logs; readers are shown reasonCode' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: "Why there is no rate, a code the reader's language says (libs/i18n reasons.*)" }) reasonCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Parameters of the reason text, as JSON' }) reasonParams?: string | null;
  @Field(() => ID) explanationId!: string;
}

@ObjectType('RateStats')
export class RateStatsType {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) median!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Int) count!: number;
  @Field(() => ID, { nullable: true, description: 'How `value` is computed' }) explanationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Which territory gives `min`' }) minExplanationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Which territories give `median`' }) medianExplanationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Which territory gives `max`' }) maxExplanationId!: string | null;
}

@ObjectType('Trend')
export class TrendType {
  @Field() direction!: string;
  @Field(() => Float, { nullable: true }) delta!: number | null;
  @Field(() => ID, { nullable: true, description: 'How the trend is computed' }) explanationId!: string | null;
}

@ObjectType('Alert')
export class AlertType {
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType('Weather')
export class WeatherType {
  @Field() level!: string;
  @Field(() => String, { nullable: true }) synthesis!: string | null;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => String, { nullable: true }) author!: string | null;
}

@ObjectType('PolicyRow')
export class PolicyRowType {
  @Field(() => PolicyType) policy!: PolicyType;
  @Field(() => RateType) globalRate!: RateType;
  @Field(() => RateType) annualRate!: RateType;
  @Field(() => WeatherType, { nullable: true }) weather!: WeatherType | null;
  @Field(() => TrendType) trend!: TrendType;
  @Field(() => Float, { nullable: true }) gapToMedian!: number | null;
  @Field(() => ID, { description: 'How gapToMedian is computed' }) gapExplanationId!: string;
  @Field(() => RateStatsType, { description: 'The policy global rate across same-level territories' }) peers!: RateStatsType;
  @Field(() => [AlertType]) alerts!: AlertType[];
}

@ObjectType('TerritoryRate')
export class TerritoryRateType {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
}

@ObjectType('WeatherCount')
export class WeatherCountType {
  @Field() level!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('AlertCount')
export class AlertCountType {
  @Field() code!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('HomeView')
export class HomeViewType {
  @Field(() => TerritoryType) territory!: TerritoryType;
  @Field(() => RateStatsType) globalRate!: RateStatsType;
  @Field(() => RateStatsType) annualRate!: RateStatsType;
  @Field(() => [WeatherCountType]) weatherDistribution!: WeatherCountType[];
  @Field(() => [AlertCountType]) alertCounts!: AlertCountType[];
  @Field(() => [PolicyRowType]) policies!: PolicyRowType[];
  @Field(() => String, { nullable: true, description: 'Level of the territories on the map' }) mapLevel!: string | null;
  @Field(() => [TerritoryRateType]) map!: TerritoryRateType[];
}

@InputType()
export class PolicyFilter {
  @Field(() => [ID], { nullable: true }) taxonomyIds?: string[];
  @Field(() => [String], { nullable: true }) kinds?: string[];
  @Field(() => [String], { nullable: true }) statuses?: string[];
  @Field({ nullable: true }) alertsOnly?: boolean;
  @Field({ nullable: true }) search?: string;
}
