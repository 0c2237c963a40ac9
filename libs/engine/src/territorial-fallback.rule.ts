import { formatNumber } from './format';
import type { DatedValue, Explanation } from './types';

export interface ReportedValues {
  values: DatedValue[];
  /** 'own': the territory's values; 'parent': its parent's, reported down */
  source: 'own' | 'parent' | 'none';
  explanation: Explanation;
}

/**
 * PILOTE's replication of regional values to départements (`replicate_val_reg_to`): "in the
 * absence of departmental data, the regional indicator values are reported for the département".
 * A territory with no value of this kind takes its parent's values, each marked with the parent's code.
 */
export function reportParentValues(own: DatedValue[], parent: DatedValue[], parentCode: string, kind = 'value'): ReportedValues {
  const ruleId = 'territorial-fallback.parent-reported';
  if (own.length > 0) {
    return { values: own, source: 'own', explanation: { ruleId: 'territorial-fallback.own', formula: `${own.length} ${kind}(s) of the territory itself`, formulaKey: 'own-values', formulaParams: { count: own.length }, unit: 'amount', value: null, inputs: [] } };
  }
  if (parent.length === 0) {
    return {
      values: [],
      source: 'none',
      explanation: { ruleId, formula: 'not computable', formulaKey: 'not-computable', unit: 'amount', value: null, reasonCode: 'no-value', reason: `Neither the territory nor ${parentCode} has a ${kind}.`, inputs: [] },
    };
  }
  const values = parent.map((v) => ({ ...v, territoryCode: v.territoryCode ?? parentCode }));
  return {
    values,
    source: 'parent',
    explanation: {
      ruleId,
      formula: `no ${kind} for the territory: the ${values.length} ${kind}(s) of ${parentCode} are reported`,
      formulaKey: 'parent-reported',
      formulaParams: { count: values.length, parent: parentCode },
      unit: 'amount',
      value: null,
      inputs: values.map((v) => ({ role: 'reported', label: parentCode, value: v.value, date: v.date, territoryCode: parentCode, provenance: v.provenance })),
    },
  };
}

export interface NationalFallback {
  value: DatedValue | null;
  explanation: Explanation;
}

/**
 * PILOTE's "règle 544": a national target or initial value that should be aggregated from the
 * territories takes the value entered at the national level while the aggregate is empty, i.e.
 * until territorial values exist.
 */
export function aggregateOrEntered(aggregate: DatedValue | null, entered: DatedValue | null, kind = 'target'): NationalFallback {
  if (aggregate !== null && Number.isFinite(aggregate.value)) {
    return {
      value: aggregate,
      explanation: {
        ruleId: 'national-fallback.aggregate',
        formula: `${kind} aggregated from the territories: ${formatNumber(aggregate.value)}`,
        formulaKey: 'national-aggregate',
        formulaParams: { value: aggregate.value },
        unit: 'amount',
        value: aggregate.value,
        inputs: [{ role: 'aggregate', label: `aggregated ${kind}`, value: aggregate.value, date: aggregate.date }],
      },
    };
  }
  if (entered !== null && Number.isFinite(entered.value)) {
    return {
      value: entered,
      explanation: {
        ruleId: 'national-fallback.entered',
        formula: `no territorial ${kind} yet: the national ${kind} entered is used, ${formatNumber(entered.value)}`,
        formulaKey: 'national-entered',
        formulaParams: { value: entered.value },
        unit: 'amount',
        value: entered.value,
        inputs: [{ role: 'entered', label: `national ${kind} entered`, value: entered.value, date: entered.date, provenance: entered.provenance }],
      },
    };
  }
  return {
    value: null,
    explanation: { ruleId: 'national-fallback.none', formula: 'not computable', formulaKey: 'not-computable', unit: 'amount', value: null, reasonCode: `missing-${kind}`, reason: `No territorial ${kind} and none entered nationally.`, inputs: [] },
  };
}
