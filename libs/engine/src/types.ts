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
  /** why an input is listed but not counted, as a code the reader's language says ('no-value', 'zero-weight', 'not-applicable') */
  note?: string;
}

/** A formula parameter: a number, a list of numbers (terms of a sum), pairs (weight × rate), or a label/ISO date/symbol. */
export type FormulaParam = number | string | number[] | [number, number][];

/** What an explained value is, so it is shown with the right unit: a rate in %, points between rates, or an amount. */
export type ExplanationUnit = 'rate' | 'points' | 'amount';

export interface Explanation {
  /** stable id, e.g. 'indicator-rate.rising' */
  ruleId: string;
  /** with actual numbers, e.g. "100 × (62 − 40) / (80 − 40) = 55": for logs and tests; readers see formulaKey + formulaParams */
  formula: string;
  /** the formula as a text key (`formulas.<key>` in libs/i18n) and its parameters, written in the reader's language and locale (ADR 032) */
  formulaKey?: string;
  formulaParams?: Record<string, FormulaParam>;
  /** parameters of the reason's text (`reasons.<reasonCode>`) */
  reasonParams?: Record<string, FormulaParam>;
  unit?: ExplanationUnit;
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
