import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Campaign', { description: 'A data entry campaign: which values are expected, where, by whom, by when.' })
export class CampaignType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'First day of the period the values describe (YYYY-MM-DD)' }) periodStart!: string;
  @Field() periodEnd!: string;
  @Field() deadline!: string;
  @Field(() => [String]) indicatorIds!: string[];
  @Field(() => [String]) territoryCodes!: string[];
  @Field(() => [String], { description: 'Everyone assigned: listed by e-mail or holding one of assigneeRoles in the territories' }) assigneeEmails!: string[];
  @Field(() => [String], { description: 'Roles whose holders in the campaign territories (or below) are assigned' }) assigneeRoles!: string[];
  @Field(() => [String], { nullable: true, description: 'The e-mails listed by hand (not explained by a role); filled by campaignBoard only' }) listedAssigneeEmails?: string[] | null;
  @Field({ description: 'open or closed' }) status!: string;
  @Field() createdAt!: Date;
}

@ObjectType('BoardCounts')
export class BoardCountsType {
  @Field(() => Int) expected!: number;
  @Field(() => Int) published!: number;
  @Field(() => Int, { description: 'Proposed, not yet published' }) awaiting!: number;
  @Field(() => Int) missing!: number;
  @Field(() => Int, { description: 'Not published and the deadline is past' }) late!: number;
  @Field(() => Int, { description: 'Latest value older than periodicity + availability delay allow, or none' }) stale!: number;
  @Field(() => Float, { description: 'published / expected, in %' }) completeness!: number;
}

@ObjectType('BoardRow')
export class BoardRowType extends BoardCountsType {
  @Field({ description: 'Territory code or policy id' }) key!: string;
  @Field() name!: string;
}

@ObjectType('CampaignCell', { description: 'One expected value of a campaign: an indicator at a territory, and its status.' })
export class CampaignCellType {
  @Field() indicatorId!: string;
  @Field() indicatorName!: string;
  @Field() policyId!: string;
  @Field() policyName!: string;
  @Field() territoryCode!: string;
  @Field() territoryName!: string;
  @Field({ description: 'missing, awaiting (proposed, not yet published) or published' }) status!: string;
  @Field({ description: 'Not published and the deadline is past' }) late!: boolean;
  @Field({ description: 'Latest value older than periodicity + availability delay allow, or none' }) stale!: boolean;
  @Field(() => String, { nullable: true, description: 'Date of the latest published current value, any period' }) lastDate!: string | null;
}

@ObjectType('CampaignBoard', { description: 'Completeness and freshness of a campaign, per territory and per policy.' })
export class CampaignBoardType {
  @Field(() => CampaignType) campaign!: CampaignType;
  @Field() asOf!: string;
  @Field(() => BoardCountsType) totals!: BoardCountsType;
  @Field(() => [BoardRowType]) byTerritory!: BoardRowType[];
  @Field(() => [BoardRowType]) byPolicy!: BoardRowType[];
  @Field(() => [CampaignCellType], { description: 'Values not yet published (missing first, then awaiting), at most `pendingLimit`; the CSV has them all' }) pending!: CampaignCellType[];
  @Field(() => Int, { description: 'How many values are not yet published' }) pendingCount!: number;
}

@ObjectType('CampaignIndicatorOption')
export class CampaignIndicatorOptionType {
  @Field() id!: string;
  @Field() name!: string;
  @Field() policyId!: string;
  @Field() policyName!: string;
  @Field(() => [String], { description: 'Levels where the current value is entered' }) enteredLevels!: string[];
}

@ObjectType('CampaignRoleOption')
export class CampaignRoleOptionType {
  @Field() id!: string;
  @Field({ description: 'Label in French' }) fr!: string;
  @Field({ description: 'Label in English' }) en!: string;
}

@ObjectType('CampaignFormOptions', { description: 'What the campaign form offers: indicators and the roles whose holders may be assigned.' })
export class CampaignFormOptionsType {
  @Field(() => [CampaignIndicatorOptionType]) indicators!: CampaignIndicatorOptionType[];
  @Field(() => [CampaignRoleOptionType]) roles!: CampaignRoleOptionType[];
}

@InputType('CampaignInput')
export class CampaignInput {
  @Field() name!: string;
  @Field() periodStart!: string;
  @Field() periodEnd!: string;
  @Field() deadline!: string;
  @Field(() => [String]) indicatorIds!: string[];
  @Field(() => [String]) territoryCodes!: string[];
  @Field(() => [String], { defaultValue: [] }) assigneeEmails!: string[];
  @Field(() => [String], { defaultValue: [], description: 'Roles whose holders in the territories (or below) are assigned' }) assigneeRoles!: string[];
}

@InputType('CampaignChangeInput')
export class CampaignChangeInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) periodStart?: string;
  @Field(() => String, { nullable: true }) periodEnd?: string;
  @Field(() => String, { nullable: true }) deadline?: string;
  @Field(() => [String], { nullable: true }) indicatorIds?: string[];
  @Field(() => [String], { nullable: true }) territoryCodes?: string[];
  @Field(() => [String], { nullable: true }) assigneeEmails?: string[];
  @Field(() => [String], { nullable: true }) assigneeRoles?: string[];
  @Field(() => String, { nullable: true, description: 'open or closed' }) status?: 'open' | 'closed';
}

@ObjectType('DeadlineReminders')
export class DeadlineRemindersType {
  @Field(() => Int) campaigns!: number;
  @Field(() => Int) notifications!: number;
}
