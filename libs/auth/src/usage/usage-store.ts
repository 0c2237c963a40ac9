import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput } from '../errors/auth-error';
import type { RequestIdentity } from '../identity/request-identity';

/**
 * Usage figures without trackers (ADR 045): rendered pages counted into daily aggregates, distinct
 * active accounts counted per day, week and month through salted hashes that are deleted with
 * their salt when the period closes. Nothing here stores an account id, an e-mail or free text.
 */

/** The kinds of page the web app reports; anything else is refused (fail closed). */
export const PAGE_KINDS = [
  'home', 'policy', 'territory', 'indicator', 'compare', 'entry', 'campaigns', 'import', 'notifications', 'news', 'account', 'tokens', 'access-requests', 'admin', 'public', 'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type Period = (typeof PERIODS)[number];

/** Anonymous visitors: counted in page views under this role, never as active users (they carry no id). */
export const PUBLIC_ROLE = 'public';
/** The row of `usage_active_users` that counts every role together (an account with two roles counts once). */
export const ALL_ROLES = '*';

const TERRITORY_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_MS = 86_400_000;
/** At most this many days between `from` and `to` of one reading. */
export const MAX_RANGE_DAYS = 3_660;

/** YYYY-MM-DD of a date, in UTC (the figures' days are UTC days). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The first day of the period containing `day` (weeks start on Monday, ISO 8601). */
export function periodStart(period: Period, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (period === 'DAY') return day;
  if (period === 'MONTH') return `${day.slice(0, 7)}-01`;
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDay(new Date(date.getTime() - weekday * DAY_MS));
}

/** The first day after the period starting at `start`. */
export function periodEnd(period: Period, start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (period === 'DAY') return isoDay(new Date(date.getTime() + DAY_MS));
  if (period === 'WEEK') return isoDay(new Date(date.getTime() + 7 * DAY_MS));
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

/** The role a view is counted under: the account's roles (sorted, joined by '+'), or `public`. */
export function roleOf(identity: RequestIdentity | undefined): string {
  if (!identity || identity.kind === 'anonymous' || !identity.userId) return PUBLIC_ROLE;
  // The anonymous role's grant, if the instance has one, is everybody's: it says nothing of the account.
  const roles = [...new Set(identity.grants.map((grant) => grant.roleId))].filter((role) => role !== PUBLIC_ROLE).sort();
  return roles.length ? roles.join('+').slice(0, 200) : 'none';
}

export interface PageViewInput {
  kind: string;
  territoryCode?: string | null;
}

/**
 * Counts one rendered page. The territory, when given, must exist (its level is read from the
 * referential, never taken from the client); a malformed or unknown code is not stored — the page
 * is counted without it and the answer is `false`. `userId` only feeds the period hashes.
 */
export async function recordPageView(manager: EntityManager, input: PageViewInput, viewer: { role: string; userId: string | null }, now = new Date()): Promise<boolean> {
  if (!(PAGE_KINDS as readonly string[]).includes(input.kind)) throw badInput('kind', `Unknown page kind "${String(input.kind).slice(0, 40)}": use one of ${PAGE_KINDS.join(', ')}.`);
  let level = '';
  let code = '';
  let territoryKept = true;
  if (input.territoryCode !== null && input.territoryCode !== undefined && input.territoryCode !== '') {
    const rows = TERRITORY_CODE.test(input.territoryCode) ? ((await manager.query(`SELECT level FROM territory WHERE code = $1`, [input.territoryCode])) as { level: string }[]) : [];
    if (rows.length) {
      level = rows[0].level;
      code = input.territoryCode;
    } else territoryKept = false;
  }
  const day = isoDay(now);
  await manager.query(
    `INSERT INTO usage_page_view (day, page_kind, role, territory_level, territory_code, views) VALUES ($1, $2, $3, $4, $5, 1)
     ON CONFLICT (day, page_kind, role, territory_level, territory_code) DO UPDATE SET views = usage_page_view.views + 1`,
    [day, input.kind, viewer.role, level, code],
  );
  if (viewer.userId) await markActive(manager, viewer.userId, viewer.role, day);
  return territoryKept;
}

/** One salted hash of the account per open period (day, week, month); the salt is per period and random. */
async function markActive(manager: EntityManager, userId: string, role: string, day: string): Promise<void> {
  const starts = PERIODS.map((period) => [period, periodStart(period, day)] as const);
  await manager.query(
    `INSERT INTO usage_period_salt (period, period_start, salt) VALUES ('DAY', $1, $4), ('WEEK', $2, $5), ('MONTH', $3, $6) ON CONFLICT DO NOTHING`,
    [starts[0][1], starts[1][1], starts[2][1], randomBytes(32).toString('hex'), randomBytes(32).toString('hex'), randomBytes(32).toString('hex')],
  );
  await manager.query(
    `INSERT INTO usage_active_marker (period, period_start, role, marker)
     SELECT s.period, s.period_start, $4, encode(sha256(convert_to(s.salt || ':' || $5, 'UTF8')), 'hex')
       FROM usage_period_salt s
      WHERE (s.period = 'DAY' AND s.period_start = $1::date) OR (s.period = 'WEEK' AND s.period_start = $2::date) OR (s.period = 'MONTH' AND s.period_start = $3::date)
     ON CONFLICT DO NOTHING`,
    [starts[0][1], starts[1][1], starts[2][1], role, userId],
  );
}

const PERIOD_END_SQL = (alias: string) =>
  `(CASE ${alias}.period WHEN 'DAY' THEN ${alias}.period_start + 1 WHEN 'WEEK' THEN ${alias}.period_start + 7 ELSE (${alias}.period_start + interval '1 month')::date END)`;

/**
 * Closes the periods that ended before `today`: their distinct accounts become counts in
 * `usage_active_users`, then their hashes and salts are deleted. Run inside one transaction.
 */
export async function closeFinishedPeriods(manager: EntityManager, today = isoDay(new Date())): Promise<{ closed: number }> {
  const closed = `${PERIOD_END_SQL('m')} <= $1::date`;
  await manager.query(
    `INSERT INTO usage_active_users (period, period_start, role, users)
     SELECT m.period, m.period_start, m.role, count(*)::int FROM usage_active_marker m WHERE ${closed} GROUP BY m.period, m.period_start, m.role
     UNION ALL
     SELECT m.period, m.period_start, '${ALL_ROLES}', count(DISTINCT m.marker)::int FROM usage_active_marker m WHERE ${closed} GROUP BY m.period, m.period_start
     ON CONFLICT (period, period_start, role) DO UPDATE SET users = usage_active_users.users + EXCLUDED.users`,
    [today],
  );
  await manager.query(`DELETE FROM usage_active_marker m WHERE ${closed}`, [today]);
  const salts = (await manager.query(`WITH gone AS (DELETE FROM usage_period_salt m WHERE ${closed} RETURNING 1) SELECT count(*)::int AS n FROM gone`, [today])) as { n: number }[];
  return { closed: salts[0].n };
}

/** Deletes the aggregates of days (and periods) that started more than `retentionDays` ago. */
export async function purgeUsage(manager: EntityManager, retentionDays: number, today = isoDay(new Date())): Promise<{ views: number; activeUsers: number }> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`usage.retentionDays must be a whole number of days ≥ 1, got ${retentionDays}`);
  const before = isoDay(new Date(new Date(`${today}T00:00:00Z`).getTime() - retentionDays * DAY_MS));
  const count = async (sql: string) => ((await manager.query(`WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`, [before])) as { n: number }[])[0].n;
  const views = await count(`DELETE FROM usage_page_view WHERE day < $1::date`);
  const activeUsers = await count(`DELETE FROM usage_active_users WHERE period_start < $1::date`);
  return { views, activeUsers };
}

