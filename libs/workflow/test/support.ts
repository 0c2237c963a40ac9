import path from 'node:path';
import { type AuthTestApp, createTestIdentities, graphql, startAuthTestApp, type TestIdentity, type TestIdentityName } from '@pilote/auth/testing';
import { computationLevelOrder, type LoadedInstanceConfig, loadReferential, type NewMeasure, writeMeasures } from '@pilote/core';
import type { DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../src/notifications/mailer';
import type { MailSettings } from '../src/notifications/mail-settings';
import { WorkflowModule } from '../src/workflow.module';

export const AS_OF = '2024-12-31';
export const FIXTURES = path.join(__dirname, 'fixtures');

export interface WorkflowTestApp extends AuthTestApp {
  ids: Record<TestIdentityName, TestIdentity>;
  logs: string[];
  /** GraphQL as one of the test identities (bearer token with every scope). */
  as<T = Record<string, unknown>>(who: TestIdentityName, query: string, variables?: Record<string, unknown>): ReturnType<typeof graphql<T>>;
}

/**
 * Core + auth + workflow on a fresh database with the test referential, the test identities
 * and a few published values (D13: VI 10, VA 20, VC 50 → global rate 25 %).
 */
export async function startWorkflowApp(options: { mail?: MailSettings | null; mailer?: Mailer | null; instance?: LoadedInstanceConfig; imports?: DynamicModule['imports'] } = {}): Promise<WorkflowTestApp> {
  process.env.PILOTE_AS_OF = AS_OF;
  const logs: string[] = [];
  const app = await startAuthTestApp({
    instance: options.instance,
    imports: [...(options.imports ?? []), WorkflowModule.forRoot({ mail: options.mail ?? null, mailer: options.mailer, publicUrl: 'https://pilote.test.gouv.fr', log: (line) => logs.push(line) })],
  });
  const loaded = await loadReferential(app.context.dataSource, path.join(FIXTURES, 'referential'), { levels: app.context.instance.config.territoryLevels.map((l) => l.id) });
  if (!loaded.ok) throw new Error(`test referential: ${JSON.stringify(loaded.problems)}`);
  await publish(app.context.dataSource, [
    { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VI', date: '2023-12-31', value: 10 },
    { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VA', date: '2024-06-30', value: 20 },
    { indicatorId: 'IND-W', territoryCode: 'D13', kind: 'VC', date: '2025-12-31', value: 50 },
  ], app);
  const ids = await createTestIdentities(app.context.dataSource.manager);
  return { ...app, ids, logs, as: (who, query, variables = {}) => graphql(app.url, query, variables, ids[who].headers) };
}

export async function publish(dataSource: DataSource, measures: NewMeasure[], app: AuthTestApp): Promise<void> {
  await dataSource.transaction((manager) => writeMeasures(manager, measures, { provenance: 'seed', levelOrder: computationLevelOrder(app.context.instance.config), asOf: AS_OF }));
}

export async function rate(dataSource: DataSource, table: 'indicator_state' | 'policy_state', id: string, territory: string): Promise<number | null> {
  const key = table === 'indicator_state' ? 'indicator_id' : 'policy_id';
  const rows = (await dataSource.query(`SELECT global_rate FROM ${table} WHERE ${key} = $1 AND territory_code = $2`, [id, territory])) as { global_rate: number | null }[];
  return rows[0]?.global_rate === null || rows[0]?.global_rate === undefined ? null : Number(rows[0].global_rate);
}

export const ITEM_FIELDS = 'id state subjectKind measureKind date value weather body reason authorId nextSteps';
