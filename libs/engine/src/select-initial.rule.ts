import { selectLatest } from './select-latest.rule';
import type { DatedValue } from './types';

/**
 * The reference initial value (VI): the VI row with the latest date on or before `asOf`.
 * A new VI re-bases the indicator (e.g. after a change of method). This is what PILOTE did:
 * in the baromètre files, the 238 published rates of zones with several VI rows all match the
 * latest VI, and only 85 match the earliest (see test/BAROMETRE.md).
 */
export function selectInitial(values: DatedValue[], asOf?: string): DatedValue | null {
  return selectLatest(values, asOf);
}
