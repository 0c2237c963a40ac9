import type { InstanceConfig } from '../config/instance-config.schema';
import { localize } from '../config/localized-text';
import type { PublicIndicatorType, PublicPolicyType } from './public.types';

const PERIODICITY: Record<string, string> = {
  daily: 'http://publications.europa.eu/resource/authority/frequency/DAILY',
  weekly: 'http://publications.europa.eu/resource/authority/frequency/WEEKLY',
  monthly: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
  quarterly: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
  'half-yearly': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL_2',
  yearly: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
};

/**
 * The catalogue entry of the public open data, DCAT-AP as JSON-LD (what data.gouv.fr and other
 * portals harvest): one dataset per public indicator with its two files (each in CSV and Parquet),
 * each pointing to its Table Schema (dct:conformsTo), plus one per public policy's rates.
 */
export function dcatCatalogue(config: Pick<InstanceConfig, 'name' | 'defaultLocale' | 'publicSite'>, base: string, content: { policies: PublicPolicyType[]; indicators: PublicIndicatorType[] }) {
  const name = localize(config.name, config.defaultLocale);
  const { license, publisher } = config.publicSite.openData;
  const one = (title: string, path: string, table: string, format: 'CSV' | 'PARQUET') => ({
    '@type': 'dcat:Distribution',
    'dct:title': `${title} (${format === 'CSV' ? 'CSV' : 'Parquet'})`,
    'dcat:accessURL': { '@id': `${base}${path}${format === 'CSV' ? '' : '?format=parquet'}` },
    'dcat:downloadURL': { '@id': `${base}${path}${format === 'CSV' ? '' : '?format=parquet'}` },
    'dcat:mediaType': format === 'CSV' ? 'text/csv' : 'application/vnd.apache.parquet',
    'dct:format': format,
    'dct:license': { '@id': license },
    'dct:conformsTo': { '@id': `${base}/api/v1/public/schemas/${table}.json` },
  });
  // Each file in CSV (spreadsheets) and Parquet (data tools), the same rows and Table Schema.
  const distribution = (title: string, path: string, table: string) => [one(title, path, table, 'CSV'), one(title, path, table, 'PARQUET')];
  const policyName = new Map(content.policies.map((p) => [p.id, p.name]));
  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' },
    '@type': 'dcat:Catalog',
    '@id': `${base}/api/v1/public/catalogue.json`,
    'dct:title': name,
    'dct:description': `Published results of ${name}: values, targets and progress rates per indicator and territory.`,
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': publisher ?? name },
    'dct:license': { '@id': license },
    'foaf:homepage': { '@id': `${base}/public` },
    'dcat:dataset': [
      ...content.indicators.map((indicator) => ({
        '@type': 'dcat:Dataset',
        '@id': `${base}/public/policies/${encodeURIComponent(indicator.policyId)}#indicator-${encodeURIComponent(indicator.id)}`,
        'dct:identifier': indicator.id,
        'dct:title': indicator.name,
        'dct:description': indicator.description ?? `${indicator.name} (${indicator.unit}) — ${policyName.get(indicator.policyId) ?? indicator.policyId}`,
        'dcat:keyword': [policyName.get(indicator.policyId) ?? indicator.policyId],
        'dct:modified': indicator.updatedOn,
        'dct:accrualPeriodicity': PERIODICITY[indicator.periodicity] ? { '@id': PERIODICITY[indicator.periodicity] } : undefined,
        'dct:source': indicator.source ?? undefined,
        'dcat:landingPage': { '@id': `${base}/public/policies/${encodeURIComponent(indicator.policyId)}` },
        'dcat:distribution': [
          ...distribution(`${indicator.name}: values (aggregated ones marked)`, `/api/v1/public/indicators/${encodeURIComponent(indicator.id)}/values`, 'values'),
          ...distribution(`${indicator.name}: rates per territory`, `/api/v1/public/indicators/${encodeURIComponent(indicator.id)}/rates`, 'indicator-rates'),
        ],
      })),
      ...content.policies.map((policy) => ({
        '@type': 'dcat:Dataset',
        '@id': `${base}/public/policies/${encodeURIComponent(policy.id)}`,
        'dct:identifier': policy.id,
        'dct:title': policy.name,
        'dct:description': policy.description ?? policy.name,
        'dct:modified': policy.updatedOn,
        'dcat:landingPage': { '@id': `${base}/public/policies/${encodeURIComponent(policy.id)}` },
        'dcat:distribution': distribution(`${policy.name}: rates per territory`, `/api/v1/public/policies/${encodeURIComponent(policy.id)}/rates`, 'policy-rates'),
      })),
    ],
  };
}
