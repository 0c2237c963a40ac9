import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { jobQueueOf, KIT_CONTEXT, type KitContext, purgeAuditLog } from '@pilote/core';
import { effectiveRetention } from './audit-retention-setting';

export const AUDIT_RETENTION_JOB = 'audit.retention';

/**
 * Every night, once across replicas, deletes the audit lines older than the instance's
 * retention in force: set on /admin/audit, else `audit.retentionDays` (pilote.config.ts; unset
 * keeps everything). ADR 040.
 */
@Injectable()
export class AuditRetentionJob implements OnModuleInit {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  onModuleInit(): void {
    jobQueueOf(this.kit).define({
      name: AUDIT_RETENTION_JOB,
      description: 'Deletes audit lines older than the retention in force (set on /admin/audit, else audit.retentionDays).',
      schedule: '17 3 * * *',
      run: async (_data, context) => {
        const { days } = await effectiveRetention(context.dataSource.manager, this.kit.instance.config.audit.retentionDays);
        // Not one transaction: each batch of deletions commits on its own.
        if (days !== null) await purgeAuditLog(context.dataSource.manager, days);
      },
    });
  }
}
