import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@pilote/core';

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Role, Assignment, AccessRequest, ApiToken, User, Measure…' }) subjectType?: string | null;
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the actor\'s e-mail, or system / anonymous' }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'An action or its start, e.g. measure. or roadmap.selected' }) action?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the subject id, or a territory code' }) target?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date or date-time, inclusive' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date (whole day included) or date-time' }) to?: string | null;
}

@ObjectType('AuditLogEntry', { description: 'Who changed what, when: old and new values as JSON text.' })
export class AuditLogEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorEmail!: string | null;
  @Field({ description: 'user, token, system or anonymous' }) actorKind!: string;
  @Field() action!: string;
  @Field() subjectType!: string;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) old!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) new!: string | null;
  @Field(() => String, { nullable: true }) territoryCode!: string | null;
}

@ObjectType('AuditLogEdge')
export class AuditLogEdge {
  @Field(() => AuditLogEntryType) node!: AuditLogEntryType;
}

@ObjectType('AuditLogConnection')
export class AuditLogConnection {
  @Field(() => [AuditLogEdge]) edges!: AuditLogEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int, { nullable: true, description: 'Days the trail is kept (set on screen, else audit.retentionDays in pilote.config.ts); null: kept without limit' }) retentionDays!: number | null;
}
