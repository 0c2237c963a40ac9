import { Field, Float, ObjectType } from '@nestjs/graphql';
import { IndicatorType, PolicyType, RateType, TerritoryType } from './dashboard.types';
import { DatedValueType } from './detail.types';

@ObjectType('IndicatorTerritoryRow', { description: "An indicator's current value and rates at one territory (a row of the indicator page's table and map)" })
export class IndicatorTerritoryRowType {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
  @Field(() => DatedValueType, { nullable: true }) current!: DatedValueType | null;
  @Field(() => RateType) globalRate!: RateType;
  @Field(() => RateType) annualRate!: RateType;
}

@ObjectType('IndicatorView', { description: 'One indicator at one territory (the indicator page): its values, rates, and the territories below' })
export class IndicatorViewType {
  @Field(() => IndicatorType) indicator!: IndicatorType;
  @Field(() => PolicyType) policy!: PolicyType;
  @Field(() => TerritoryType) territory!: TerritoryType;
  @Field(() => Float, { nullable: true, description: "The indicator's weight in its policy rate at the territory's level" }) weight!: number | null;
  @Field(() => DatedValueType, { nullable: true }) initial!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) current!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) annualTarget!: DatedValueType | null;
  @Field(() => DatedValueType, { nullable: true }) globalTarget!: DatedValueType | null;
  @Field(() => RateType) globalRate!: RateType;
  @Field(() => RateType) annualRate!: RateType;
  @Field(() => String, { nullable: true }) nextExpectedUpdate!: string | null;
  @Field() overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'Level of `territories`: the level below, when the policy is followed there' }) childLevel!: string | null;
  @Field(() => [IndicatorTerritoryRowType], { description: "The territories just below, inside the reader's scope" }) territories!: IndicatorTerritoryRowType[];
}
