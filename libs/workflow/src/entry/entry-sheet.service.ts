import { subject as asSubject } from '@casl/ability';
import { forbidden, type RequestIdentity, territoryPath } from '@pilote/auth';
import type { NewMeasure } from '@pilote/core';
import type { DataSource, EntityManager } from 'typeorm';
import { previewEffect, type RateEffect } from '../effect/proposal-effect';
import { itemsAt } from '../items/item-queries';
import type { MeasurePayload, WorkflowItem } from '../items/workflow-item';

export interface OfficialValues {
  initialValue: number | null;
  initialDate: string | null;
  currentValue: number | null;
  currentDate: string | null;
  annualTarget: number | null;
  annualTargetDate: string | null;
  globalTarget: number | null;
  globalTargetDate: string | null;
  annualRate: number | null;
  globalRate: number | null;
}

export interface EntryIndicator {
  id: string;
  name: string;
  unit: string;
  direction: string;
  /** Kinds entered at this territory's level (the others are computed from the level below). */
  enteredKinds: string[];
  official: OfficialValues;
  proposals: WorkflowItem[];
}

export interface PublishedNarrative {
  id: string;
  kind: string;
  weather: string | null;
  body: string;
  type: string | null;
  date: string;
  author: string | null;
}

export interface EntryRights {
  proposeValues: boolean;
  validateValues: boolean;
  publishValues: boolean;
  proposeNarratives: boolean;
  validateNarratives: boolean;
  publishNarratives: boolean;
}

export interface EntrySheet {
  territory: { code: string; name: string; level: string };
  policy: { id: string; name: string };
  indicators: EntryIndicator[];
  narratives: PublishedNarrative[];
  narrativeProposals: WorkflowItem[];
  rights: EntryRights;
  /** Rates before → after if every pending value proposal (submitted or validated) were published. */
  effect: RateEffect[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function rightsAt(identity: RequestIdentity, path: string[], policyId: string): EntryRights {
  const can = (action: string, subject: string) => identity.ability.can(action, asSubject(subject, { territoryPath: path, policyId }));
  return {
    proposeValues: can('create', 'Measure'),
    validateValues: can('validate', 'Measure'),
    publishValues: can('publish', 'Measure'),
    proposeNarratives: can('create', 'Narrative'),
    validateNarratives: can('validate', 'Narrative'),
    publishNarratives: can('publish', 'Narrative'),
  };
}

/** The latest pending proposal per indicator × kind × date: what "publish everything pending" would write. */
export function pendingMeasures(items: readonly WorkflowItem[]): NewMeasure[] {
  const latest = new Map<string, NewMeasure>();
  const pending = items.filter((item) => item.subjectKind === 'measure' && (item.state === 'submitted' || item.state === 'validated'));
  for (const item of [...pending].sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0))) {
    const p = item.payload as MeasurePayload;
    latest.set(`${item.indicatorId}|${p.kind}|${p.date}`, { indicatorId: item.indicatorId!, territoryCode: item.territoryCode, kind: p.kind, date: p.date, value: p.value });
  }
  return [...latest.values()];
}

/** What the entry page of a territory × policy shows: official values, proposals, rights, effect on rates. */
export async function entrySheet(
  dataSource: DataSource,
  identity: RequestIdentity,
  territoryCode: string,
  policyId: string,
  computation: { levelOrder: string[]; asOf: string },
): Promise<EntrySheet> {
  const db: EntityManager = dataSource.manager;
  const [territory] = (await db.query(`SELECT code, name, level FROM territory WHERE code = $1`, [territoryCode])) as EntrySheet['territory'][];
  const [policy] = (await db.query(`SELECT id, name FROM policy WHERE id = $1 AND status <> 'archived'`, [policyId])) as EntrySheet['policy'][];
  if (!territory || !policy) throw forbidden('read', 'Dashboard');
  const path = await territoryPath(db, territoryCode);
  const indicatorRows = (await db.query(
    `SELECT i.id, i.name, i.unit, i.direction, i.level_settings -> $2 AS setting,
       s.initial_value, to_char(s.initial_date, 'YYYY-MM-DD') AS initial_date, s.current_value, to_char(s.current_value_date, 'YYYY-MM-DD') AS current_date,
       s.annual_target, to_char(s.annual_target_date, 'YYYY-MM-DD') AS annual_target_date, s.global_target, to_char(s.global_target_date, 'YYYY-MM-DD') AS global_target_date,
       s.annual_rate, s.global_rate
     FROM indicator i LEFT JOIN indicator_state s ON s.indicator_id = i.id AND s.territory_code = $3
     WHERE i.policy_id = $1 AND i.status <> 'archived' AND i.level_settings ? $2 ORDER BY i.position, i.id`,
    [policyId, territory.level, territoryCode],
  )) as Record<string, unknown>[];
  const items = await itemsAt(db, identity, territoryCode, policyId, null);
  const visible = items.filter((item) => item.state !== 'published');
  const indicators: EntryIndicator[] = indicatorRows.map((row) => {
    const setting = (row.setting ?? {}) as Record<string, string>;
    return {
      id: String(row.id),
      name: String(row.name),
      unit: String(row.unit),
      direction: String(row.direction),
      enteredKinds: ['VI', 'VA', 'VC'].filter((kind) => setting[kind] === 'entered'),
      official: {
        initialValue: num(row.initial_value), initialDate: (row.initial_date as string) ?? null,
        currentValue: num(row.current_value), currentDate: (row.current_date as string) ?? null,
        annualTarget: num(row.annual_target), annualTargetDate: (row.annual_target_date as string) ?? null,
        globalTarget: num(row.global_target), globalTargetDate: (row.global_target_date as string) ?? null,
        annualRate: num(row.annual_rate), globalRate: num(row.global_rate),
      },
      proposals: visible.filter((item) => item.indicatorId === row.id),
    };
  });
  // The latest published météo, and recent comments, objectives and decisions.
  const narratives = (await db.query(
    `(SELECT id::text AS id, kind, weather, body, type, to_char(date, 'YYYY-MM-DD') AS date, author_name AS author FROM narrative
      WHERE policy_id = $1 AND territory_code = $2 AND state = 'published' AND kind = 'weather' ORDER BY date DESC, id DESC LIMIT 1)
     UNION ALL
     (SELECT id::text, kind, weather, body, type, to_char(date, 'YYYY-MM-DD'), author_name FROM narrative
      WHERE policy_id = $1 AND territory_code = $2 AND state = 'published' AND kind <> 'weather' ORDER BY date DESC, id DESC LIMIT 20)`,
    [policyId, territoryCode],
  )) as PublishedNarrative[];
  const effect = await previewEffect(dataSource, pendingMeasures(items), computation);
  return {
    territory,
    policy,
    indicators,
    narratives,
    narrativeProposals: visible.filter((item) => item.subjectKind !== 'measure'),
    rights: rightsAt(identity, path, policyId),
    effect,
  };
}
