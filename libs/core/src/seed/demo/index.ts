/**
 * Deterministic demo data for the demo instance: measures (VI, VA, VC) and the qualitative
 * layer (météo, comments, objectives, decisions). Pure functions: no I/O, no clock, no
 * `Math.random` — a seed fully determines the output.
 */
export { demoBaseLevel, generateDemoMeasures } from './measures';
export { generateDemoNarratives } from './narratives';
export { mulberry32, hashSeed, Rng } from './prng';
export type {
  DemoAggregation, DemoIndicator, DemoIndicatorLevel, DemoMeasure, DemoNarrative, DemoTerritory, DemoValueOrigin,
  GenerateDemoMeasuresInput, GenerateDemoNarrativesInput,
} from './types';
export * from './roadmaps';
