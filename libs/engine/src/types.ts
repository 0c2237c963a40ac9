// Shared contract of the engine: every computed number travels with its explanation.

export type Direction = 'rising' | 'falling';
export type ValueKind = 'VI' | 'VA' | 'VC' | 'VC_INTERMEDIATE';
export type Provenance = 'import' | 'connector' | 'user' | 'aggregate' | 'seed';

export interface DatedValue {
  value: number;
  /** ISO YYYY-MM-DD */
  date: string;
  provenance?: Provenance;
  territoryCode?: string;
}

export interface ExplanationInput {
  /** e.g. 'initial', 'current', 'target', 'child', 'weight', 'indicatorRate' */
  role: string;
  label: string;
  value: number | null;
  date?: string;
  provenance?: Provenance;
  territoryCode?: string;
  indicatorId?: string;
  weight?: number;
  /** key of another explanation */
  ref?: string;
}

export interface Explanation {
  /** stable id, e.g. 'indicator-rate.rising' */
  ruleId: string;
  /** with actual numbers, e.g. "100 × (62 − 40) / (80 − 40) = 55" */
  formula: string;
  value: number | null;
  /** human-readable; always set when value is null, may also note a caveat (partial coverage) */
  reason?: string;
  /** machine code, e.g. 'missing-initial' */
  reasonCode?: string;
  inputs: ExplanationInput[];
  /** sub-rules applied to get this value, in order (e.g. the target selection, then the rate) */
  steps?: Explanation[];
}

export interface Computed {
  value: number | null;
  explanation: Explanation;
}
