// Queries against the code-first schema of libs/core (dashboard/*.types.ts, instance/instance.types.ts).
const RATE = 'value date reasonCode reasonParams explanationId';
const STATS = 'value min median max count explanationId minExplanationId medianExplanationId maxExplanationId';
const ROW = `policy { id code name kind status }
  globalRate { ${RATE} } annualRate { ${RATE} } weather { level date }
  trend { direction delta explanationId } gapToMedian gapExplanationId peers { min median max count minExplanationId medianExplanationId maxExplanationId } alerts { code message }`;

export const INSTANCE_QUERY = `query Instance {
  instance { id name shortName locales defaultLocale theme levels { id label rank hasMap perimeter } vocabulary
    weatherLevels { id label tone } commentTypes { id label } footerLinks { label href } accessibility demoMode version }
}`;

export const TERRITORIES_QUERY = `query Territories($level: String, $parentCode: String, $search: String, $first: Int) {
  territories(level: $level, parentCode: $parentCode, search: $search, first: $first) {
    edges { node { code level name parentCode } }
    totalCount
  }
}`;

export const TAXONOMIES_QUERY = `query Taxonomies { taxonomies { id kind label parentId } }`;

export const HOME_QUERY = `query Home($territoryCode: String!, $filter: PolicyFilter, $asOf: String) {
  home(territoryCode: $territoryCode, filter: $filter, asOf: $asOf) {
    territory { code level name parentCode }
    globalRate { ${STATS} } annualRate { ${STATS} }
    weatherDistribution { level count } alertCounts { code count }
    policies { ${ROW} }
    mapLevel map { code name level value }
  }
}`;

export const POLICY_AT_QUERY = `query PolicyAt($policyId: ID!, $territoryCode: String!, $asOf: String) {
  policyAt(policyId: $policyId, territoryCode: $territoryCode, asOf: $asOf) {
    policy { id code name kind status description levels owners { name email role } taxonomies { id kind label } }
    territory { code level name parentCode parent { code level name } }
    globalRate { ${RATE} } annualRate { ${RATE} } trend { direction delta explanationId } alerts { code message }
    peers { min median max count minExplanationId medianExplanationId maxExplanationId }
    weather { level synthesis date author } weatherHistory { level synthesis date author }
    comments { id type body date author } objectives { id type body date author } decisions { id type body date author }
    indicators {
      indicator { id name type unit direction source method periodicity availabilityDelayDays description }
      weight
      initial { value date provenance } current { value date provenance }
      annualTarget { value date provenance } globalTarget { value date provenance }
      annualRate { ${RATE} } globalRate { ${RATE} } nextExpectedUpdate overdue
      childValues { code name value date }
    }
    childRates { code name level value }
    childWeather { code name level }
  }
}`;

const DATED = 'value date provenance';

export const INDICATOR_AT_QUERY = `query IndicatorAt($indicatorId: ID!, $territoryCode: String!, $asOf: String) {
  indicatorAt(indicatorId: $indicatorId, territoryCode: $territoryCode, asOf: $asOf) {
    indicator { id name type unit direction source method periodicity availabilityDelayDays description }
    policy { id code name levels }
    territory { code level name parentCode parent { code level name } }
    weight initial { ${DATED} } current { ${DATED} } annualTarget { ${DATED} } globalTarget { ${DATED} }
    globalRate { ${RATE} } annualRate { ${RATE} } nextExpectedUpdate overdue
    childLevel territories { code name level current { ${DATED} } globalRate { ${RATE} } annualRate { ${RATE} } }
  }
}`;

/** One territory of a comparison (the compare page asks it once per territory). */
export const COMPARE_INDICATOR_QUERY = `query CompareIndicator($indicatorId: ID!, $territoryCode: String!) {
  indicatorAt(indicatorId: $indicatorId, territoryCode: $territoryCode) {
    indicator { id name unit } policy { id name } territory { code level name }
    current { ${DATED} } globalTarget { ${DATED} } globalRate { ${RATE} } annualRate { ${RATE} }
  }
  indicatorSeries(indicatorId: $indicatorId, territoryCode: $territoryCode) { points { date value kind } }
}`;

export const COMPARE_POLICY_QUERY = `query ComparePolicy($policyId: ID!, $territoryCode: String!) {
  policyAt(policyId: $policyId, territoryCode: $territoryCode) {
    policy { id name } territory { code level name }
    globalRate { ${RATE} } annualRate { ${RATE} } trend { direction delta explanationId } weather { level date } alerts { code message }
    indicators { indicator { id name unit } globalRate { ${RATE} } }
  }
}`;

export const SERIES_QUERY = `query Series($indicatorId: ID!, $territoryCode: String!) {
  indicatorSeries(indicatorId: $indicatorId, territoryCode: $territoryCode) {
    points { date value kind provenance } targets { date value kind }
  }
}`;

export const TERRITORY_VIEW_QUERY = `query TerritoryView($code: String!, $asOf: String) {
  territoryView(code: $code, asOf: $asOf) {
    territory { code level name parentCode population }
    parent { code level name }
    rates { ${ROW} }
    roadmap { policy { id name } localObjective }
    peers { code name level value }
    rate { ${STATS} }
    parentRate { ${STATS} }
  }
}`;

// `formula` and `reason` (English, for logs) are not read: the page writes formulaKey and reasonCode in the reader's language.
const EXPLANATION_FIELDS = `id ruleId title formulaKey formulaParams unit value reasonCode reasonParams
  inputs { role label value date provenance territoryCode territoryName indicatorId weight ref note }`;

export const EXPLANATION_QUERY = `query Explanation($id: ID!) {
  explanation(id: $id) { ${EXPLANATION_FIELDS} steps { ${EXPLANATION_FIELDS} } }
}`;

/** The headline rates at the end of the previous period, for the "+4 pts depuis le …" comparisons (ADR 042). */
export const HOME_BEFORE_QUERY = `query HomeBefore($territoryCode: String!, $filter: PolicyFilter, $asOf: String) {
  home(territoryCode: $territoryCode, filter: $filter, asOf: $asOf) { globalRate { value } annualRate { value } }
}`;
export const POLICY_BEFORE_QUERY = `query PolicyBefore($policyId: ID!, $territoryCode: String!, $asOf: String) {
  policyAt(policyId: $policyId, territoryCode: $territoryCode, asOf: $asOf) { globalRate { value } }
}`;
export const INDICATOR_BEFORE_QUERY = `query IndicatorBefore($indicatorId: ID!, $territoryCode: String!, $asOf: String) {
  indicatorAt(indicatorId: $indicatorId, territoryCode: $territoryCode, asOf: $asOf) { globalRate { value } }
}`;
export const TERRITORY_BEFORE_QUERY = `query TerritoryBefore($code: String!, $asOf: String) {
  territoryView(code: $code, asOf: $asOf) { rate { value } }
}`;
