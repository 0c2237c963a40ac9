import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { MeasurePayload, NarrativePayload, WorkflowItem } from '../items/workflow-item';
import { stepsFrom } from '../state/workflow-state';

@ObjectType('WorkflowItem', { description: 'A proposed value, target, météo, comment or objective, and where it is in the workflow.' })
export class WorkflowItemType {
  @Field(() => ID) id!: string;
  @Field({ description: 'measure, weather, comment, objective or decision' }) subjectKind!: string;
  @Field() policyId!: string;
  @Field(() => String, { nullable: true }) indicatorId!: string | null;
  @Field() territoryCode!: string;
  @Field({ description: 'draft, submitted, validated, refused or published' }) state!: string;
  @Field(() => String, { nullable: true, description: 'Measures: VI, VA, VC or VC_INTERMEDIATE' }) measureKind!: string | null;
  @Field(() => String, { nullable: true, description: 'Measures: the date the value describes (YYYY-MM-DD)' }) date!: string | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) weather!: string | null;
  @Field(() => String, { nullable: true, description: 'Synthesis, comment, objective or decision text' }) body!: string | null;
  @Field(() => String, { nullable: true }) commentType!: string | null;
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was refused' }) reason!: string | null;
  @Field(() => ID, { nullable: true }) campaignId!: string | null;
  @Field({ description: 'entry or import' }) source!: string;
  @Field(() => [String], { description: 'Steps the state allows (rights not considered): save, submit, validate, refuse, publish' }) nextSteps!: string[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
}

export function toItemType(item: WorkflowItem): WorkflowItemType {
  const measure = item.subjectKind === 'measure' ? (item.payload as MeasurePayload) : null;
  const narrative = item.subjectKind === 'measure' ? null : (item.payload as NarrativePayload);
  return {
    id: item.id,
    subjectKind: item.subjectKind,
    policyId: item.policyId,
    indicatorId: item.indicatorId,
    territoryCode: item.territoryCode,
    state: item.state,
    measureKind: measure?.kind ?? null,
    date: measure?.date ?? null,
    value: measure?.value ?? null,
    weather: narrative?.weather ?? null,
    body: narrative?.body ?? null,
    commentType: narrative?.type ?? null,
    authorId: item.authorId,
    authorName: item.authorName,
    reason: item.reason,
    campaignId: item.campaignId,
    source: item.source,
    nextSteps: stepsFrom(item.state),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    submittedAt: item.submittedAt,
    decidedAt: item.decidedAt,
    publishedAt: item.publishedAt,
  };
}

@InputType('ValueProposalInput', { description: 'A current value (VA), target (VC, VC_INTERMEDIATE) or initial value (VI).' })
export class ValueProposalInput {
  @Field() indicatorId!: string;
  @Field() territoryCode!: string;
  @Field({ description: 'VI, VA, VC or VC_INTERMEDIATE' }) kind!: string;
  @Field({ description: 'YYYY-MM-DD: the date the value describes' }) date!: string;
  @Field(() => Float) value!: number;
  @Field(() => ID, { nullable: true }) campaignId?: string | null;
}

@InputType('NarrativeProposalInput', { description: 'Météo + synthesis, a comment, an objective or a decision.' })
export class NarrativeProposalInput {
  @Field() policyId!: string;
  @Field() territoryCode!: string;
  @Field({ description: 'weather, comment, objective or decision' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'SUNNY, CLOUDY, RAINY, STORMY, NOT_FILLED, NOT_NEEDED (weather)' }) weather?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => String, { nullable: true, description: 'Comment type among the instance’s' }) type?: string | null;
}

@InputType('WorkflowItemChangeInput', { description: 'New content of a draft or refused item.' })
export class WorkflowItemChangeInput {
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => String, { nullable: true }) date?: string | null;
  @Field(() => String, { nullable: true }) weather?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
}
