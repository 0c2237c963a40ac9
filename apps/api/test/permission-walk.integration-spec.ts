import { readdirSync } from 'node:fs';
import path from 'node:path';
import { undeclaredOperations, walkFieldResolvers, walkOperations, type WalkedOperation } from '@pilote/auth/testing';
import { loadInstanceConfig, type LoadedInstanceConfig } from '@pilote/core';
import type { TestKit } from '../src/testing';
import { startTestKit } from '../src/testing';
import { undeclaredModule } from './fixtures/undeclared.module';

const examples = path.join(__dirname, '../../../examples');

/** The demo instance with every module any example instance enables (first settings seen win). */
function instanceWithEveryExampleModule(): LoadedInstanceConfig {
  const loaded = readdirSync(examples).map((name) => loadInstanceConfig(path.join(examples, name), {}));
  const demo = loaded.find((instance) => instance.config.id === 'demo') ?? loaded[0];
  const modules = new Map<string, (typeof demo.config.modules)[number]>();
  for (const instance of loaded) for (const entry of instance.config.modules) if (!modules.has(entry.id)) modules.set(entry.id, entry);
  return { ...demo, config: { ...demo.config, modules: [...modules.values()] } };
}

const label = (operation: WalkedOperation) => `${operation.name} (${operation.handler ?? 'no Nest handler'})`;

/**
 * Fail closed (issue 14): walks the LIVE GraphQL schema and Express router of the kit booted with
 * every module of the example instances, and fails if any operation declares neither a permission
 * nor a public mark. A fixture module that forgot its declarations proves the walk and the guard.
 */
describe('permission walk: every operation of the live schema and router declares its right', () => {
  let kit: TestKit;
  let operations: WalkedOperation[];
  const instance = instanceWithEveryExampleModule();

  beforeAll(async () => {
    kit = await startTestKit({ instance, modules: [undeclaredModule], openDashboards: true });
    operations = walkOperations(kit.server.app);
  });
  afterAll(() => kit?.close());

  it('boots with every module of the example instances, and walks their operations too', () => {
    const ids = (kit.server.context.modules ?? []).map((module) => module.id);
    expect(ids).toEqual(expect.arrayContaining(['help-centre', 'chart', 'map', 'csv-connector', 'undeclared']));
    const names = operations.map((operation) => operation.name);
    expect(names).toEqual(expect.arrayContaining(['Query.home', 'Mutation.createApiToken', 'Query.helpArticles', 'GET /api/v1/modules/map/geometry', 'GET /api/v1/imports', 'GET /api/v1/indicators/:id/values']));
    expect(operations.filter((operation) => operation.kind === 'route').length).toBeGreaterThan(15);
    expect(operations.filter((operation) => operation.kind !== 'route').length).toBeGreaterThan(40);
  });

  it('finds no undeclared operation but the fixture’s, and no route answering outside the guard', async () => {
    expect((await undeclaredOperations(kit.server.app, kit.url)).map(label).sort()).toEqual([
      'GET /api/v1/modules/undeclared/secret (UndeclaredController.secret)',
      'Query.undeclaredSecret (UndeclaredResolver.undeclaredSecret)',
    ]);
  });

  it('refuses the undeclared query and route at request time, to everyone, with a clear code', async () => {
    const graphql = await kit.graphql('{ undeclaredSecret }');
    expect(graphql.data).toBeNull();
    expect(graphql.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATION_UNDECLARED' });
    expect(graphql.errors?.[0].message).toMatch(/UndeclaredResolver\.undeclaredSecret declares no permission/);
    const route = await fetch(`${kit.url}/api/v1/modules/undeclared/secret`);
    expect(route.status).toBe(403);
    const body = (await route.json()) as { error: string; message: string };
    expect(body.error).toBe('OPERATION_UNDECLARED');
    expect(JSON.stringify(body)).not.toMatch(/leaked/);
  });

  it('lets no field resolver run under a public or signed-in root unless it is marked public itself', () => {
    const fields = walkFieldResolvers(kit.server.app);
    expect(fields.map((field) => field.name)).toEqual(expect.arrayContaining(['Policy.indicators', 'Territory.parent']));
    // The public branding query reaches the modules' public settings: that field says it is public.
    const publicSettings = fields.find((field) => field.name.endsWith('.publicSettings'));
    expect(publicSettings).toMatchObject({ reachedFromWeakerRoots: expect.arrayContaining(['Query.instance']), access: { kind: 'public' } });
    const leaks = fields.filter((field) => field.reachedFromWeakerRoots.length > 0 && field.access?.kind !== 'public');
    expect(leaks).toEqual([]);
  });

  it('gives every public operation a reason (a public operation is a decision, reviewed in docs/operating/security-model.md)', () => {
    const publicOnes = operations.filter((operation) => operation.access?.kind === 'public');
    expect(publicOnes.length).toBeGreaterThan(0);
    for (const operation of publicOnes) expect({ operation: operation.name, reason: operation.access?.kind === 'public' && operation.access.reason.length > 10 }).toEqual({ operation: operation.name, reason: true });
  });
});
