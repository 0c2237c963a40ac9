import { Controller, Get, Inject } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext, Public, readMigrationStatus } from '@pilote/core';

@Controller('health')
export class HealthController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  /** Liveness and readiness: the database answers and no migration is pending (and the read replica's state, when there is one). */
  @Get()
  @Public('liveness and migration status for load balancers and probes; no data')
  async health() {
    let database: { kind: string; reachable: boolean; migrations?: { applied: number; pending: string[] } };
    try {
      const status = await readMigrationStatus(this.kit.dataSource);
      database = { kind: this.kit.database.kind, reachable: true, migrations: { applied: status.applied.length, pending: status.pending } };
    } catch {
      database = { kind: this.kit.database.kind, reachable: false };
    }
    const ready = database.reachable && (database.migrations?.pending.length ?? 1) === 0;
    return {
      status: ready ? 'ok' : 'degraded',
      version: this.kit.version,
      instance: this.kit.instance.config.id,
      database,
      ...(this.kit.readReplica ? { replica: await this.replica() } : {}),
    };
  }

  /** A replica that is down or lagging does not make the API unready: dashboard reads go to the primary. */
  private async replica() {
    const status = await this.kit.readReplica!.look(true);
    return { reachable: status.reachable, standby: status.standby, lagSeconds: status.lagSeconds, servesReads: status.skippedBecause === null, skippedBecause: status.skippedBecause };
  }
}
