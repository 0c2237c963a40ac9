import type { Explanation } from '@pilote/ui';

const INDICATOR_ID = /^indicator:([^:]+):[^:]+:(annual|global|current)$/;

/**
 * The engine lists the child territories of an aggregate without a link to their own numbers:
 * give each child the explanation of that indicator's global rate in the child territory,
 * so the user can drill from France to a région, a département…
 */
export function withDrillRefs(explanation: Explanation): Explanation {
  const match = INDICATOR_ID.exec(explanation.id);
  if (!match) return explanation;
  const indicatorId = match[1];
  return {
    ...explanation,
    inputs: explanation.inputs.map((input) =>
      input.role === 'child' && !input.ref && input.territoryCode ? { ...input, ref: `indicator:${indicatorId}:${input.territoryCode}:global` } : input,
    ),
  };
}
