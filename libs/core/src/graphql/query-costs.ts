/**
 * Declared costs of root queries that read configuration or one small table, for the API's
 * query-cost rule (apps/api/src/graphql/query-cost.ts; undeclared root fields cost 1,000).
 * Every page of the web app asks for several of them: priced like a national `home`, a reader
 * browsing at a normal pace ran out of budget (issue 14's budget must stop storms, not readers).
 */
/** Configuration held in memory, or a handful of rows read by key. */
export const LIGHT_QUERY_COST = 10;
/** A page of a list read through an index (territories by level, parent or name). */
export const LIST_QUERY_COST = 100;
