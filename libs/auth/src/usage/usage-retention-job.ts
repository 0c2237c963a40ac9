import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { jobQueueOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import { closeFinishedPeriods, purgeUsage } from './usage-store';

export const USAGE_RETENTION_JOB = 'usage.retention';

/**
 * Every night, once across replicas: closes the finished days, weeks and months (their salted
 * hashes become counts, then the hashes and salts are deleted) and deletes the usage aggregates
 * older than `usage.retentionDays`. ADR 045.
 */
@Injectable()
export class UsageRetentionJob implements OnModuleInit {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  onModuleInit(): void {
    jobQueueOf(this.kit).define({
      name: USAGE_RETENTION_JOB,
      description: 'Closes the finished days, weeks and months of the usage figures (deletes their hashes and salts) and deletes aggregates older than usage.retentionDays.',
      schedule: '7 0 * * *',
      run: async (_data, context) => {
        await context.dataSource.transaction((manager) => closeFinishedPeriods(manager));
        await purgeUsage(context.dataSource.manager, this.kit.instance.config.usage.retentionDays);
      },
    });
  }
}
