/** Shapes of the GraphQL contract that shared components render (docs/api/graphql-contract.md). */
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
  inputs: ExplanationInput[];
}
