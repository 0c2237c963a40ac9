/** Explanations are addressed by what they explain; the API resolves these ids. */
export const explanationIds = {
  indicatorRate: (indicatorId: string, territoryCode: string, kind: 'annual' | 'global') => `indicator:${indicatorId}:${territoryCode}:${kind}`,
  indicatorCurrent: (indicatorId: string, territoryCode: string) => `indicator:${indicatorId}:${territoryCode}:current`,
  /** An indicator's initial value, target or current value: aggregated (its children) or entered, explained on read. */
  indicatorValue: (indicatorId: string, territoryCode: string, kind: IndicatorValueKind) => `indicator:${indicatorId}:${territoryCode}:${kind}`,
  policyRate: (policyId: string, territoryCode: string, kind: 'annual' | 'global') => `policy:${policyId}:${territoryCode}:${kind}`,
  /** A number of a policy row computed when read: peers' min/median/max, trend, gap to the median. */
  policyFigure: (policyId: string, territoryCode: string, figure: PolicyFigure) => `policy:${policyId}:${territoryCode}:${figure}`,
  /** A home gauge: the mean of the policies shown, or its min/median/max over the territories of the level; the filter chose the policies. */
  homeGauge: (territoryCode: string, kind: 'annual' | 'global', stat: GaugeStat, filter: GaugeFilter = {}) => {
    const key = encodeFilter(filter);
    return `home:${territoryCode}:${kind}:${stat}${key ? `:${key}` : ''}`;
  },
};

export type IndicatorValueKind = 'initial' | 'annual-target' | 'global-target' | 'current';
export type PolicyFigure = 'peers-min' | 'peers-median' | 'peers-max' | 'trend' | 'gap';
export type GaugeStat = 'mean' | 'min' | 'median' | 'max';
/** The policy filter of the home page, as far as it chooses the policies of a gauge. */
export interface GaugeFilter { taxonomyIds?: string[]; kinds?: string[]; statuses?: string[]; alertsOnly?: boolean; search?: string }

export type ParsedExplanationId =
  | { subject: 'indicator'; id: string; territoryCode: string; kind: 'annual' | 'global' | 'current' }
  | { subject: 'indicator-value'; id: string; territoryCode: string; kind: Exclude<IndicatorValueKind, 'current'> }
  | { subject: 'policy'; id: string; territoryCode: string; kind: 'annual' | 'global' }
  | { subject: 'policy-figure'; id: string; territoryCode: string; figure: PolicyFigure }
  | { subject: 'home'; territoryCode: string; kind: 'annual' | 'global'; stat: GaugeStat; filter: GaugeFilter };

export function parseExplanationId(value: string): ParsedExplanationId | null {
  const figure = /^policy:([^:]+):([^:]+):(peers-min|peers-median|peers-max|trend|gap)$/.exec(value);
  if (figure) return { subject: 'policy-figure', id: figure[1], territoryCode: figure[2], figure: figure[3] as PolicyFigure };
  const home = /^home:([^:]+):(annual|global):(mean|min|median|max)(?::([A-Za-z0-9_-]+))?$/.exec(value);
  if (home) {
    const filter = home[4] === undefined ? {} : decodeFilter(home[4]);
    return filter ? { subject: 'home', territoryCode: home[1], kind: home[2] as 'annual' | 'global', stat: home[3] as GaugeStat, filter } : null;
  }
  const valueKind = /^indicator:([^:]+):([^:]+):(initial|annual-target|global-target)$/.exec(value);
  if (valueKind) return { subject: 'indicator-value', id: valueKind[1], territoryCode: valueKind[2], kind: valueKind[3] as 'initial' };
  const match = /^(indicator|policy):([^:]+):([^:]+):(annual|global|current)$/.exec(value);
  if (!match) return null;
  const [, subject, id, territoryCode, kind] = match;
  if (subject === 'policy' && kind === 'current') return null;
  return { subject, id, territoryCode, kind } as ParsedExplanationId;
}

const LIST_KEYS = ['taxonomyIds', 'kinds', 'statuses'] as const;

/** The filter's non-empty parts as base64url JSON ('' for no filter): an id stays one token, without ':'. */
function encodeFilter(filter: GaugeFilter): string {
  const kept: GaugeFilter = {};
  for (const key of LIST_KEYS) if (filter[key]?.length) kept[key] = filter[key];
  if (filter.alertsOnly) kept.alertsOnly = true;
  if (filter.search?.trim()) kept.search = filter.search.trim();
  return Object.keys(kept).length ? Buffer.from(JSON.stringify(kept), 'utf8').toString('base64url') : '';
}

/** Fail closed: anything but the filter's own keys with their own types makes the id unknown. */
function decodeFilter(key: string): GaugeFilter | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const out: GaugeFilter = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if ((LIST_KEYS as readonly string[]).includes(name)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
      out[name as (typeof LIST_KEYS)[number]] = value as string[];
    } else if (name === 'alertsOnly' && typeof value === 'boolean') out.alertsOnly = value;
    else if (name === 'search' && typeof value === 'string') out.search = value;
    else return null;
  }
  return out;
}
