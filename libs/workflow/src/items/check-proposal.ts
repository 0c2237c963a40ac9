import type { InstanceConfig, MeasureKind } from '@pilote/core';
import { isValueInRange } from '@pilote/import';
import type { EntityManager } from 'typeorm';
import { invalid } from './workflow-errors';
import type { MeasurePayload, NarrativeKind, NarrativePayload } from './workflow-item';

export const MEASURE_KINDS: readonly MeasureKind[] = ['VI', 'VA', 'VC', 'VC_INTERMEDIATE'];
export const WEATHER_LEVELS = ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED', 'NOT_NEEDED'] as const;
export const MAX_TEXT = 5000;

export interface ValueProposal {
  indicatorId: string;
  territoryCode: string;
  kind: string;
  date: string;
  value: number;
}

export interface NarrativeProposal {
  policyId: string;
  territoryCode: string;
  kind: string;
  weather?: string | null;
  body?: string | null;
  type?: string | null;
}

interface LevelSetting {
  VI?: string;
  VA?: string;
  VC?: string;
}

async function territoryLevel(db: EntityManager, code: string): Promise<string> {
  const rows = (await db.query(`SELECT level FROM territory WHERE code = $1`, [code])) as { level: string }[];
  if (!rows[0]) throw invalid('territoryCode', `Unknown territory "${code}".`);
  return rows[0].level;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A value may be proposed where the indicator is followed and the kind is entered (not
 * aggregated from the level below): the same rule as imports, so the two paths agree.
 */
export async function checkValueProposal(db: EntityManager, input: ValueProposal): Promise<{ policyId: string; payload: MeasurePayload }> {
  const level = await territoryLevel(db, input.territoryCode);
  const rows = (await db.query(`SELECT policy_id, status, level_settings FROM indicator WHERE id = $1`, [input.indicatorId])) as { policy_id: string; status: string; level_settings: Record<string, LevelSetting> }[];
  const indicator = rows[0];
  if (!indicator || indicator.status === 'archived') throw invalid('indicatorId', `Unknown or archived indicator "${input.indicatorId}".`);
  if (!MEASURE_KINDS.includes(input.kind as MeasureKind)) throw invalid('kind', `Unknown kind "${input.kind}": expected ${MEASURE_KINDS.join(', ')}.`);
  const setting = indicator.level_settings?.[level];
  if (!setting) throw invalid('territoryCode', `Indicator "${input.indicatorId}" is not followed at the level of ${input.territoryCode} (${level}).`);
  const settingKind = input.kind === 'VC_INTERMEDIATE' ? 'VC' : (input.kind as keyof LevelSetting);
  if (setting[settingKind] !== 'entered') {
    throw invalid('kind', `${input.kind} of "${input.indicatorId}" is computed from the level below at ${level}: enter it in the territories below ${input.territoryCode}.`);
  }
  if (!isIsoDate(input.date)) throw invalid('date', `"${input.date}" is not a date (expected YYYY-MM-DD).`);
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw invalid('value', 'The value must be a number.');
  if (!isValueInRange(input.value)) throw invalid('value', `The value ${input.value} is out of range: between -10^15 and 10^15.`);
  return { policyId: indicator.policy_id, payload: { kind: input.kind as MeasureKind, date: input.date, value: input.value } };
}

const NARRATIVE_KINDS: readonly NarrativeKind[] = ['weather', 'comment', 'objective', 'decision'];

export async function checkNarrativeProposal(db: EntityManager, config: Pick<InstanceConfig, 'commentTypes'>, input: NarrativeProposal): Promise<{ kind: NarrativeKind; payload: NarrativePayload }> {
  await territoryLevel(db, input.territoryCode);
  const policies = (await db.query(`SELECT status FROM policy WHERE id = $1`, [input.policyId])) as { status: string }[];
  if (!policies[0] || policies[0].status === 'archived') throw invalid('policyId', `Unknown or archived policy "${input.policyId}".`);
  if (!NARRATIVE_KINDS.includes(input.kind as NarrativeKind)) throw invalid('kind', `Unknown kind "${input.kind}": expected ${NARRATIVE_KINDS.join(', ')}.`);
  const kind = input.kind as NarrativeKind;
  const body = (input.body ?? '').trim();
  if (body.length > MAX_TEXT) throw invalid('body', `The text has ${body.length} characters; the maximum is ${MAX_TEXT}.`);
  if (kind === 'weather') {
    if (!WEATHER_LEVELS.includes(input.weather as (typeof WEATHER_LEVELS)[number])) throw invalid('weather', `Unknown météo "${input.weather ?? ''}": expected ${WEATHER_LEVELS.join(', ')}.`);
    return { kind, payload: { weather: input.weather, body } };
  }
  if (!body) throw invalid('body', 'The text is empty.');
  if (kind === 'comment') {
    const types = config.commentTypes?.map((t) => t.id);
    if (input.type && types && !types.includes(input.type)) throw invalid('type', `Unknown comment type "${input.type}": expected ${types.join(', ')}.`);
    return { kind, payload: { body, type: input.type ?? null } };
  }
  return { kind, payload: { body } };
}
