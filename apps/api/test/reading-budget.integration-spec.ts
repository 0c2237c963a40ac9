import { DEFAULT_GRAPHQL_BUDGET_PER_MINUTE } from '../src/security/security-settings';
import { startTestKit, type TestKit } from '../src/testing';
import { HomeDocument, InstanceDocument, TaxonomiesDocument, TerritoriesDocument } from '../../web/src/api/generated/graphql';

const [HOME_QUERY, INSTANCE_QUERY, TAXONOMIES_QUERY, TERRITORIES_QUERY] = [HomeDocument, InstanceDocument, TaxonomiesDocument, TerritoriesDocument].map(String);

// What the web app asks for when a page is opened from a link (apps/web: App, ModuleHost, DataPanels, selectors, HomePage).
const FIRST_PAGE_LOAD: { query: string; variables?: Record<string, unknown> }[] = [
  { query: INSTANCE_QUERY },
  { query: 'query EnabledModules { instance { modules { id publicSettings } } }' },
  { query: 'query DataPanels { dataPanels { id zone } }' },
  { query: TERRITORIES_QUERY, variables: { level: 'REG', first: 500 } },
  { query: TERRITORIES_QUERY, variables: { level: 'DEPT', first: 500 } },
  { query: TAXONOMIES_QUERY },
  { query: HOME_QUERY, variables: { territoryCode: 'FRANCE' } },
];

describe('the default GraphQL budget and a reader browsing', () => {
  let kit: TestKit;
  const saved = process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE;
  beforeAll(async () => {
    // startTestKit turns the budget off unless it is set: here it is the instance's default.
    process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE = String(DEFAULT_GRAPHQL_BUDGET_PER_MINUTE);
    kit = await startTestKit();
  });
  afterAll(async () => {
    await kit?.close();
    if (saved === undefined) delete process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE;
    else process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE = saved;
  });

  it('lets an anonymous reader open ten pages in a row, each from a link, without being limited', async () => {
    const statuses: number[] = [];
    for (let page = 0; page < 10; page += 1) {
      const answers = await Promise.all(
        FIRST_PAGE_LOAD.map(async (request) => {
          const response = await fetch(`${kit.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          return { status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code) };
        }),
      );
      statuses.push(...answers.map((answer) => answer.status));
      expect(answers.flatMap((answer) => answer.codes)).not.toContain('RATE_LIMITED');
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
  });
});
