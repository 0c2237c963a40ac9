/** Explanations are addressed by what they explain; the API resolves these ids. */
export const explanationIds = {
  indicatorRate: (indicatorId: string, territoryCode: string, kind: 'annual' | 'global') => `indicator:${indicatorId}:${territoryCode}:${kind}`,
  indicatorCurrent: (indicatorId: string, territoryCode: string) => `indicator:${indicatorId}:${territoryCode}:current`,
  policyRate: (policyId: string, territoryCode: string, kind: 'annual' | 'global') => `policy:${policyId}:${territoryCode}:${kind}`,
};

export type ParsedExplanationId =
  | { subject: 'indicator'; id: string; territoryCode: string; kind: 'annual' | 'global' | 'current' }
  | { subject: 'policy'; id: string; territoryCode: string; kind: 'annual' | 'global' };

export function parseExplanationId(value: string): ParsedExplanationId | null {
  const match = /^(indicator|policy):([^:]+):([^:]+):(annual|global|current)$/.exec(value);
  if (!match) return null;
  const [, subject, id, territoryCode, kind] = match;
  if (subject === 'policy' && kind === 'current') return null;
  return { subject, id, territoryCode, kind } as ParsedExplanationId;
}
