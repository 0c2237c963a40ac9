import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import type { Referential } from './referential.schema';

/** Reads the referential back from the database, in the same shape the files use. */
export async function readReferentialFromDatabase(dataSource: DataSource): Promise<Referential> {
  const taxonomies = (await dataSource.query(`SELECT id, kind, label, parent_id, status FROM taxonomy ORDER BY position, id`)) as {
    id: string; kind: string; label: string; parent_id: string | null; status: 'active' | 'archived';
  }[];
  const policies = (await dataSource.query(
    `SELECT p.*, coalesce((SELECT array_agg(taxonomy_id ORDER BY taxonomy_id) FROM policy_taxonomy WHERE policy_id = p.id), '{}') AS taxonomies
     FROM policy p ORDER BY position, id`,
  )) as { id: string; code: string; name: string; kind: Referential['policies'][number]['kind']; status: Referential['policies'][number]['status']; description: string | null; owners: Referential['policies'][number]['owners']; levels: string[]; taxonomies: string[] }[];
  const indicators = (await dataSource.query(`SELECT * FROM indicator ORDER BY position, id`)) as {
    id: string; policy_id: string; name: string; type: string; unit: string; direction: 'rising' | 'falling'; source: string | null; method: string | null;
    description: string | null; periodicity: Referential['indicators'][number]['periodicity']; availability_delay_days: number;
    level_settings: Referential['indicators'][number]['levels']; applicable_in: string[] | null; status: 'active' | 'archived';
  }[];
  const perimeters = (await dataSource.query(
    `SELECT t.code, t.level, t.name, t.parent_code, array_agg(m.member_code ORDER BY m.member_code) AS members
     FROM territory t JOIN territory_membership m ON m.perimeter_code = t.code GROUP BY t.code, t.level, t.name, t.parent_code ORDER BY t.code`,
  )) as { code: string; level: string; name: string; parent_code: string; members: string[] }[];
  const optional = <T>(value: T | null) => (value === null ? undefined : value);
  return {
    taxonomies: taxonomies.map((t) => ({ id: t.id, kind: t.kind, label: t.label, parent: optional(t.parent_id), status: t.status })),
    policies: policies.map((p) => ({
      id: p.id, code: p.code === p.id ? undefined : p.code, name: p.name, kind: p.kind, status: p.status, description: optional(p.description),
      owners: p.owners, levels: p.levels, taxonomies: p.taxonomies,
    })),
    indicators: indicators.map((i) => ({
      id: i.id, policy: i.policy_id, name: i.name, type: i.type, unit: i.unit, direction: i.direction, source: optional(i.source),
      method: optional(i.method), description: optional(i.description), periodicity: i.periodicity,
      availabilityDelayDays: i.availability_delay_days, levels: i.level_settings, applicableIn: optional(i.applicable_in), status: i.status,
    })),
    perimeters: perimeters.map((p) => ({ code: p.code, level: p.level, name: p.name, parent: p.parent_code === 'FRANCE' ? undefined : p.parent_code, members: p.members })),
  };
}

/** `pilote referential export`: writes the four YAML files that `referential load` reads. */
export async function exportReferential(dataSource: DataSource, directory: string): Promise<Record<string, number>> {
  const referential = await readReferentialFromDatabase(dataSource);
  mkdirSync(directory, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [kind, items] of Object.entries(referential)) {
    const clean = JSON.parse(JSON.stringify(items)) as unknown[];
    writeFileSync(path.join(directory, `${kind}.yaml`), stringify(clean, { lineWidth: 0 }));
    counts[kind] = clean.length;
  }
  return counts;
}
