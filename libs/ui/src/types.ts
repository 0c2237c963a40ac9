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
}

export interface Explanation {
  id: string;
  ruleId: string;
  title: string;
  formula: string;
  value?: number | null;
  reason?: string | null;
  /** Stable code of the reason (`partial-coverage`, `missing-target`…), translated under `reasons.*`. */
  reasonCode?: string | null;
  inputs: ExplanationInput[];
  /** Sub-rules applied, in order (one level). */
  steps?: Explanation[];
}
