import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedLabelType } from '../rights/rights.types';
import { PAGE_KINDS } from './usage-store';

export enum UsageGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(UsageGranularity, { name: 'UsageGranularity', description: 'Days, ISO weeks (from Monday) or calendar months, in UTC.' });

/** The page kinds as a GraphQL enum (upper case): an unknown kind is refused by the schema itself. */
export const PageKindEnum = Object.fromEntries(PAGE_KINDS.map((kind) => [kind.toUpperCase().replace(/-/g, '_'), kind])) as Record<string, string>;
registerEnumType(PageKindEnum, { name: 'PageKind', description: 'What kind of page was shown; never an address or free text.' });

@InputType('PageViewInput', { description: 'A page the web app rendered (ADR 045): its kind and, for a territory, its code.' })
export class PageViewInputType {
  @Field(() => PageKindEnum) kind!: string;
  @Field(() => String, { nullable: true, description: 'Code of the territory the page is about; its level is read from the referential' }) territoryCode?: string | null;
}

@ObjectType('UsageCount')
export class UsageCountType {
  @Field(() => String, { description: 'A role id (roles joined by +, or public), a territory level, or a page kind; empty: no territory' }) key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('UsagePoint', { description: 'One day, week or month.' })
export class UsagePointType {
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD)' }) periodStart!: string;
  @Field(() => Int, { description: 'Distinct signed-in accounts active in the period (anonymous visitors are not counted: they carry no id)' }) activeUsers!: number;
  @Field(() => Int, { description: 'Pages rendered in the period, anonymous included' }) views!: number;
  @Field(() => [UsageCountType], { description: 'Active accounts by role' }) byRole!: UsageCountType[];
}

@ObjectType('UsageRoleLevel')
export class UsageRoleLevelType {
  @Field(() => String) role!: string;
  @Field(() => String, { description: 'Territory level viewed; empty: a page about no territory' }) level!: string;
  @Field(() => Int) views!: number;
}

@ObjectType('UsageTerritory')
export class UsageTerritoryType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) level!: string;
  @Field(() => Int) views!: number;
}

@ObjectType('UsageRole')
export class UsageRoleType {
  @Field(() => String) id!: string;
  @Field(() => LocalizedLabelType) label!: LocalizedLabelType;
}

@ObjectType('UsageFigures', { description: 'Usage of the instance, without trackers and without personal data (ADR 045).' })
export class UsageFiguresType {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => UsageGranularity) granularity!: UsageGranularity;
  @Field(() => Int, { description: 'Days the figures are kept (usage.retentionDays)' }) retentionDays!: number;
  @Field(() => [UsagePointType]) points!: UsagePointType[];
  @Field(() => [UsageCountType], { description: 'Pages viewed by role' }) viewsByRole!: UsageCountType[];
  @Field(() => [UsageCountType], { description: 'Pages viewed by territory level' }) viewsByLevel!: UsageCountType[];
  @Field(() => [UsageRoleLevelType]) viewsByRoleAndLevel!: UsageRoleLevelType[];
  @Field(() => [UsageCountType], { description: 'Pages viewed by page kind (lower case, as PageKind in lower case)' }) pages!: UsageCountType[];
  @Field(() => [UsageTerritoryType], { description: 'The 20 territories most viewed' }) territories!: UsageTerritoryType[];
  @Field(() => [UsageRoleType], { description: 'The roles of the instance, to name the role ids' }) roles!: UsageRoleType[];
}
