/** Shapes of the GraphQL schema (libs/core dashboard types) that shared components render. */
export interface ExplanationInput {
  role: string;
  label: string;
  value?: number | null;
  date?: string | null;
  provenance?: string | null;
  territoryCode?: string | null;
  territoryName?: string | null;
  indicatorId?: string | null;
  weight?: number | null;
  ref?: string | null;
  /** why the input is listed but not counted: `ui.explainPanel.notes.<note>` */
  note?: string | null;
  /** For a value from a connector: the source binding, its last synchronisation, its address. */
  source?: { name: string; syncedAt?: string | null; url?: string | null } | null;
}

export interface Explanation {
  id: string;
  ruleId: string;
  title: string;
  /** English formula for logs; pages write formulaKey + formulaParams instead. */
  formula?: string;
  /** `formulas.<key>` in libs/i18n, with formulaParams as JSON (numbers written in the reader's locale). */
  formulaKey?: string | null;
  formulaParams?: string | null;
  /** 'rate' (%), 'points' or 'amount' (the indicator's unit) */
  unit?: string | null;
  value?: number | null;
  reason?: string | null;
  /** Stable code of the reason (`partial-coverage`, `missing-target`…), translated under `reasons.*`. */
  reasonCode?: string | null;
  reasonParams?: string | null;
  inputs: ExplanationInput[];
  /** Sub-rules applied, in order (one level). */
  steps?: Explanation[];
}
