import type { DataSource } from 'typeorm';
import { currentAsOf } from '../computation/as-of';
import { recomputeIndicators } from '../computation/recompute-indicators';
import type { RefreshOptions } from '../computation/refresh-rates';
import { type ApplyReport, applyReferential } from './apply-referential';
import { readReferentialFiles } from './read-referential-files';
import type { ReferentialProblem } from './referential-error';
import { validateReferential } from './validate-referential';

export interface LoadResult {
  ok: boolean;
  problems: ReferentialProblem[];
  report?: ApplyReport;
}

class RollbackForProblems extends Error {}

/**
 * `pilote referential load`: validate everything first (all errors at once), then apply in one
 * transaction; any problem found while applying rolls the whole load back.
 */
export async function loadReferential(
  dataSource: DataSource,
  directory: string,
  options: { levels: string[]; dryRun?: boolean; recompute?: Pick<RefreshOptions, 'levelOrder' | 'asOf'> },
): Promise<LoadResult> {
  const read = readReferentialFiles(directory);
  const validated = validateReferential(read.items, { levels: options.levels });
  const problems = [...read.problems, ...validated.problems];
  if (problems.length > 0) return { ok: false, problems };
  let report: ApplyReport | undefined;
  try {
    await dataSource.transaction(async (manager) => {
      report = await applyReferential(manager, validated.referential);
      if (report.problems.length > 0 || options.dryRun) throw new RollbackForProblems();
      // Changed parameters change rates: recompute them in the same transaction.
      await recomputeIndicators(manager, report.changedIndicators, options.recompute ?? { levelOrder: options.levels, asOf: currentAsOf() });
    });
  } catch (error) {
    if (!(error instanceof RollbackForProblems)) throw error;
  }
  const applyProblems = report?.problems ?? [];
  return { ok: applyProblems.length === 0, problems: applyProblems, report };
}
