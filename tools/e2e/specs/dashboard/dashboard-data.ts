// What the dashboard specs read from the instance under test, so that they hold for any instance.
import { graphql } from '../../support';

export interface Level { id: string; rank: number; hasMap: boolean; perimeter: boolean }
export interface InstanceInfo { locales: string[]; defaultLocale: string; levels: Level[] }
export interface Row { policy: { id: string; code: string; name: string }; alerts: { code: string }[]; globalRate: { explanationId: string; value: number | null } }
export interface Home { territory: { code: string; name: string; level: string }; policies: Row[]; mapLevel: string | null; map: { code: string }[] }

export async function instanceInfo(): Promise<InstanceInfo> {
  const { instance } = await graphql<{ instance: InstanceInfo }>('{ instance { locales defaultLocale levels { id rank hasMap perimeter } } }');
  return instance;
}

/** The instance's word for a policy in French, capitalised as in a column header ("Chantier", "Action"…). */
export async function policyWord(): Promise<string> {
  const { instance } = await graphql<{ instance: { vocabulary: Record<string, Record<string, string>> } }>('{ instance { vocabulary } }');
  const word = instance.vocabulary.fr?.policy ?? 'chantier';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Hierarchy levels from the broadest (perimeters such as CRTE excluded). */
export async function hierarchy(): Promise<Level[]> {
  return (await instanceInfo()).levels.filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank);
}

export async function territories(level: string, first = 500): Promise<{ code: string; name: string; parentCode: string | null }[]> {
  const { territories: page } = await graphql<{ territories: { edges: { node: { code: string; name: string; parentCode: string | null } }[] } }>(
    'query($level: String, $first: Int) { territories(level: $level, first: $first) { edges { node { code name parentCode } } } }',
    { level, first },
  );
  return page.edges.map((e) => e.node);
}

export async function home(territoryCode: string, filter: Record<string, unknown> = {}): Promise<Home> {
  const { home: view } = await graphql<{ home: Home }>(
    `query($code: String!, $filter: PolicyFilter) { home(territoryCode: $code, filter: $filter) {
      territory { code name level } mapLevel map { code }
      policies { policy { id code name } alerts { code } globalRate { explanationId value } } } }`,
    { code: territoryCode, filter },
  );
  return view;
}

/** The visible rows of the policy table (its body rows). */
export const tableRows = (page: import('playwright-core').Page, caption: RegExp | string) =>
  page.getByRole('table', { name: caption }).locator('tbody tr');

export const TEXT: Record<string, { level: string; territory: string; export: string; exportXlsx: string; english: string; policies: string; explain: RegExp; back: string }> = {
  fr: { level: 'Maille', territory: 'Territoire', export: 'Exporter en CSV', exportXlsx: 'Exporter en Excel (XLSX)', english: 'English', policies: 'Chantiers', explain: /^Expliquer le calcul/, back: 'Retour' },
  en: { level: 'Level', territory: 'Territory', export: 'Export as CSV', exportXlsx: 'Export as Excel (XLSX)', english: 'English', policies: 'Policies', explain: /^Explain the computation/, back: 'Back' },
};
