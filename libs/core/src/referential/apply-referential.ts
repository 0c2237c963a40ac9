import type { EntityManager } from 'typeorm';
import { audit, type AuditActor, SYSTEM_ACTOR } from '../audit/record-audit';
import type { ReferentialProblem } from './referential-error';
import type { Referential } from './referential.schema';

export type ChangeCounts = Record<'taxonomies' | 'policies' | 'indicators' | 'perimeters', number>;

export interface ApplyReport {
  created: ChangeCounts;
  updated: ChangeCounts;
  archived: ChangeCounts;
  unchanged: ChangeCounts;
  problems: ReferentialProblem[];
  /** Indicators created, changed or archived: their rates must be recomputed. */
  changedIndicators: string[];
}

const zero = (): ChangeCounts => ({ taxonomies: 0, policies: 0, indicators: 0, perimeters: 0 });

/**
 * Creates, updates and archives so that the database matches the files. Never deletes: an item
 * missing from the files is archived, and its measures and history stay. Runs inside the
 * caller's transaction, so a problem found here (e.g. an unknown perimeter member) rolls back all.
 */
export async function applyReferential(manager: EntityManager, referential: Referential, actor: AuditActor = SYSTEM_ACTOR): Promise<ApplyReport> {
  const report: ApplyReport = { created: zero(), updated: zero(), archived: zero(), unchanged: zero(), problems: [], changedIndicators: [] };

  await syncRows(manager, report, 'taxonomies', actor, {
    table: 'taxonomy',
    columns: ['kind', 'label', 'parent_id', 'status', 'position'],
    rows: referential.taxonomies.map((t, position) => ({ id: t.id, kind: t.kind, label: t.label, parent_id: null, status: t.status, position })),
  });
  // Parents after every taxonomy exists (a parent may come later in the file).
  for (const taxonomy of referential.taxonomies) {
    await manager.query(`UPDATE taxonomy SET parent_id = $2 WHERE id = $1 AND parent_id IS DISTINCT FROM $2`, [taxonomy.id, taxonomy.parent ?? null]);
  }

  await syncRows(manager, report, 'policies', actor, {
    table: 'policy',
    columns: ['code', 'name', 'kind', 'status', 'description', 'owners', 'levels', 'position'],
    jsonColumns: ['owners'],
    arrayColumns: ['levels'],
    rows: referential.policies.map((p, position) => ({
      id: p.id, code: p.code ?? p.id, name: p.name, kind: p.kind, status: p.status, description: p.description ?? null,
      owners: p.owners, levels: p.levels, position,
    })),
  });
  const policyIds = referential.policies.map((p) => p.id);
  await manager.query(`DELETE FROM policy_taxonomy WHERE policy_id = ANY($1::text[])`, [policyIds]);
  const links = referential.policies.flatMap((p) => p.taxonomies.map((taxonomy) => [p.id, taxonomy]));
  if (links.length > 0) {
    await manager.query(`INSERT INTO policy_taxonomy (policy_id, taxonomy_id) SELECT * FROM unnest($1::text[], $2::text[])`, [
      links.map((l) => l[0]),
      links.map((l) => l[1]),
    ]);
  }

  await syncRows(manager, report, 'indicators', actor, {
    table: 'indicator',
    columns: ['policy_id', 'name', 'type', 'unit', 'direction', 'source', 'method', 'description', 'periodicity', 'availability_delay_days', 'level_settings', 'applicable_in', 'status', 'position'],
    jsonColumns: ['level_settings'],
    arrayColumns: ['applicable_in'],
    rows: referential.indicators.map((i, position) => ({
      id: i.id, policy_id: i.policy, name: i.name, type: i.type, unit: i.unit, direction: i.direction, source: i.source ?? null,
      method: i.method ?? null, description: i.description ?? null, periodicity: i.periodicity,
      availability_delay_days: i.availabilityDelayDays, level_settings: i.levels, applicable_in: i.applicableIn ?? null, status: i.status, position,
    })),
  });

  await applyPerimeters(manager, referential, report);
  await checkApplicableIn(manager, referential, report);
  return report;
}

/** Every code of an indicator's `applicableIn` must be a known territory (perimeters included, hence after them). */
async function checkApplicableIn(manager: EntityManager, referential: Referential, report: ApplyReport): Promise<void> {
  const codes = [...new Set(referential.indicators.flatMap((i) => i.applicableIn ?? []))];
  if (codes.length === 0) return;
  const known = new Set(((await manager.query(`SELECT code FROM territory WHERE code = ANY($1::text[])`, [codes])) as { code: string }[]).map((row) => row.code));
  for (const indicator of referential.indicators) {
    (indicator.applicableIn ?? []).forEach((code, index) => {
      if (!known.has(code)) {
        report.problems.push({ file: 'indicators', line: 0, field: `${indicator.id}.applicableIn.${index}`, message: `indicator "${indicator.id}": unknown territory "${code}" in applicableIn` });
      }
    });
  }
}

interface SyncSpec {
  table: string;
  columns: string[];
  jsonColumns?: string[];
  arrayColumns?: string[];
  rows: (Record<string, unknown> & { id: string })[];
}

const SUBJECT_TYPES: Record<keyof ChangeCounts, string> = { taxonomies: 'taxonomy', policies: 'policy', indicators: 'indicator', perimeters: 'perimeter' };

