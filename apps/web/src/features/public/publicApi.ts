import { GraphQLRequestError } from '../../api/graphql';
import type { PublicIndicatorFieldsFragment, PublicIndicatorQuery, PublicPolicyQuery, PublicTerritoryRateFieldsFragment } from '../../api/generated/graphql';
export { PublicHomeDocument as PUBLIC_HOME_QUERY, PublicIndicatorDocument as PUBLIC_INDICATOR_QUERY, PublicPolicyDocument as PUBLIC_POLICY_QUERY } from '../../api/generated/graphql';

/** The public read model's answers (features/public/public.graphql): no personal field exists in them. */
export type PublicIndicator = PublicIndicatorFieldsFragment;
export type PublicTerritoryRate = PublicTerritoryRateFieldsFragment;
export type PublicPolicyView = PublicPolicyQuery['publicPolicy'];
export type PublicIndicatorView = PublicIndicatorQuery['publicIndicator'];

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
