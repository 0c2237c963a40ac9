/** Input and output shapes of the demo data generator (see ./index.ts). */

export type DemoValueOrigin = 'entered' | 'aggregated';
export type DemoAggregation = 'sum' | 'mean' | 'population-weighted-mean';

export interface DemoIndicatorLevel {
  weight?: number;
  VI?: DemoValueOrigin;
  VA?: DemoValueOrigin;
  VC?: DemoValueOrigin;
  aggregation?: DemoAggregation;
}

export interface DemoIndicator {
  id: string;
  policyId: string;
  direction: 'rising' | 'falling';
  unit: string;
  periodicity: 'monthly' | 'quarterly' | 'yearly';
  /** Keyed by territory level (NAT, REG, DEPT…). */
  levels: Record<string, DemoIndicatorLevel>;
}

export interface DemoTerritory {
  code: string;
  level: string;
  parentCode: string | null;
  population: number | null;
}

export interface DemoMeasure {
  indicatorId: string;
  territoryCode: string;
  /** YYYY-MM-DD */
  date: string;
  kind: 'VI' | 'VA' | 'VC';
  value: number;
}

export interface DemoNarrative {
  policyId: string;
  territoryCode: string;
  kind: 'weather' | 'comment' | 'objective' | 'decision';
  /** Comment type (progress, difficulties, actions, support); null for the other kinds. */
  type: string | null;
  /** SUNNY, CLOUDY, RAINY, STORMY, NOT_FILLED or NOT_NEEDED for a weather entry; null otherwise. */
  weather: string | null;
  body: string;
  /** YYYY-MM-DD */
  date: string;
  authorName: string;
}

export interface GenerateDemoMeasuresInput {
  indicators: DemoIndicator[];
  territories: DemoTerritory[];
  seed: number;
  /** First day of the history, e.g. '2022-01-01': the date of every VI. */
  from: string;
  /** Last day with values, e.g. '2026-10-31'. The final target is dated 31 December of its year. */
  until: string;
}

export interface GenerateDemoNarrativesInput {
  policies: { id: string; name: string }[];
  territories: DemoTerritory[];
  seed: number;
  /** No narrative is dated after this day. */
  until: string;
}
