import { GraphQLRequestError } from '../../api/graphql';

/** The public read model's answers (libs/core/src/public): no personal field exists in them. */
export interface PublicSite { enabled: boolean; levels: string[]; weather: boolean; rootTerritory: string | null; mapLevel: string | null; embedSites: string[] }
export interface PublicTerritory { code: string; name: string; level: string; parentCode: string | null }
export interface PublicPolicy {
  id: string; code: string; name: string; description: string | null; globalRate: number | null; annualRate: number | null;
  weather: string | null; valuesAsOf: string | null; updatedOn: string | null; indicatorCount: number;
}
export interface PublicIndicator {
  id: string; policyId: string; name: string; unit: string; direction: string; periodicity: string; source: string | null; method: string | null;
  description: string | null; currentValue: number | null; currentDate: string | null; globalTarget: number | null; globalTargetDate: string | null;
  globalRate: number | null; annualRate: number | null; updatedOn: string | null;
}
export interface PublicPoint { date: string; kind: string; value: number; aggregated: boolean }
export interface PublicTerritoryRate { code: string; name: string; level: string; value: number | null }
export interface PublicHome { territory: PublicTerritory; policies: PublicPolicy[]; updatedOn: string | null }
export interface PublicPolicyView { policy: PublicPolicy; territory: PublicTerritory; indicators: PublicIndicator[]; map: PublicTerritoryRate[] }
export interface PublicIndicatorView { indicator: PublicIndicator; territory: PublicTerritory; points: PublicPoint[]; targets: PublicPoint[]; map: PublicTerritoryRate[] }

const TERRITORY = 'territory { code name level parentCode }';
const POLICY = 'id code name description globalRate annualRate weather valuesAsOf updatedOn indicatorCount';
const INDICATOR = 'id policyId name unit direction periodicity source method description currentValue currentDate globalTarget globalTargetDate globalRate annualRate updatedOn';
const MAP = 'map { code name level value }';

export const PUBLIC_SITE_QUERY = `query PublicSite { publicSite { enabled levels weather rootTerritory mapLevel embedSites } }`;
export const PUBLIC_HOME_QUERY = `query PublicHome($territoryCode: String) { publicHome(territoryCode: $territoryCode) { ${TERRITORY} updatedOn policies { ${POLICY} } } }`;
export const PUBLIC_POLICY_QUERY = `query PublicPolicy($policyId: ID!, $territoryCode: String) {
  publicPolicy(policyId: $policyId, territoryCode: $territoryCode) { ${TERRITORY} policy { ${POLICY} } indicators { ${INDICATOR} } ${MAP} } }`;
export const PUBLIC_INDICATOR_QUERY = `query PublicIndicator($indicatorId: ID!, $territoryCode: String) {
  publicIndicator(indicatorId: $indicatorId, territoryCode: $territoryCode) {
    ${TERRITORY} indicator { ${INDICATOR} } points { date kind value aggregated } targets { date kind value aggregated } ${MAP} } }`;

/** The server said this is not public (or not there): show the placeholder, never data. */
export function isNotPublic(error: unknown): boolean {
  return error instanceof GraphQLRequestError && Boolean(error.errors?.some((e) => e.extensions?.code === 'NOT_PUBLIC'));
}

/** Open-data file of a public indicator or policy (CSV, with its Table Schema). */
export function downloadUrl(kind: 'values' | 'indicator-rates' | 'policy-rates', id: string): string {
  const path = kind === 'values' ? `indicators/${encodeURIComponent(id)}/values` : kind === 'indicator-rates' ? `indicators/${encodeURIComponent(id)}/rates` : `policies/${encodeURIComponent(id)}/rates`;
  return `/api/v1/public/${path}`;
}

export function schemaUrl(kind: 'values' | 'indicator-rates' | 'policy-rates'): string {
  return `/api/v1/public/schemas/${kind}.json`;
}

/** What can be embedded, and the URL of its embed page. */
export type EmbedKind = 'indicator-chart' | 'indicator-map' | 'indicator-table' | 'policy-gauge' | 'policy-map';
export const EMBED_KINDS: EmbedKind[] = ['indicator-chart', 'indicator-map', 'indicator-table', 'policy-gauge', 'policy-map'];

export function embedPath(kind: EmbedKind, id: string, territory?: string | null, lang?: string): string {
  const params = new URLSearchParams();
  if (territory) params.set('territory', territory);
  if (lang) params.set('lang', lang);
  const query = params.toString();
  return `/embed/${kind}/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}
