/**
 * The named places of the web shell that modules fill with widgets. Ids are stable: a module
 * written for a zone keeps working when the page around it changes.
 */
export const ZONES = {
  /** Top bar, before the main navigation (nav items of modules land here). */
  layoutHeader: 'layout.header',
  /** Footer, after the instance's links. */
  layoutFooter: 'layout.footer',
  /** Home page: above everything / after the rate gauges / after the main table / side column. */
  homeTop: 'home.top',
  homeRatesAfter: 'home.rates.after',
  homeMainAfter: 'home.main.after',
  homeAside: 'home.aside',
  /** Policy page (context: policyId, territoryCode). */
  policyRatesAfter: 'policy.rates.after',
  policyAside: 'policy.aside',
  policyIndicatorsAfter: 'policy.indicators.after',
  /** Territory page (context: territoryCode). */
  territoryRatesAfter: 'territory.rates.after',
  territoryMainAfter: 'territory.main.after',
} as const;

export type ZoneId = (typeof ZONES)[keyof typeof ZONES];

export const ZONE_IDS: readonly ZoneId[] = Object.values(ZONES);

/** The page a zone belongs to (used e.g. by contextual help: `policy`, `home`…). */
export function zonePage(zone: ZoneId): string {
  return zone.split('.')[0];
}
