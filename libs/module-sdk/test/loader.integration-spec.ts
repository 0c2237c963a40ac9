import { startTestKit, type TestKit } from '../src/testing';
import minimal from './fixtures/minimal.module';
import rich from './fixtures/rich.module';
import { futureKit } from './fixtures/invalid.modules';

describe('startTestKit with modules', () => {
  let kit: TestKit;

  beforeAll(async () => {
    kit = await startTestKit({ modules: [{ manifest: rich, settings: { greeting: 'Salut', limit: 2 } }, minimal] });
  });
  afterAll(() => kit?.close());

  it('lists the enabled modules, in dependency order, in instance.modules', async () => {
    const { data } = await kit.graphql<{ instance: { modules: { id: string; version: string; displayName: { fr: string } }[] } }>(`{ instance { modules { id version displayName } } }`);
    expect(data!.instance.modules).toEqual([
      { id: 'minimal', version: '1.0.0', displayName: { fr: 'Module minimal', en: 'Minimal module' } },
      { id: 'rich', version: '2.1.0', displayName: { fr: 'Module complet', en: 'Rich module' } },
    ]);
  });

  it("serves the module's GraphQL with its settings, over the table its migration created", async () => {
    const hello = await kit.graphql<{ richHello: string }>(`{ richHello(name: "Ana") }`);
    expect(hello.data!.richHello).toBe('Salut Ana');
    const notes = await kit.graphql<{ richNotes: string[] }>(`{ richNotes }`);
    expect(notes.data!.richNotes).toEqual(['first', 'second']);
  });

  it("runs the module's migration after the core's", async () => {
    const rows = (await kit.server.context.dataSource.query(`SELECT name FROM pilote_migrations ORDER BY id`)) as { name: string }[];
    expect(rows[rows.length - 1].name).toBe('CreateRichNotes1767225600001');
    expect(rows.length).toBeGreaterThan(1);
  });
});

describe('startTestKit with an invalid module', () => {
  it('refuses to boot and names the module and the key', async () => {
    await expect(startTestKit({ modules: [futureKit] })).rejects.toThrow(/module.*"future-kit" → manifest\.kitRange: requires kit \^9\.0\.0/);
  });
});
