import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { WorkflowItemType } from './workflow-item.types';

@ObjectType('RatePair')
export class RatePairType {
  @Field(() => Float, { nullable: true }) annual!: number | null;
  @Field(() => Float, { nullable: true }) global!: number | null;
}

@ObjectType('RateEffect', { description: 'A rate before → after publishing the pending proposals (computed, then rolled back).' })
export class RateEffectType {
  @Field({ description: 'indicator or policy' }) scope!: string;
  @Field() id!: string;
  @Field() name!: string;
  @Field() territoryCode!: string;
  @Field() territoryName!: string;
  @Field(() => RatePairType, { nullable: true }) before!: RatePairType | null;
  @Field(() => RatePairType) after!: RatePairType;
  @Field() changed!: boolean;
}

@ObjectType('OfficialValues', { description: 'Published values and rates (what the dashboard shows).' })
export class OfficialValuesType {
  @Field(() => Float, { nullable: true }) initialValue!: number | null;
  @Field(() => String, { nullable: true }) initialDate!: string | null;
  @Field(() => Float, { nullable: true }) currentValue!: number | null;
  @Field(() => String, { nullable: true }) currentDate!: string | null;
  @Field(() => Float, { nullable: true }) annualTarget!: number | null;
  @Field(() => String, { nullable: true }) annualTargetDate!: string | null;
  @Field(() => Float, { nullable: true }) globalTarget!: number | null;
  @Field(() => String, { nullable: true }) globalTargetDate!: string | null;
  @Field(() => Float, { nullable: true }) annualRate!: number | null;
  @Field(() => Float, { nullable: true }) globalRate!: number | null;
}

@ObjectType('EntryIndicator')
export class EntryIndicatorType {
  @Field() id!: string;
  @Field() name!: string;
  @Field() unit!: string;
  @Field() direction!: string;
  @Field(() => [String], { description: 'VI, VA, VC entered at this level (others are aggregated)' }) enteredKinds!: string[];
  @Field(() => OfficialValuesType) official!: OfficialValuesType;
  @Field(() => [WorkflowItemType], { description: 'Unpublished proposals (drafts: yours only)' }) proposals!: WorkflowItemType[];
}

@ObjectType('PublishedNarrative')
export class PublishedNarrativeType {
  @Field() id!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) weather!: string | null;
  @Field() body!: string;
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field() date!: string;
  @Field(() => String, { nullable: true }) author!: string | null;
}

@ObjectType('EntryRights', { description: 'What you may do here.' })
export class EntryRightsType {
  @Field() proposeValues!: boolean;
  @Field() validateValues!: boolean;
  @Field() publishValues!: boolean;
  @Field() proposeNarratives!: boolean;
  @Field() validateNarratives!: boolean;
  @Field() publishNarratives!: boolean;
}

@ObjectType('EntryTerritory')
export class EntryTerritoryType {
  @Field() code!: string;
  @Field() name!: string;
  @Field() level!: string;
}

@ObjectType('EntryPolicy')
export class EntryPolicyType {
  @Field() id!: string;
  @Field() name!: string;
}

@ObjectType('EntrySheet', { description: 'The data entry page of a territory × policy.' })
export class EntrySheetType {
  @Field(() => EntryTerritoryType) territory!: EntryTerritoryType;
  @Field(() => EntryPolicyType) policy!: EntryPolicyType;
  @Field(() => [EntryIndicatorType]) indicators!: EntryIndicatorType[];
  @Field(() => [PublishedNarrativeType], { description: 'Latest published météo, then recent comments, objectives, decisions' }) narratives!: PublishedNarrativeType[];
  @Field(() => [WorkflowItemType]) narrativeProposals!: WorkflowItemType[];
  @Field(() => EntryRightsType) rights!: EntryRightsType;
  @Field(() => [RateEffectType]) effect!: RateEffectType[];
}

@ObjectType('WorkflowSettings', { description: 'The instance’s workflow configuration (pilote.config.ts `workflow`).' })
export class WorkflowSettingsType {
  @Field({ description: 'For you: true, your imports publish directly; false, they become proposals (POST /api/v1/imports/proposals). Follows publishByImport and your rights.' }) trustedImports!: boolean;
  @Field({ description: "Who publishes by import: 'publishers' (roles that may publish; the default) or 'importers' (anyone who may import)" }) publishByImport!: string;
  @Field({ description: 'Whether the author of a proposal may validate it (default false: separation of duties)' }) selfValidation!: boolean;
  @Field(() => Int) deadlineReminderDays!: number;
  @Field({ description: 'Whether e-mails are sent (SMTP_HOST set)' }) emailEnabled!: boolean;
}
