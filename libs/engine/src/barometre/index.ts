// Checking the engine against PILOTE's published baromètre (pure: the caller reads the files).
export { groupByIndicator, groupByZone, parseBarometreCsv, type BarometreRow, type ParsedBarometre } from './read';
export {
  candidatesFor,
  CLASSES,
  checkBarometre,
  checkIndicator,
  comparableCandidates,
  DEFAULT_MIN_GAIN_SHARE,
  DEFAULT_TOLERANCE,
  deriveDirection,
  emptyCounts,
  PILOTE_COMMON_PARAMS,
  type BarometreCheck,
  type Candidate,
  type CheckOptions,
  type DirectionGuess,
  type DisagreementClass,
  type IndicatorCheck,
  type IndicatorSetting,
  type ZoneComparison,
} from './check';
export { describeChoice, formatBarometreReport, type ReportOptions } from './report';
