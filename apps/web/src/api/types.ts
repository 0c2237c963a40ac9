// Names the pages use for what the generated operations return (api/generated, ADR 044): aliases
// only, so a schema change shows up as a type error where a page reads the field.
import type { Explanation } from '@pilote/ui';
import type {
  CompareIndicatorQuery, ComparePolicyQuery, DatedValueFieldsFragment, HomeQuery, IndicatorAtQuery, InstanceQuery,
  PolicyAtQuery, PolicyRowFieldsFragment, RateFieldsFragment, RateStatsFieldsFragment, SeriesQuery, TaxonomiesQuery,
  TerritoriesQuery, TerritoryFieldsFragment, TerritoryViewQuery,
} from './generated/graphql';
export type { Explanation };

/** A label per locale, or one text: JSON in the schema, shaped by the instance file's schema. */
export type Localized = Record<string, string> | string;

export interface Level { id: string; label: Localized; rank: number; hasMap: boolean; perimeter: boolean }
export interface WeatherLevel { id: string; label: Localized; tone: string }
export interface Link { label: Localized; href: string }
/** `{ extends: 'neutral' | 'dsfr' | …, tokens: partial theme tokens }` from pilote.config.ts. */
export interface InstanceTheme { extends?: string; tokens?: Record<string, unknown> }
export interface AccessibilitySettings { status?: 'full' | 'partial' | 'none'; contact?: string }
type InstanceJson = 'name' | 'shortName' | 'theme' | 'vocabulary' | 'accessibility' | 'levels' | 'weatherLevels' | 'commentTypes' | 'footerLinks';
/** The instance query with its JSON fields given the shapes pilote.config.ts's schema guarantees. */
export type Instance = Omit<InstanceQuery['instance'], InstanceJson> & {
  name: Localized; shortName: Localized | null; theme: InstanceTheme | null; vocabulary: Record<string, Record<string, string>>;
  accessibility: AccessibilitySettings | null; levels: Level[]; weatherLevels: WeatherLevel[];
  commentTypes: { id: string; label: Localized }[]; footerLinks: Link[];
};

/** A territory as the pages pass it around: the fields every query selects, the rest when asked. */
export type Territory = Pick<TerritoryFieldsFragment, 'code' | 'level' | 'name'> & { parentCode?: string | null; population?: number | null };
export type Taxonomy = TaxonomiesQuery['taxonomies'][number];
export type Rate = RateFieldsFragment;
export type RateStats = RateStatsFieldsFragment;
/** Each statistic opens its own explanation (which territories give it). */
export type StatsExplanations = Partial<Pick<RateStatsFieldsFragment, 'minExplanationId' | 'medianExplanationId' | 'maxExplanationId'>>;
export type PolicyRow = PolicyRowFieldsFragment;
export type HomeView = HomeQuery['home'];
export type TerritoryRate = HomeView['map'][number];
export type DatedValue = DatedValueFieldsFragment;
/** The indicator page: one indicator at one territory, and the territories just below. */
export type IndicatorView = IndicatorAtQuery['indicatorAt'];
export type Indicator = IndicatorView['indicator'];
export type IndicatorTerritoryRow = IndicatorView['territories'][number];
export type PolicyAtTerritory = NonNullable<PolicyAtQuery['policyAt']>;
export type IndicatorAtTerritory = PolicyAtTerritory['indicators'][number];
export type Comment = PolicyAtTerritory['comments'][number];
export type IndicatorSeries = SeriesQuery['indicatorSeries'];
/** A point a chart draws: targets and the public site's points come without provenance. */
export type SeriesPoint = Omit<IndicatorSeries['points'][number], 'provenance'> & { provenance?: string | null };
/** One territory of an indicator comparison. */
export type ComparedIndicator = CompareIndicatorQuery;
/** One territory of a policy comparison. */
export type ComparedPolicy = ComparePolicyQuery;
export type TerritoryView = NonNullable<TerritoryViewQuery['territoryView']>;
/** A page of `territories(level, parentCode, search, first, after)`. */
export type TerritoryPage = TerritoriesQuery;

// JSON fields outside the instance query (data panels, modules) are checked where they arrive, not cast.
/** A JSON object (not an array, not null). */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A JSON label: one text, or a text per locale. */
export const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'string' || (isJsonObject(value) && Object.values(value).every((text) => typeof text === 'string'));
/** The label, or null when the JSON is absent or not a label. */
export const localizedOrNull = (value: unknown): Localized | null => (isLocalized(value) ? value : null);
