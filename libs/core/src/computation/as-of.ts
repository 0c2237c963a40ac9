/**
 * The date rates are computed for: today (UTC), or PILOTE_AS_OF for reproducible demos,
 * benchmarks and tests. The engine itself never reads the clock.
 */
export function currentAsOf(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.PILOTE_AS_OF;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}
