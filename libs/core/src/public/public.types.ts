import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The public read model's types (ADR 038). They are separate from the dashboard's types on
 * purpose: no field here can carry a person (no owners, e-mails, authors, comment texts), so a
 * public answer cannot leak one by a selection set. Plain fields only: no field resolver can run
 * under these public roots.
 */
@ObjectType('PublicSite')
export class PublicSiteType {
  @Field() enabled!: boolean;
  @Field(() => [String], { description: 'Territory levels the public site shows, broadest first' }) levels!: string[];
  @Field({ description: 'Whether the météo level is shown' }) weather!: boolean;
  @Field(() => String, { nullable: true, description: 'The territory the public home opens on' }) rootTerritory!: string | null;
  @Field(() => String, { nullable: true, description: 'The level each indicator map colours' }) mapLevel!: string | null;
  @Field(() => [String], { description: 'Sites allowed to frame embeds' }) embedSites!: string[];
}

@ObjectType('PublicTerritory')
export class PublicTerritoryType {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
}

@ObjectType('PublicPolicy')
export class PublicPolicyType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Float, { nullable: true }) globalRate!: number | null;
  @Field(() => Float, { nullable: true }) annualRate!: number | null;
  @Field(() => String, { nullable: true, description: 'Météo level (SUNNY…), only when the instance shows it' }) weather!: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the latest published value used (YYYY-MM-DD)' }) valuesAsOf!: string | null;
  @Field(() => String, { nullable: true, description: 'When the figures were last recomputed (YYYY-MM-DD)' }) updatedOn!: string | null;
  @Field(() => Int) indicatorCount!: number;
}

@ObjectType('PublicIndicator')
export class PublicIndicatorType {
  @Field(() => ID) id!: string;
  @Field() policyId!: string;
  @Field() name!: string;
  @Field() unit!: string;
  @Field() direction!: string;
  @Field() periodicity!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Float, { nullable: true }) currentValue!: number | null;
  @Field(() => String, { nullable: true }) currentDate!: string | null;
  @Field(() => Float, { nullable: true }) globalTarget!: number | null;
  @Field(() => String, { nullable: true }) globalTargetDate!: string | null;
  @Field(() => Float, { nullable: true }) globalRate!: number | null;
  @Field(() => Float, { nullable: true }) annualRate!: number | null;
  @Field(() => String, { nullable: true }) updatedOn!: string | null;
}

@ObjectType('PublicPoint')
export class PublicPointType {
  @Field() date!: string;
  @Field() kind!: string;
  @Field(() => Float) value!: number;
  @Field({ description: 'Aggregated from the level below (not entered)' }) aggregated!: boolean;
}

@ObjectType('PublicTerritoryRate')
export class PublicTerritoryRateType {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
}

@ObjectType('PublicHome')
export class PublicHomeType {
  @Field(() => PublicTerritoryType) territory!: PublicTerritoryType;
  @Field(() => [PublicPolicyType]) policies!: PublicPolicyType[];
  @Field(() => String, { nullable: true }) updatedOn!: string | null;
}

@ObjectType('PublicPolicyView')
export class PublicPolicyViewType {
  @Field(() => PublicPolicyType) policy!: PublicPolicyType;
  @Field(() => PublicTerritoryType) territory!: PublicTerritoryType;
  @Field(() => [PublicIndicatorType]) indicators!: PublicIndicatorType[];
  @Field(() => [PublicTerritoryRateType], { description: 'The policy rate at each territory of the map level below' }) map!: PublicTerritoryRateType[];
}

@ObjectType('PublicIndicatorView')
export class PublicIndicatorViewType {
  @Field(() => PublicIndicatorType) indicator!: PublicIndicatorType;
  @Field(() => PublicTerritoryType) territory!: PublicTerritoryType;
  @Field(() => [PublicPointType]) points!: PublicPointType[];
  @Field(() => [PublicPointType]) targets!: PublicPointType[];
  @Field(() => [PublicTerritoryRateType]) map!: PublicTerritoryRateType[];
}
