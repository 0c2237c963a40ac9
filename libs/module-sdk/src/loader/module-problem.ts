/** One thing wrong with the modules of an instance: which module, which key, what is expected. */
export interface ModuleProblem {
  /** Position in `config.modules` (or -1 for a module brought by a test). */
  index: number;
  moduleId: string;
  /** Dotted path inside the module entry or manifest (`settings.level`, `manifest.kitRange`). */
  path: string;
  message: string;
}

export function formatModuleProblem(problem: ModuleProblem): string {
  const where = problem.index >= 0 ? `modules[${problem.index}] "${problem.moduleId}"` : `module "${problem.moduleId}"`;
  return `${where}${problem.path ? ` → ${problem.path}` : ''}: ${problem.message}`;
}
