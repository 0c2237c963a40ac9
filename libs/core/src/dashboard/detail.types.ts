import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { AlertType, IndicatorType, PolicyType, RateStatsType, RateType, TerritoryRateType, TerritoryType, TrendType, WeatherType, PolicyRowType } from './dashboard.types';

@ObjectType('DatedValue')
export class DatedValueType {
  @Field(() => Float) value!: number;
  @Field() date!: string;
  @Field(() => String, { nullable: true }) provenance!: string | null;
}

@ObjectType('Comment')
export class CommentType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field() body!: string;
  @Field() date!: string;
  @Field(() => String, { nullable: true }) author!: string | null;
}

@ObjectType('TerritoryValue')
export class TerritoryValueType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) date!: string | null;
}

@ObjectType('TerritoryWeather')
export class TerritoryWeatherType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) level!: string | null;
}

@ObjectType('IndicatorAtTerritory')
export class IndicatorAtTerritoryType {
  @Field(() => IndicatorType) indicator!: IndicatorType;
  @Field(() => Float, { nullable: true }) weight!: number | null;
  @Field(() => DatedValueType, { nullable: true }) initial!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) current!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) annualTarget!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) globalTarget!: DatedValueType | null;
  @Field(() => RateType) annualRate!: RateType;
  @Field(() => RateType) globalRate!: RateType;
  @Field(() => String, { nullable: true }) nextExpectedUpdate!: string | null;
  @Field() overdue!: boolean;
  @Field(() => [TerritoryValueType]) childValues!: TerritoryValueType[];
}

@ObjectType('PolicyAtTerritory')
export class PolicyAtTerritoryType {
  @Field(() => PolicyType) policy!: PolicyType;
  @Field(() => TerritoryType) territory!: TerritoryType;
  @Field(() => RateType) globalRate!: RateType;
  @Field(() => RateType) annualRate!: RateType;
  @Field(() => TrendType) trend!: TrendType;
  @Field(() => [AlertType]) alerts!: AlertType[];
  @Field(() => RateStatsType) peers!: RateStatsType;
  @Field(() => WeatherType, { nullable: true }) weather!: WeatherType | null;
  @Field(() => [WeatherType]) weatherHistory!: WeatherType[];
  @Field(() => [CommentType]) comments!: CommentType[];
  @Field(() => [CommentType]) objectives!: CommentType[];
  @Field(() => [CommentType]) decisions!: CommentType[];
  @Field(() => [IndicatorAtTerritoryType]) indicators!: IndicatorAtTerritoryType[];
  @Field(() => [TerritoryRateType]) childRates!: TerritoryRateType[];
  @Field(() => [TerritoryWeatherType]) childWeather!: TerritoryWeatherType[];
}

@ObjectType('SeriesPoint')
export class SeriesPointType {
  @Field() date!: string;
  @Field(() => Float) value!: number;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) provenance!: string | null;
}

@ObjectType('ChildSeries')
export class ChildSeriesType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => [SeriesPointType]) points!: SeriesPointType[];
}

@ObjectType('IndicatorSeries')
export class IndicatorSeriesType {
  @Field(() => IndicatorType) indicator!: IndicatorType;
  @Field(() => TerritoryType) territory!: TerritoryType;
  @Field(() => [SeriesPointType]) points!: SeriesPointType[];
  @Field(() => [SeriesPointType]) targets!: SeriesPointType[];
  @Field(() => [ChildSeriesType]) children!: ChildSeriesType[];
}

@ObjectType('ExplanationSource', { description: 'The source binding a value came from (provenance connector).' })
export class ExplanationSourceType {
  @Field() bindingId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Last run that published or found nothing new (ISO, UTC)' }) syncedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The source\'s address, without its query' }) url!: string | null;
}

@ObjectType('ExplanationInput')
export class ExplanationInputType {
  @Field(() => ExplanationSourceType, { nullable: true, description: 'For a value from a connector: which source, when last synchronised, its address' }) source?: ExplanationSourceType | null;
  @Field() role!: string;
  @Field() label!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true }) provenance?: string | null;
  @Field(() => String, { nullable: true }) territoryCode?: string | null;
  @Field(() => String, { nullable: true }) territoryName?: string | null;
  @Field(() => String, { nullable: true }) indicatorId?: string | null;
  @Field(() => Float, { nullable: true }) weight?: number | null;
  @Field(() => ID, { nullable: true, description: 'Id of another explanation to drill into' }) ref?: string | null;
  @Field(() => String, { nullable: true, description: "Why the input is listed but not counted, a code the reader's language says (no-value, zero-weight, not-applicable)" }) note?: string | null;
}

@ObjectType('Explanation')
export class ExplanationType {
  @Field(() => ID) id!: string;
  @Field() ruleId!: string;
  @Field() title!: string;
  @Field({ description: 'The formula in English, for logs and exports; readers are shown formulaKey with formulaParams' }) formula!: string;
  @Field(() => String, { nullable: true, description: "Text key of the formula (libs/i18n formulas.*), written in the reader's language" }) formulaKey!: string | null;
  @Field(() => String, { nullable: true, description: 'The formula parameters as JSON: numbers, lists of numbers, [weight, rate] pairs, labels, ISO dates' }) formulaParams!: string | null;
  @Field(() => String, { nullable: true, description: 'rate (%), points (between rates) or amount (the indicator unit)' }) unit!: string | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true, description: 'The reason in English, for logs; readers are shown reasonCode with reasonParams' }) reason!: string | null;
  @Field(() => String, { nullable: true }) reasonCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Parameters of the reason text, as JSON' }) reasonParams!: string | null;
  @Field(() => [ExplanationInputType]) inputs!: ExplanationInputType[];
  @Field(() => [ExplanationType], { description: 'Sub-rules applied, in order' }) steps!: ExplanationType[];
}

@ObjectType('RoadmapItem')
export class RoadmapItemType {
  @Field(() => PolicyType) policy!: PolicyType;
  @Field(() => String, { nullable: true }) localObjective!: string | null;
}

@ObjectType('TerritoryView')
export class TerritoryViewType {
  @Field(() => TerritoryType) territory!: TerritoryType;
  @Field(() => TerritoryType, { nullable: true }) parent!: TerritoryType | null;
  @Field(() => [PolicyRowType]) rates!: PolicyRowType[];
  @Field(() => [RoadmapItemType]) roadmap!: RoadmapItemType[];
  @Field(() => [TerritoryRateType]) peers!: TerritoryRateType[];
  @Field(() => RateStatsType) rate!: RateStatsType;
  @Field(() => RateStatsType, { nullable: true }) parentRate!: RateStatsType | null;
}
