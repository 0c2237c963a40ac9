import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AuditRetentionSource {
  CONFIG = 'CONFIG',
  SCREEN = 'SCREEN',
}
registerEnumType(AuditRetentionSource, { name: 'AuditRetentionSource', description: 'CONFIG: audit.retentionDays of pilote.config.ts; SCREEN: set on /admin/audit.' });

@ObjectType('AuditRetention', { description: 'How long the audit trail is kept, and where that comes from.' })
export class AuditRetentionType {
  @Field(() => Int, { nullable: true, description: 'Days the trail is kept; null: kept without limit' }) days!: number | null;
  @Field(() => AuditRetentionSource) source!: AuditRetentionSource;
  @Field(() => String, { nullable: true, description: 'E-mail of who set it on screen' }) changedBy!: string | null;
  @Field(() => Date, { nullable: true }) changedAt!: Date | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
