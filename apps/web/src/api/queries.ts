const RATE = 'value date reason explanationId';
const STATS = 'value min median max count explanationId';
const ROW = `policy { id code name kind status taxonomies { id kind label } }
  globalRate { ${RATE} } annualRate { ${RATE} } weather { level date }
  trend { direction delta } gapToMedian alerts { code message }`;

export const INSTANCE_QUERY = `query Instance {
  instance { id name shortName locales defaultLocale theme levels { id label rank hasMap } vocabulary
    weatherLevels { id label tone } commentTypes { id label } footerLinks { label url } demoMode version }
}`;

export const TERRITORIES_QUERY = `query Territories($level: String, $parentCode: String, $search: String, $first: Int) {
  territories(level: $level, parentCode: $parentCode, search: $search, first: $first) {
    nodes { code level name parentCode }
  }
}`;

export const TAXONOMIES_QUERY = `query Taxonomies { taxonomies { id kind label parentId } }`;

export const HOME_QUERY = `query Home($territoryCode: String!, $filter: PolicyFilter) {
  home(territoryCode: $territoryCode, filter: $filter) {
    territory { code level name parentCode }
    globalRate { ${STATS} } annualRate { ${STATS} }
    weatherDistribution { level count } alertCounts { code count }
    policies { ${ROW} }
    map { code name level value }
  }
}`;

export const POLICY_AT_QUERY = `query PolicyAt($policyId: ID!, $territoryCode: String!) {
  policyAt(policyId: $policyId, territoryCode: $territoryCode) {
    policy { id code name kind status description levels owners { name email role } taxonomies { id kind label } }
    territory { code level name parentCode parent { code level name } }
    globalRate { ${RATE} } annualRate { ${RATE} } trend { direction delta } alerts { code message }
    weather { level synthesis date author } weatherHistory { level synthesis date author }
    comments { id type body date author } objectives { id type body date author } decisions { id type body date author }
    indicators {
      indicator { id name type unit direction source method periodicity availabilityDelayDays description }
      weight
      initial { value date provenance } current { value date provenance }
      annualTarget { value date provenance } globalTarget { value date provenance }
      annualRate { ${RATE} } globalRate { ${RATE} } nextExpectedUpdate overdue
    }
    childRates { code name level value }
  }
}`;

export const SERIES_QUERY = `query Series($indicatorId: ID!, $territoryCode: String!) {
  indicatorSeries(indicatorId: $indicatorId, territoryCode: $territoryCode) {
    points { date value kind } targets { date value kind }
  }
}`;

export const TERRITORY_VIEW_QUERY = `query TerritoryView($code: String!) {
  territoryView(code: $code) {
    territory { code level name parentCode population }
    parent { code level name }
    rates { ${ROW} }
    roadmap { policy { id name } objective }
    peers { code name level value }
    parentRate { ${STATS} }
  }
}`;

export const EXPLANATION_QUERY = `query Explanation($id: ID!) {
  explanation(id: $id) {
    id ruleId title formula value reason
    inputs { role label value date provenance territoryCode territoryName indicatorId weight ref }
  }
}`;