async function syncRows(manager: EntityManager, report: ApplyReport, kind: keyof ChangeCounts, actor: AuditActor, spec: SyncSpec): Promise<void> {
  const subjectType = SUBJECT_TYPES[kind];
  const existing = (await manager.query(`SELECT id, ${spec.columns.join(', ')} FROM ${spec.table}`)) as Record<string, unknown>[];
  const byId = new Map(existing.map((row) => [String(row.id), row]));
  const json = new Set(spec.jsonColumns ?? []);
  const arrays = new Set(spec.arrayColumns ?? []);
  const cast = (column: string, index: number) => `$${index}${json.has(column) ? '::jsonb' : arrays.has(column) ? '::text[]' : ''}`;
  const param = (column: string, value: unknown) => (json.has(column) ? JSON.stringify(value) : value);
  for (const row of spec.rows) {
    const current = byId.get(row.id);
    byId.delete(row.id);
    if (!current) {
      const columns = ['id', ...spec.columns];
      await manager.query(
        `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c, i) => cast(c, i + 1)).join(', ')})`,
        columns.map((c) => param(c, row[c])),
      );
      report.created[kind] += 1;
      if (kind === 'indicators') report.changedIndicators.push(row.id);
      await audit(manager, { actor, action: `${subjectType}.created`, subjectType, subjectId: row.id, new: row });
      continue;
    }
    const changed = spec.columns.filter((column) => !sameValue(current[column], row[column]));
    if (changed.length === 0) {
      report.unchanged[kind] += 1;
      continue;
    }
    const sets = changed.map((column, i) => `${column} = ${cast(column, i + 2)}`);
    const touch = spec.table === 'taxonomy' ? '' : ', updated_at = now()';
    await manager.query(`UPDATE ${spec.table} SET ${sets.join(', ')}${touch} WHERE id = $1`, [row.id, ...changed.map((c) => param(c, row[c]))]);
    report.updated[kind] += 1;
    if (kind === 'indicators') report.changedIndicators.push(row.id);
    await audit(manager, {
      actor, action: `${subjectType}.updated`, subjectType, subjectId: row.id,
      old: Object.fromEntries(changed.map((c) => [c, current[c]])), new: Object.fromEntries(changed.map((c) => [c, row[c]])),
    });
  }
  const missing = [...byId.values()].filter((row) => row.status !== 'archived').map((row) => String(row.id));
  if (missing.length > 0) {
    await manager.query(`UPDATE ${spec.table} SET status = 'archived' WHERE id = ANY($1::text[])`, [missing]);
    report.archived[kind] += missing.length;
    if (kind === 'indicators') report.changedIndicators.push(...missing);
    for (const id of missing) await audit(manager, { actor, action: `${subjectType}.archived`, subjectType, subjectId: id, old: { status: byId.get(id)?.status }, new: { status: 'archived' } });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

async function applyPerimeters(manager: EntityManager, referential: Referential, report: ApplyReport): Promise<void> {
  for (const perimeter of referential.perimeters) {
    const parent = perimeter.parent ?? 'FRANCE';
    const known = (await manager.query(`SELECT code FROM territory WHERE code = ANY($1::text[])`, [[...perimeter.members, parent]])) as { code: string }[];
    const knownCodes = new Set(known.map((row) => row.code));
    const unknown = [...perimeter.members, parent].filter((code) => !knownCodes.has(code));
    if (unknown.length > 0) {
      report.problems.push({ file: 'perimeters', line: 0, field: `${perimeter.code}.members`, message: `unknown territories: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}` });
      continue;
    }
    const existing = (await manager.query(`SELECT name, level, parent_code FROM territory WHERE code = $1`, [perimeter.code])) as { name: string; level: string; parent_code: string }[];
    const members = (await manager.query(`SELECT member_code FROM territory_membership WHERE perimeter_code = $1 ORDER BY member_code`, [perimeter.code])) as { member_code: string }[];
    const sameMembers = members.map((m) => m.member_code).join(',') === [...perimeter.members].sort().join(',');
    if (existing[0] && existing[0].name === perimeter.name && existing[0].level === perimeter.level && existing[0].parent_code === parent && sameMembers) {
      report.unchanged.perimeters += 1;
      continue;
    }
    await manager.query(
      `INSERT INTO territory (code, level, name, parent_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_code = EXCLUDED.parent_code, updated_at = now()`,
      [perimeter.code, perimeter.level, perimeter.name, parent],
    );
    await manager.query(`DELETE FROM territory_ancestor WHERE territory_code = $1`, [perimeter.code]);
    await manager.query(
      `INSERT INTO territory_ancestor (territory_code, ancestor_code, depth)
       SELECT $1, ancestor_code, depth + 1 FROM territory_ancestor WHERE territory_code = $2
       UNION ALL SELECT $1, $1, 0`,
      [perimeter.code, parent],
    );
    await manager.query(`DELETE FROM territory_membership WHERE perimeter_code = $1`, [perimeter.code]);
    await manager.query(`INSERT INTO territory_membership (perimeter_code, member_code) SELECT $1, unnest($2::text[])`, [perimeter.code, perimeter.members]);
    if (existing[0]) report.updated.perimeters += 1;
    else report.created.perimeters += 1;
  }
}
