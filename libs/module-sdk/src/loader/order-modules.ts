/**
 * Orders modules so that each comes after those it depends on (stable: config order otherwise).
 * Returns the cycles found instead, each as the list of ids that form it (`a → b → a`).
 */
export function orderByDependencies(modules: { id: string; dependsOn: readonly string[] }[]): { order: string[]; cycles: string[][] } {
  const byId = new Map(modules.map((module) => [module.id, module]));
  const order: string[] = [];
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string) => {
    const current = state.get(id);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      if (!cycles.some((known) => sameCycle(known, cycle))) cycles.push(cycle);
      return;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) if (byId.has(dependency)) visit(dependency);
    stack.pop();
    state.set(id, 'done');
    order.push(id);
  };
  for (const module of modules) visit(module.id);
  return { order, cycles };
}

function sameCycle(a: string[], b: string[]): boolean {
  return a.length === b.length && new Set(a).size === new Set(b).size && a.every((id) => b.includes(id));
}
