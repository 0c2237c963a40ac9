import type { EntityManager } from 'typeorm';
import { rootsCondition } from '../ability/scope-condition';
import { territoryRoots } from '../ability/territory-scope';
import { badInput } from '../errors/auth-error';
import { assertCan } from '../identity/assert-can';
import type { RequestIdentity } from '../identity/request-identity';

export interface AuditLogFilter {
  subjectType?: string | null;
  actorId?: string | null;
  /** Part of the actor's e-mail, or `system` / `anonymous`. */
  actor?: string | null;
  /** The action or the start of it: `measure.` matches `measure.imported` and `measure.published`. */
  action?: string | null;
  /** Part of the subject's id (e.g. `IND-A|D29`, a batch id) or a territory code. */
  target?: string | null;
  /** ISO date or date-time, inclusive. */
  from?: string | null;
  /** ISO date or date-time; a bare date includes the whole day. */
  to?: string | null;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorKind: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  old: unknown;
  new: unknown;
  territoryCode: string | null;
}

const COLUMNS = `id::text AS id, at, actor_id AS "actorId", (SELECT email FROM app_user u WHERE u.id = audit_log.actor_id) AS "actorEmail", actor_kind AS "actorKind", action, subject_type AS "subjectType", subject_id AS "subjectId", old, new, territory_code AS "territoryCode"`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function parseBound(value: string | null | undefined, field: 'from' | 'to'): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!(DATE.test(text) || DATE_TIME.test(text)) || Number.isNaN(Date.parse(text))) {
    throw badInput(`filter.${field}`, `"${value}" is not a date: use 2026-11-28 or 2026-11-28T14:30:00Z.`);
  }
  // A bare "to" date means "up to the end of that day".
  return field === 'to' && DATE.test(text) ? new Date(Date.parse(`${text}T00:00:00Z`) + 86_400_000).toISOString() : text;
}

/**
 * The WHERE clause of the audit trail for an identity: an unrestricted reader sees everything,
 * a scope manager only entries about territories inside their scope (entries with no territory —
 * roles, settings, tokens — stay with unrestricted readers).
 */
export function auditLogWhere(identity: RequestIdentity, filter: AuditLogFilter): { sql: string; params: unknown[] } {
  assertCan(identity, 'read', 'AuditLog');
  const where: string[] = [];
  const params: unknown[] = [];
  const roots = territoryRoots(identity.ability, 'read', 'AuditLog');
  if (roots !== null) {
    // Qualified: inside the EXISTS, a bare territory_code would be the closure table's own column.
    const scoped = rootsCondition(roots, 'audit_log.territory_code', params.length + 1);
    params.push(...scoped.params);
    where.push(`territory_code IS NOT NULL AND ${scoped.sql}`);
  }
  if (filter.subjectType) {
    params.push(filter.subjectType.trim());
    where.push(`subject_type = $${params.length}`);
  }
  if (filter.actorId) {
    if (!/^[0-9a-f-]{36}$/i.test(filter.actorId.trim())) throw badInput('filter.actorId', `"${filter.actorId}" is not a user id (a UUID).`);
    params.push(filter.actorId.trim());
    where.push(`actor_id = $${params.length}::uuid`);
  }
  const actor = filter.actor?.trim();
  if (actor) {
    if (actor.length > 200) throw badInput('filter.actor', 'An actor is searched by at most 200 characters of their e-mail.');
    params.push(actor.toLowerCase());
    const n = params.length;
    where.push(`(actor_kind = $${n} OR actor_id IN (SELECT u.id FROM app_user u WHERE strpos(u.email, $${n}) > 0))`);
  }
  const action = filter.action?.trim();
  if (action) {
    if (!/^[a-z0-9._-]{1,100}$/i.test(action)) throw badInput('filter.action', `"${filter.action}" is not an action: letters, digits, dots and dashes, e.g. measure.imported or measure.`);
    params.push(action);
    where.push(`left(action, length($${params.length})) = $${params.length}`);
  }
  const target = filter.target?.trim();
  if (target) {
    if (target.length > 200) throw badInput('filter.target', 'A target is searched by at most 200 characters.');
    params.push(target.toLowerCase(), target);
    const n = params.length;
    where.push(`(strpos(lower(subject_id), $${n - 1}) > 0 OR territory_code = $${n})`);
  }
  const from = parseBound(filter.from, 'from');
  const to = parseBound(filter.to, 'to');
  if (from) {
    params.push(from);
    where.push(`at >= $${params.length}::timestamptz`);
  }
  if (to) {
    params.push(to);
    where.push(`at ${filter.to && DATE.test(filter.to.trim()) ? '<' : '<='} $${params.length}::timestamptz`);
  }
  return { sql: where.length ? where.join(' AND ') : 'TRUE', params };
}

export interface AuditLogPage {
  totalCount: number;
  entries: AuditLogEntry[];
  endCursor: string | null;
  hasNextPage: boolean;
}

function decodeCursor(after: string): string {
  const id = Buffer.from(after, 'base64url').toString('utf8');
  if (!/^\d{1,18}$/.test(id)) throw badInput('after', 'This cursor is not one the auditLog query returned.');
  return id;
}

/** One page of the audit trail, newest first (keyset on the id, which grows with time). */
export async function listAuditLog(db: EntityManager, identity: RequestIdentity, input: { filter?: AuditLogFilter | null; first?: number | null; after?: string | null }): Promise<AuditLogPage> {
  const first = Math.min(Math.max(input.first ?? 50, 1), 500);
  const { sql, params } = auditLogWhere(identity, input.filter ?? {});
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE ${sql}`, params)) as { n: number }[];
  const pageParams = [...params];
  let page = sql;
  if (input.after) {
    pageParams.push(decodeCursor(input.after));
    page = `${sql} AND audit_log.id < $${pageParams.length}::bigint`;
  }
  pageParams.push(first + 1);
  const rows = (await db.query(`SELECT ${COLUMNS} FROM audit_log WHERE ${page} ORDER BY audit_log.id DESC LIMIT $${pageParams.length}`, pageParams)) as AuditLogEntry[];
  const entries = rows.slice(0, first);
  return {
    totalCount: n,
    entries,
    endCursor: entries.length ? Buffer.from(entries[entries.length - 1].id).toString('base64url') : null,
    hasNextPage: rows.length > first,
  };
}

/** Every matching entry, by batches, for the CSV export (bounded memory whatever the size). */
export async function* iterateAuditLog(db: EntityManager, identity: RequestIdentity, filter: AuditLogFilter, batchSize = 1000): AsyncGenerator<AuditLogEntry[]> {
  const { sql, params } = auditLogWhere(identity, filter);
  let before: string | null = null;
  for (;;) {
    const batchParams = [...params, ...(before ? [before] : []), batchSize];
    const keyset = before ? ` AND audit_log.id < $${params.length + 1}::bigint` : '';
    const rows = (await db.query(`SELECT ${COLUMNS} FROM audit_log WHERE ${sql}${keyset} ORDER BY audit_log.id DESC LIMIT $${batchParams.length}`, batchParams)) as AuditLogEntry[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    before = rows[rows.length - 1].id;
  }
}
