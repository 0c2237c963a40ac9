import type { EntityManager } from 'typeorm';
import { badInput } from '../errors/auth-error';
import { audit, type AuditActor } from './audit';

/** The bounds of `audit.retentionDays` in pilote.config.ts, also enforced by the table. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 36_500;

export type RetentionSource = 'CONFIG' | 'SCREEN';

export interface EffectiveRetention {
  /** null: lines are kept without a time limit. */
  days: number | null;
  source: RetentionSource;
  changedBy: string | null;
  changedAt: Date | null;
  reason: string | null;
}

interface OverrideRow { days: number | null; changedBy: string | null; changedAt: Date; reason: string }

async function overrideOf(manager: EntityManager): Promise<OverrideRow | null> {
  const rows = (await manager.query(
    `SELECT o.days, u.email AS "changedBy", o.changed_at AS "changedAt", o.reason
       FROM audit_retention_override o LEFT JOIN app_user u ON u.id = o.changed_by`,
  )) as OverrideRow[];
  return rows[0] ?? null;
}

/** The retention in force: the one set on screen if any, else the configuration's (ADR 040). */
export async function effectiveRetention(manager: EntityManager, configDays: number | null): Promise<EffectiveRetention> {
  const row = await overrideOf(manager);
  if (!row) return { days: configDays, source: 'CONFIG', changedBy: null, changedAt: null, reason: null };
  return { days: row.days, source: 'SCREEN', changedBy: row.changedBy, changedAt: row.changedAt, reason: row.reason };
}

function checkReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) throw badInput('reason', 'Give the reason of the change (reason): the audit trail keeps it.');
  if (text.length > 500) throw badInput('reason', `The reason is ${text.length} characters long; keep it under 500.`);
  return text;
}

function checkDays(days: number | null): number | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
    throw badInput('days', `days must be a whole number from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} (or null to keep everything), got ${days}.`);
  }
  return days;
}

const summary = (r: EffectiveRetention) => ({ days: r.days, source: r.source });

/**
 * Sets the retention on screen (`days` null keeps everything) or, with `reset`, goes back to the
 * configuration's. Checked before anything is written; the change is audited in the same transaction.
 */
export async function changeAuditRetention(
  manager: EntityManager,
  input: { days: number | null; reset: boolean; reason: string | null | undefined; actor: AuditActor; configDays: number | null },
): Promise<EffectiveRetention> {
  const reason = checkReason(input.reason);
  const days = input.reset ? null : checkDays(input.days);
  const before = await effectiveRetention(manager, input.configDays);
  const actorId = input.actor.kind === 'user' || input.actor.kind === 'token' ? input.actor.userId : null;
  if (input.reset) {
    await manager.query(`DELETE FROM audit_retention_override`);
  } else {
    await manager.query(
      `INSERT INTO audit_retention_override (id, days, changed_by, changed_at, reason) VALUES (true, $1, $2, now(), $3)
       ON CONFLICT (id) DO UPDATE SET days = EXCLUDED.days, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at, reason = EXCLUDED.reason`,
      [days, actorId, reason],
    );
  }
  const after = await effectiveRetention(manager, input.configDays);
  await audit(manager, { actor: input.actor, action: 'audit.retention.changed', subjectType: 'AuditLog', subjectId: 'retention', old: summary(before), new: { ...summary(after), reason } });
  return after;
}
