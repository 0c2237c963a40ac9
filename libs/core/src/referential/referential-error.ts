/** One problem in a referential file, located precisely enough to fix without searching. */
export interface ReferentialProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatProblem(problem: ReferentialProblem): string {
  return `${problem.file}:${problem.line} ${problem.field ? `[${problem.field}] ` : ''}${problem.message}`;
}
