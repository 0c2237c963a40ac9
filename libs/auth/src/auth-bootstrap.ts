import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AUTH_SETTINGS } from './auth.tokens';
import type { AuthSettings } from './config/auth-settings';
import { seedDemoUsers } from './demo/demo-users';
import { applyDefaultGrants } from './permissions/apply-default-grants';

/** At boot: modules' default grants, and the demo users of a demo instance. */
@Injectable()
export class AuthBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kit.dataSource.transaction(async (manager) => {
      // Replicas started together would both find a grant missing and insert it: one at a time.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pilote.auth-bootstrap'))`);
      await applyDefaultGrants(manager);
      if (this.kit.instance.config.demoMode && !this.settings.production) await seedDemoUsers(manager);
    });
  }
}
