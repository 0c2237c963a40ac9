import { type AuthTestApp, startAuthTestApp } from './testing/auth-test-app';
import { graphql } from './testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from './testing/identities';

// The roadmap form of the territory page (issue 21): who may set a territory's roadmap, what is
// refused, and the audit trail of each change. Rights: update Narrative in the territory.
const CHOICES = `query($code: String!) { roadmapChoices(territoryCode: $code) { policyId name selected localObjective } }`;
const SET = `mutation($code: String!, $items: [RoadmapItemInput!]!) { setRoadmap(territoryCode: $code, items: $items) }`;

describe('roadmap selection from the territory page', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
    await api.context.dataSource.query(
      `INSERT INTO policy (id, code, name, kind, status, levels, position) VALUES
         ('P-RM1', 'RM1', 'Fibre partout', 'policy', 'published', '{DEPT}', 1),
         ('P-RM2', 'RM2', 'Maisons France services', 'policy', 'published', '{DEPT,REG}', 2),
         ('P-RM3', 'RM3', 'Brouillon', 'policy', 'draft', '{DEPT}', 3),
         ('P-RM4', 'RM4', 'Régional seulement', 'policy', 'published', '{REG}', 4)`,
    );
  });
  afterAll(() => api?.close());

  const as = <T>(name: TestIdentityName, query: string, variables: Record<string, unknown>) => graphql<T>(api.url, query, variables, who[name].headers);
  const roadmap = async (code: string) =>
    (await api.context.dataSource.query(`SELECT policy_id, local_objective FROM roadmap_item WHERE territory_code = $1 ORDER BY policy_id`, [code])) as { policy_id: string; local_objective: string | null }[];
  const trail = async () =>
    (await api.context.dataSource.query(`SELECT action, subject_id, old, new, actor_id FROM audit_log WHERE subject_type = 'roadmap_item' ORDER BY id`)) as { action: string; subject_id: string; old: unknown; new: unknown; actor_id: string }[];

  it('lets an agent of the territory choose policies of its level with objectives, audited one by one', async () => {
    const choices = await as<{ roadmapChoices: { policyId: string; selected: boolean }[] }>('departmentalAgentD13', CHOICES, { code: 'D13' });
    expect(choices.errors).toBeUndefined();
    expect(choices.data!.roadmapChoices.map((c) => c.policyId)).toEqual(['P-RM1', 'P-RM2']);

    const set = await as<{ setRoadmap: number }>('departmentalAgentD13', SET, { code: 'D13', items: [{ policyId: 'P-RM1', localObjective: '  100 % des foyers  ' }, { policyId: 'P-RM2' }] });
    expect(set.data?.setRoadmap).toBe(2);
    expect(await roadmap('D13')).toEqual([{ policy_id: 'P-RM1', local_objective: '100 % des foyers' }, { policy_id: 'P-RM2', local_objective: null }]);

    const again = await as<{ setRoadmap: number }>('departmentalAgentD13', SET, { code: 'D13', items: [{ policyId: 'P-RM1', localObjective: '90 % des foyers' }] });
    expect(again.data?.setRoadmap).toBe(2);
    expect(await roadmap('D13')).toEqual([{ policy_id: 'P-RM1', local_objective: '90 % des foyers' }]);
    expect(await trail()).toEqual([
      { action: 'roadmap.selected', subject_id: 'D13:P-RM1', old: null, new: { localObjective: '100 % des foyers' }, actor_id: who.departmentalAgentD13.userId },
      { action: 'roadmap.selected', subject_id: 'D13:P-RM2', old: null, new: { localObjective: null }, actor_id: who.departmentalAgentD13.userId },
      { action: 'roadmap.updated', subject_id: 'D13:P-RM1', old: { localObjective: '100 % des foyers' }, new: { localObjective: '90 % des foyers' }, actor_id: who.departmentalAgentD13.userId },
      { action: 'roadmap.removed', subject_id: 'D13:P-RM2', old: { localObjective: null }, new: null, actor_id: who.departmentalAgentD13.userId },
    ]);
  });

  it('refuses a reader, an agent of another territory and an anonymous visitor: nothing changes', async () => {
    const before = await roadmap('D13');
    const items = [{ policyId: 'P-RM2', localObjective: 'pirate' }];
    expect((await as('reader', SET, { code: 'D13', items })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('reader', CHOICES, { code: 'D13' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('outOfScopeAgentD29', SET, { code: 'D13', items })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('anonymous', SET, { code: 'D13', items })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await roadmap('D13')).toEqual(before);
  });

  it('names a bad item (draft policy, another level, twice, too long) and changes nothing', async () => {
    const before = await roadmap('D13');
    const count = (await trail()).length;
    const refused = async (items: unknown[]) => (await as('departmentalAgentD13', SET, { code: 'D13', items })).errors?.[0].extensions;
    expect(await refused([{ policyId: 'P-RM2' }, { policyId: 'P-RM3' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.policyId' });
    expect(await refused([{ policyId: 'P-RM4' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.0.policyId' });
    expect(await refused([{ policyId: 'P-RM1' }, { policyId: 'P-RM1' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.policyId' });
    expect(await refused([{ policyId: 'P-RM1', localObjective: 'x'.repeat(2001) }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.0.localObjective' });
    expect(await roadmap('D13')).toEqual(before);
    expect(await trail()).toHaveLength(count);
  });
});
