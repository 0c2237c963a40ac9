import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { jobQueueOf } from '../jobs/job-queue';
import { publicScopeOf } from './public-read-model';
import { PUBLIC_SNAPSHOT_JOB, takePublicSnapshot } from './public-snapshot';

/** Every night, once across replicas: today's copy of every public open-data file (ADR 031 queue). */
@Injectable()
export class PublicSnapshotJob implements OnModuleInit {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  onModuleInit(): void {
    jobQueueOf(this.kit).define<{ takenOn?: string }>({
      name: PUBLIC_SNAPSHOT_JOB,
      description: 'Keeps a daily copy of the public open-data files (publicSite).',
      schedule: '17 3 * * *',
      run: async (data, context) => {
        const config = this.kit.instance.config;
        if (!config.publicSite.enabled) return;
        const db = context.dataSource.manager;
        const takenOn = data.takenOn ?? new Date().toISOString().slice(0, 10);
        await takePublicSnapshot(db, publicScopeOf(config), takenOn, config.publicSite.openData.snapshotsKept);
      },
    });
  }
}
