import { DashboardResolver, parseExplanationId, RoadmapResolver } from '@pilote/core';
import { type CanSpec, declareCan } from './can.decorator';

const territoryArg = (name: string) => (args: Record<string, unknown>) => (typeof args[name] === 'string' ? (args[name] as string) : null);
const readDashboard = (territoryFrom?: CanSpec['territoryFrom']): CanSpec => ({ action: 'read', subject: 'Dashboard', territoryFrom });

/**
 * The core cannot import @pilote/auth (auth depends on core), so the permissions of its
 * resolvers are declared here. A query added to the core must be added to this table;
 * `instance` stays public (the login page needs the instance's name and theme).
 */
export const CORE_RESOLVER_PERMISSIONS: [target: { prototype: object }, method: string, spec: CanSpec][] = [
  [DashboardResolver, 'home', readDashboard(territoryArg('territoryCode'))],
  [DashboardResolver, 'policyAt', readDashboard(territoryArg('territoryCode'))],
  [DashboardResolver, 'indicatorSeries', readDashboard(territoryArg('territoryCode'))],
  [DashboardResolver, 'explanation', readDashboard((args) => parseExplanationId(String(args.id ?? ''))?.territoryCode ?? null)],
  [DashboardResolver, 'territories', readDashboard(territoryArg('parentCode'))],
  [DashboardResolver, 'territory', readDashboard(territoryArg('code'))],
  [DashboardResolver, 'territoryView', readDashboard(territoryArg('code'))],
  [DashboardResolver, 'taxonomies', readDashboard()],
  [DashboardResolver, 'policies', readDashboard()],
  [DashboardResolver, 'policy', readDashboard()],
  // A territory's roadmap is part of its qualitative steering: whoever may edit its narratives.
  [RoadmapResolver, 'selectRoadmapPolicy', { action: 'update', subject: 'Narrative', territoryFrom: territoryArg('territoryCode') }],
  [RoadmapResolver, 'removeRoadmapPolicy', { action: 'update', subject: 'Narrative', territoryFrom: territoryArg('territoryCode') }],
];

/** Applies the table; returns the methods that were not found (renamed or removed in the core). */
export function declareCoreResolverPermissions(): string[] {
  return CORE_RESOLVER_PERMISSIONS.filter(([target, method, spec]) => !declareCan(target, method, spec)).map(([, method]) => method);
}