export interface UsageCount { key: string; count: number }
export interface UsagePoint { periodStart: string; activeUsers: number; views: number; byRole: UsageCount[] }
export interface UsageTerritory { code: string; name: string; level: string; views: number }
export interface UsageRoleLevel { role: string; level: string; views: number }
export interface UsageFigures {
  from: string;
  to: string;
  granularity: Period;
  points: UsagePoint[];
  viewsByRole: UsageCount[];
  viewsByLevel: UsageCount[];
  viewsByRoleAndLevel: UsageRoleLevel[];
  pages: UsageCount[];
  territories: UsageTerritory[];
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(field: string, value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY_PATTERN.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value) throw badInput(field, `${field} must be a date written YYYY-MM-DD, got "${String(value).slice(0, 20)}".`);
  return value;
}

/** Active users per period (closed periods from their counts, open ones live from the hashes), views per period, and the breakdowns over [from, to]. */
export async function readUsageFigures(manager: EntityManager, input: { from: string; to: string; granularity: Period }, topTerritories = 20): Promise<UsageFigures> {
  const from = checkDay('from', input.from);
  const to = checkDay('to', input.to);
  if (from > to) throw badInput('to', `to (${to}) is before from (${from}).`);
  const days = (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS;
  if (days > MAX_RANGE_DAYS) throw badInput('to', `Ask for at most ${MAX_RANGE_DAYS.toLocaleString('en')} days at once (from ${from} to ${to} is ${days + 1}).`);
  const { granularity } = input;
  const first = periodStart(granularity, from);
  const starts: string[] = [];
  for (let start = first; start <= to; start = periodEnd(granularity, start)) starts.push(start);

  const active = (await manager.query(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS start, role, users FROM usage_active_users WHERE period = $1 AND period_start BETWEEN $2::date AND $3::date
     UNION ALL
     SELECT to_char(m.period_start, 'YYYY-MM-DD'), m.role, count(*)::int FROM usage_active_marker m WHERE m.period = $1 AND m.period_start BETWEEN $2::date AND $3::date GROUP BY m.period_start, m.role
     UNION ALL
     SELECT to_char(m.period_start, 'YYYY-MM-DD'), '${ALL_ROLES}', count(DISTINCT m.marker)::int FROM usage_active_marker m WHERE m.period = $1 AND m.period_start BETWEEN $2::date AND $3::date GROUP BY m.period_start`,
    [granularity, first, to],
  )) as { start: string; role: string; users: number }[];
  const unit = granularity === 'DAY' ? 'day' : granularity === 'WEEK' ? 'week' : 'month';
  const views = (await manager.query(
    `SELECT to_char(date_trunc('${unit}', day::timestamp), 'YYYY-MM-DD') AS start, sum(views)::int AS views FROM usage_page_view WHERE day BETWEEN $1::date AND $2::date GROUP BY 1`,
    [from, to],
  )) as { start: string; views: number }[];

  const points = new Map<string, UsagePoint>(starts.map((start) => [start, { periodStart: start, activeUsers: 0, views: 0, byRole: [] }]));
  for (const row of active) {
    const point = points.get(row.start);
    if (!point) continue;
    if (row.role === ALL_ROLES) point.activeUsers += row.users;
    else {
      const known = point.byRole.find((entry) => entry.key === row.role);
      if (known) known.count += row.users;
      else point.byRole.push({ key: row.role, count: row.users });
    }
  }
  for (const row of views) {
    const point = points.get(row.start);
    if (point) point.views = row.views;
  }
  for (const point of points.values()) point.byRole.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  const grouped = async (column: string) =>
    (await manager.query(
      `SELECT ${column} AS key, sum(views)::int AS count FROM usage_page_view WHERE day BETWEEN $1::date AND $2::date GROUP BY ${column} ORDER BY count DESC, key`,
      [from, to],
    )) as UsageCount[];
  const viewsByRoleAndLevel = (await manager.query(
    `SELECT role, territory_level AS level, sum(views)::int AS views FROM usage_page_view WHERE day BETWEEN $1::date AND $2::date GROUP BY role, territory_level ORDER BY views DESC, role, level`,
    [from, to],
  )) as UsageRoleLevel[];
  const territories = (await manager.query(
    `SELECT v.territory_code AS code, coalesce(t.name, v.territory_code) AS name, v.territory_level AS level, sum(v.views)::int AS views
       FROM usage_page_view v LEFT JOIN territory t ON t.code = v.territory_code
      WHERE v.day BETWEEN $1::date AND $2::date AND v.territory_code <> ''
      GROUP BY v.territory_code, t.name, v.territory_level ORDER BY views DESC, code LIMIT ${Number(topTerritories)}`,
    [from, to],
  )) as UsageTerritory[];
  return {
    from, to, granularity,
    points: [...points.values()],
    viewsByRole: await grouped('role'),
    viewsByLevel: await grouped('territory_level'),
    viewsByRoleAndLevel,
    pages: await grouped('page_kind'),
    territories,
  };
}
