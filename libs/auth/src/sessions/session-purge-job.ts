import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { jobQueueOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import { purgeExpiredSessions } from './session-store';

export const SESSION_PURGE_JOB = 'auth.session-purge';

/** Expired sessions are deleted every hour, once across replicas (and still at each login). */
@Injectable()
export class SessionPurgeJob implements OnModuleInit {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  onModuleInit(): void {
    jobQueueOf(this.kit).define({
      name: SESSION_PURGE_JOB,
      description: 'Deletes expired sessions.',
      schedule: '23 * * * *',
      run: async (_data, context) => purgeExpiredSessions(context.dataSource.manager),
    });
  }
}
