// TypeScript view of the GraphQL schema of libs/core (only the fields the web app asks for).
import type { Explanation } from '@pilote/ui';
export type { Explanation };

export type Localized = Record<string, string> | string;

export interface Level { id: string; label: Localized; rank: number; hasMap: boolean; perimeter: boolean }
export interface WeatherLevel { id: string; label: Localized; tone: string }
export interface Link { label: Localized; href: string }
/** `{ extends: 'neutral' | 'dsfr' | …, tokens: partial theme tokens }` from pilote.config.ts. */
export interface InstanceTheme { extends?: string; tokens?: Record<string, unknown> }
export interface AccessibilitySettings { status?: 'full' | 'partial' | 'none'; contact?: string }
export interface Instance {
  id: string; name: Localized; shortName?: Localized | null; locales: string[]; defaultLocale: string;
  theme: InstanceTheme | null; levels: Level[]; vocabulary: Record<string, Record<string, string>>;
  weatherLevels: WeatherLevel[]; commentTypes: { id: string; label: Localized }[]; footerLinks: Link[];
  accessibility: AccessibilitySettings | null; demoMode: boolean; version: string;
}
export interface Territory { code: string; level: string; name: string; parentCode?: string | null; population?: number | null }
export interface Taxonomy { id: string; kind: string; label: string; parentId?: string | null }
export interface Rate { value: number | null; date: string | null; /** why there is no rate: libs/i18n reasons.<code> */ reasonCode: string | null; reasonParams?: string | null; explanationId: string }
/** Each statistic opens its own explanation (which territories give it). */
export interface StatsExplanations { minExplanationId?: string | null; medianExplanationId?: string | null; maxExplanationId?: string | null }
export interface RateStats extends StatsExplanations { value: number | null; min: number | null; median: number | null; max: number | null; count: number; explanationId: string | null }
export interface Trend { direction: string; delta: number | null; explanationId?: string | null }
export interface Alert { code: string; message: string }
export interface Weather { level: string; synthesis?: string | null; date?: string | null; author?: string | null }
export interface Owner { name: string; email: string; role?: string | null }
export interface PolicySummary { id: string; code: string; name: string; kind: string; status: string; taxonomies?: Taxonomy[] }
export interface PeerStats extends StatsExplanations { min: number | null; median: number | null; max: number | null; count: number }
export interface PolicyRow {
  policy: PolicySummary; globalRate: Rate; annualRate: Rate; weather: Weather | null; trend: Trend;
  gapToMedian: number | null; gapExplanationId?: string | null; peers: PeerStats; alerts: Alert[];
}
export interface TerritoryRate { code: string; name: string; level: string; value: number | null }
export interface HomeView {
  territory: Territory; globalRate: RateStats; annualRate: RateStats;
  weatherDistribution: { level: string; count: number }[]; alertCounts: { code: string; count: number }[];
  policies: PolicyRow[]; mapLevel: string | null; map: TerritoryRate[];
}
export interface Indicator {
  id: string; name: string; type: string; unit: string; direction: string; source?: string | null; method?: string | null;
  periodicity: string; availabilityDelayDays: number; description?: string | null;
}
export interface DatedValue { value: number; date: string; provenance?: string | null }
export interface IndicatorAtTerritory {
  indicator: Indicator; weight: number | null; initial: DatedValue | null; current: DatedValue | null;
  annualTarget: DatedValue | null; globalTarget: DatedValue | null; annualRate: Rate; globalRate: Rate;
  nextExpectedUpdate: string | null; overdue: boolean;
  childValues: { code: string; name: string; value: number | null; date: string | null }[];
}
/** An indicator's current value and rates at one territory (a row of the indicator page). */
export interface IndicatorTerritoryRow { code: string; name: string; level: string; current: DatedValue | null; globalRate: Rate; annualRate: Rate }
/** The indicator page: one indicator at one territory, and the territories just below. */
export interface IndicatorView {
  indicator: Indicator; policy: { id: string; code: string; name: string; levels: string[] };
  territory: Territory & { parent?: Territory | null }; weight: number | null;
  initial: DatedValue | null; current: DatedValue | null; annualTarget: DatedValue | null; globalTarget: DatedValue | null;
  globalRate: Rate; annualRate: Rate; nextExpectedUpdate: string | null; overdue: boolean;
  childLevel: string | null; territories: IndicatorTerritoryRow[];
}
/** One territory of an indicator comparison. */
export interface ComparedIndicator {
  indicatorAt: Pick<IndicatorView, 'current' | 'globalTarget' | 'globalRate' | 'annualRate'> & {
    indicator: { id: string; name: string; unit: string }; policy: { id: string; name: string }; territory: Territory;
  };
  indicatorSeries: { points: SeriesPoint[] };
}
/** One territory of a policy comparison. */
export interface ComparedPolicy {
  policyAt: {
    policy: { id: string; name: string }; territory: Territory; globalRate: Rate; annualRate: Rate; trend: Trend;
    weather: Weather | null; alerts: Alert[]; indicators: { indicator: { id: string; name: string; unit: string }; globalRate: Rate }[];
  };
}
export interface Comment { id: string; type: string | null; body: string; date: string; author?: string | null }
export interface PolicyAtTerritory {
  policy: PolicySummary & { description?: string | null; owners: Owner[]; levels: string[] };
  territory: Territory & { parent?: Territory | null }; globalRate: Rate; annualRate: Rate; trend: Trend; alerts: Alert[]; peers: PeerStats;
  weather: Weather | null; weatherHistory: Weather[]; comments: Comment[]; objectives: Comment[]; decisions: Comment[];
  indicators: IndicatorAtTerritory[]; childRates: TerritoryRate[];
  childWeather: { code: string; name: string; level: string | null }[];
}
export interface SeriesPoint { date: string; value: number; kind: string; provenance?: string | null }
export interface IndicatorSeries { points: SeriesPoint[]; targets: SeriesPoint[] }
export interface RoadmapItem { policy: { id: string; name: string }; localObjective: string | null }
export interface TerritoryView {
  territory: Territory; parent: Territory | null; rates: PolicyRow[]; roadmap: RoadmapItem[];
  peers: TerritoryRate[]; rate: RateStats; parentRate: RateStats | null;
}

/** A page of `territories(level, parentCode, search, first, after)`. */
export interface TerritoryPage { territories: { edges: { node: Territory }[]; totalCount: number } }
