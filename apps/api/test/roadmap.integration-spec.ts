import type { TestIdentity, TestIdentityName } from '@pilote/auth/testing';
import type { TestKit } from '../src/testing';
import { startKitWithIdentities } from './kit-with-identities';


describe('territory roadmaps (feuille de route)', () => {
  let kit: TestKit;
  let who: Record<TestIdentityName, TestIdentity>;
  beforeAll(async () => {
    ({ kit, who } = await startKitWithIdentities());
  });
  afterAll(() => kit.close());

  const select = (identity: TestIdentity, territoryCode: string, localObjective: string) =>
    kit.graphql<{ selectRoadmapPolicy: boolean }>(
      `mutation($t: String!, $o: String) { selectRoadmapPolicy(territoryCode: $t, policyId: "P-1", localObjective: $o) }`,
      { t: territoryCode, o: localObjective },
      identity.headers,
    );
  const roadmap = async (identity: TestIdentity) =>
    (await kit.graphql<{ territoryView: { roadmap: { policy: { id: string }; localObjective: string | null }[] } }>(
      `{ territoryView(code: "D13") { roadmap { policy { id } localObjective } } }`,
      {},
      identity.headers,
    )).data?.territoryView.roadmap;

  it('lets an agent of the territory choose a policy with a local objective, shown on the territory page', async () => {
    expect((await select(who.departmentalAgentD13, 'D13', '40 structures ouvertes en 2026')).data?.selectRoadmapPolicy).toBe(true);
    expect(await roadmap(who.reader)).toEqual([{ policy: { id: 'P-1' }, localObjective: '40 structures ouvertes en 2026' }]);
    expect((await select(who.departmentalAgentD13, 'D13', '45 structures')).data?.selectRoadmapPolicy).toBe(true);
    const trail = (await kit.server.context.dataSource.query(`SELECT action, old, new FROM audit_log WHERE subject_type = 'roadmap_item' ORDER BY id`)) as unknown[];
    expect(trail).toEqual([
      { action: 'roadmap.selected', old: null, new: { localObjective: '40 structures ouvertes en 2026' } },
      { action: 'roadmap.updated', old: { localObjective: '40 structures ouvertes en 2026' }, new: { localObjective: '45 structures' } },
    ]);
  });

  it('refuses readers and agents of another territory, without changing anything', async () => {
    for (const identity of [who.reader, who.outOfScopeAgentD29, who.anonymous]) {
      const result = await select(identity, 'D13', 'hijack');
      expect(result.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect((await roadmap(who.reader))?.[0].localObjective).toBe('45 structures');
  });

  it('says which argument is wrong', async () => {
    const unknown = await kit.graphql(`mutation { selectRoadmapPolicy(territoryCode: "D13", policyId: "P-404") }`, {}, who.departmentalAgentD13.headers);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'No published policy "P-404".', extensions: { code: 'NOT_FOUND', field: 'policyId' } });
  });
});
