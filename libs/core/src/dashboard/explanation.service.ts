import type { Explanation } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { parseExplanationId } from '../computation/explanation-ids';
import type { ReadScope } from '../access/request-scope';
import type { ExplanationType } from './detail.types';
import { explainHomeGauge, explainPolicyFigure } from './derived-explanations';
import { explainIndicatorValue } from './value-explanations';
import { explanationIds } from '../computation/explanation-ids';
import { connectorOriginKey, connectorOrigins, type ValueKey } from './connector-origins';

function withValueRefs(inputs: Explanation['inputs'], indicatorId: string, territoryCode: string, kind: 'annual' | 'global'): Explanation['inputs'] {
  return inputs.map((input) => {
    if (input.ref) return input;
    if (input.role === 'initial') return { ...input, ref: explanationIds.indicatorValue(indicatorId, territoryCode, 'initial') };
    if (input.role === 'target') return { ...input, ref: explanationIds.indicatorValue(indicatorId, territoryCode, kind === 'annual' ? 'annual-target' : 'global-target') };
    if (input.role === 'current') return { ...input, ref: explanationIds.indicatorCurrent(indicatorId, territoryCode) };
    return input;
  });
}

/**
 * Resolves an explanation id to its explanation, with territory names for its inputs: rates are
 * stored when computed; the numbers a page derives from them (means, peers, trend, gap) are
 * explained when asked, over the rows the reader's scope lets the page count.
 */
export async function findExplanation(db: EntityManager, id: string, options: { asOf: string; scope?: ReadScope }): Promise<ExplanationType | null> {
  const parsed = parseExplanationId(id);
  if (!parsed) return null;
  let stored: Explanation | null = null;
  let title = '';
  if (parsed.subject === 'indicator-value') {
    const derived = await explainIndicatorValue(db, parsed.id, parsed.territoryCode, parsed.kind);
    stored = derived?.explanation ?? null;
    title = derived?.title ?? '';
  } else if (parsed.subject === 'policy-figure' || parsed.subject === 'home') {
    const derived = parsed.subject === 'home' ? await explainHomeGauge(db, parsed, options.asOf, options.scope) : await explainPolicyFigure(db, parsed, options.scope);
    stored = derived?.explanation ?? null;
    title = derived?.title ?? '';
  } else if (parsed.subject === 'indicator') {
    const column = parsed.kind === 'current' ? 'current_explanation' : `${parsed.kind}_explanation`;
    const rows = (await db.query(
      `SELECT s.${column} AS explanation, i.name, t.name AS territory FROM indicator_state s JOIN indicator i ON i.id = s.indicator_id JOIN territory t ON t.code = s.territory_code
       WHERE s.indicator_id = $1 AND s.territory_code = $2`,
      [parsed.id, parsed.territoryCode],
    )) as { explanation: Explanation | null; name: string; territory: string }[];
    stored = rows[0]?.explanation ?? null;
    if (rows[0]) title = `${rows[0].name} — ${rows[0].territory}`;
    // An entered current value (no aggregation to show) is explained like the other values.
    if (!stored && rows[0] && parsed.kind === 'current') {
      const derived = await explainIndicatorValue(db, parsed.id, parsed.territoryCode, 'current');
      stored = derived?.explanation ?? null;
    }
    // Every value a rate used opens its own explanation (initial value, target).
    if (stored && parsed.kind !== 'current') stored = { ...stored, inputs: withValueRefs(stored.inputs, parsed.id, parsed.territoryCode, parsed.kind) };
  } else {
    const rows = (await db.query(
      `SELECT s.${parsed.kind}_explanation AS explanation, p.name, t.name AS territory FROM policy_state s JOIN policy p ON p.id = s.policy_id JOIN territory t ON t.code = s.territory_code
       WHERE s.policy_id = $1 AND s.territory_code = $2`,
      [parsed.id, parsed.territoryCode],
    )) as { explanation: Explanation | null; name: string; territory: string }[];
    stored = rows[0]?.explanation ?? null;
    if (rows[0]) title = `${rows[0].name} — ${rows[0].territory}`;
  }
  if (!stored) return null;
  // A value's inputs may leave out the indicator and territory they are of: the explanation's own.
  const of = parsed.subject === 'indicator' || parsed.subject === 'indicator-value' ? { indicatorId: parsed.id, territoryCode: parsed.territoryCode } : undefined;
  return toExplanationType(db, stored, id, title, of);
}

/** An engine explanation as the API answers it: ids for its steps, territory names for its inputs. */
export async function toExplanationType(db: EntityManager, stored: Explanation, id: string, title: string, of?: { indicatorId: string; territoryCode: string }): Promise<ExplanationType> {
  const codes = new Set<string>();
  const fromConnector: ValueKey[] = [];
  const valueKey = (input: Explanation['inputs'][number]): ValueKey | null => {
    const indicator = input.indicatorId ?? of?.indicatorId;
    const territory = input.territoryCode ?? of?.territoryCode;
    return input.provenance === 'connector' && indicator && territory && input.date ? { indicatorId: indicator, territoryCode: territory, date: input.date } : null;
  };
  const collect = (e: Explanation) => {
    for (const input of e.inputs) {
      const key = valueKey(input);
      if (key) fromConnector.push(key);
    }
    for (const input of e.inputs) if (input.territoryCode) codes.add(input.territoryCode);
    for (const input of e.inputs) if (input.role === 'child') codes.add(input.label);
    e.steps?.forEach(collect);
  };
  collect(stored);
  const names = new Map(
    ((await db.query(`SELECT code, name FROM territory WHERE code = ANY($1::text[])`, [[...codes]])) as { code: string; name: string }[]).map((r) => [r.code, r.name]),
  );
  const origins = await connectorOrigins(db, fromConnector);
  const convert = (e: Explanation, explanationId: string): ExplanationType => ({
    id: explanationId,
    ruleId: e.ruleId,
    title,
    formula: e.formula,
    formulaKey: e.formulaKey ?? null,
    formulaParams: e.formulaParams ? JSON.stringify(e.formulaParams) : null,
    unit: e.unit ?? null,
    value: e.value,
    reason: e.reason ?? null,
    reasonCode: e.reasonCode ?? null,
    reasonParams: e.reasonParams ? JSON.stringify(e.reasonParams) : null,
    inputs: e.inputs.map((input) => {
      const code = input.territoryCode ?? (input.role === 'child' ? input.label : undefined);
      const key = valueKey(input);
      return { ...input, note: input.note ?? null, territoryCode: code ?? null, territoryName: code ? (names.get(code) ?? null) : null, source: key ? (origins.get(connectorOriginKey(key)) ?? null) : null };
    }),
    steps: (e.steps ?? []).map((step, index) => convert(step, `${explanationId}#${index}`)),
  });
  return convert(stored, id);
}
