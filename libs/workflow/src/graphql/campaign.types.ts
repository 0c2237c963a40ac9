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
  @Field(() => [String]) assigneeEmails!: string[];
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

@ObjectType('CampaignBoard', { description: 'Completeness and freshness of a campaign, per territory and per policy.' })
export class CampaignBoardType {
  @Field(() => CampaignType) campaign!: CampaignType;
  @Field() asOf!: string;
  @Field(() => BoardCountsType) totals!: BoardCountsType;
  @Field(() => [BoardRowType]) byTerritory!: BoardRowType[];
  @Field(() => [BoardRowType]) byPolicy!: BoardRowType[];
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
  @Field(() => String, { nullable: true, description: 'open or closed' }) status?: 'open' | 'closed';
}

@ObjectType('DeadlineReminders')
export class DeadlineRemindersType {
  @Field(() => Int) campaigns!: number;
  @Field(() => Int) notifications!: number;
}
