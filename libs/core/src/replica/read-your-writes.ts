import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { KitContext } from '../boot/kit-context';
import { currentWalLsn } from '../database/replica-lsn';
import type { ReadSource } from './read-replica';

/** The position of the reader's last write, so their next reads see it (HttpOnly; ADR 034). */
export const WRITE_LSN_COOKIE = 'pilote_lsn';
/** The same, for clients without cookies (API tokens): sent on every write's answer, given back on reads. */
export const WRITE_LSN_HEADER = 'x-pilote-lsn';
/** Which server answered the dashboard reads of a request ("primary", "replica", or both). */
export const READ_SOURCE_HEADER = 'x-pilote-read-source';

type WithRequest = { req?: Request; res?: Response } | undefined;

function minLsnOf(req: Request | undefined): string | null {
  if (!req) return null;
  const header = req.headers?.[WRITE_LSN_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromCookie = (req as Request & { cookies?: Record<string, string> }).cookies?.[WRITE_LSN_COOKIE];
  return fromHeader || fromCookie || null;
}

/**
 * Runs a dashboard read where it may go: on the replica unless the reader wrote something it has
 * not replayed yet (or it is down or lagging), else on the primary. Without a replica, the primary.
 */
export async function readDashboard<T>(kit: KitContext, ctx: unknown, read: (db: EntityManager) => Promise<T>): Promise<T> {
  const primary = kit.dataSource.manager;
  if (!kit.readReplica) return read(primary);
  const { req, res } = (ctx ?? {}) as NonNullable<WithRequest>;
  const minLsn = minLsnOf(req);
  const { value, source } = await kit.readReplica.run(primary, minLsn, read);
  if (res && !res.headersSent) noteSource(res, source, Boolean(minLsn && source === 'replica' && req?.cookies?.[WRITE_LSN_COOKIE]));
  return value;
}

function noteSource(res: Response, source: ReadSource, caughtUp: boolean): void {
  const before = String(res.getHeader(READ_SOURCE_HEADER) ?? '');
  res.setHeader(READ_SOURCE_HEADER, before && before !== source ? 'primary, replica' : source);
  // The replica has replayed the reader's write: their reads need no pin any more.
  if (caughtUp) res.clearCookie(WRITE_LSN_COOKIE, { path: '/' });
}

/**
 * After a request that committed a write: the primary's position now, on the answer (cookie and
 * header), so this reader's next dashboard reads wait for the replica to reach it. A no-op
 * without a replica or once the answer has started.
 */
export async function rememberWrite(kit: KitContext, res: Response): Promise<void> {
  if (!kit.readReplica || res.headersSent) return;
  const lsn = await currentWalLsn(kit.dataSource.manager);
  if (res.headersSent) return;
  const maxAgeMs = (kit.settings.replicaMaxLagSeconds ?? 30) * 1000;
  res.cookie(WRITE_LSN_COOKIE, lsn, { httpOnly: true, sameSite: 'lax', secure: kit.settings.production, path: '/', maxAge: maxAgeMs });
  res.setHeader(WRITE_LSN_HEADER, lsn);
}
