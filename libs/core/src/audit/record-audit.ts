import type { EntityManager } from 'typeorm';

export type AuditActor =
  | { kind: 'user' | 'token'; userId: string }
  | { kind: 'system' }
  | { kind: 'anonymous' };

export interface AuditEntry {
  actor: AuditActor;
  /** A dotted verb, e.g. `api-token.created`, `indicator.updated`, `import.published`. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  old?: unknown;
  new?: unknown;
  territoryCode?: string | null;
}

/** Changes made by the operator's CLI or by the kit itself (seed, migrations). */
export const SYSTEM_ACTOR: AuditActor = { kind: 'system' };

/** Appends one line to the audit trail, in the caller's transaction so the change and its trace commit together. */
export async function audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  const actorId = entry.actor.kind === 'user' || entry.actor.kind === 'token' ? entry.actor.userId : null;
  await manager.query(
    `INSERT INTO audit_log (actor_id, actor_kind, action, subject_type, subject_id, old, new, territory_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actorId,
      entry.actor.kind,
      entry.action,
      entry.subjectType,
      entry.subjectId ?? null,
      entry.old === undefined ? null : JSON.stringify(entry.old),
      entry.new === undefined ? null : JSON.stringify(entry.new),
      entry.territoryCode ?? null,
    ],
  );
}
