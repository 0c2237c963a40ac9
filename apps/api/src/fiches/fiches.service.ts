import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { assertCan, AuthError, createSession, deleteSession, readAuthSettings, type RequestIdentity, sessionCookieName, territoryPath } from '@pilote/auth';
import { jobQueueOf, KIT_CONTEXT, type KitContext, localize } from '@pilote/core';
import { type Fiche, type FicheCredentials, FicheError, FicheRenderer } from './fiche-renderer';
import { readFicheSettings } from './fiche-settings';
import { insertFicheBatch, readFicheBatch, setBatchState, storedCodes, storeFiche } from './fiche-batch.store';

export const FICHE_BATCH_JOB = 'fiches.batch';
/** A batch's owner is represented by a session of this length while the job runs, then it is deleted. */
const BATCH_SESSION_SECONDS = 15 * 60;

export interface FicheTarget {
  kind: 'policy' | 'territory';
  id: string;
  territory?: string | null;
  asOf?: string | null;
  lang: string;
}

/**
 * PDF fiches (ADR 046): the print pages of the web app, printed by the shared headless Chromium
 * as the caller (their own cookie or token, never a wider one), and batches of them as one job.
 */
@Injectable()
export class FichesService implements OnModuleInit, OnApplicationShutdown {
  readonly renderer = new FicheRenderer(readFicheSettings());

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    jobQueueOf(this.kit).define<{ batchId: string; lang?: string }>({
      name: FICHE_BATCH_JOB,
      description: 'Makes the PDF fiches of a policy for a list of territories (fiche batches); a retry skips the fiches already made.',
      concurrency: 1,
      // Retries follow the instance's PILOTE_JOBS_RETRY_* settings: each retry makes only the missing fiches.
      expireSeconds: 4 * 3600,
      run: async (data) => this.runBatch(data.batchId, data.lang ?? this.kit.instance.config.defaultLocale),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }

  /** This API as Chromium reaches it: PILOTE_FICHE_ORIGIN, else this process on 127.0.0.1. */
  origin(): string {
    const configured = process.env.PILOTE_FICHE_ORIGIN?.trim();
    if (configured) return configured.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
    const port = address && typeof address === 'object' ? address.port : this.kit.settings.port;
    return `http://127.0.0.1:${port}`;
  }

  printPath(target: FicheTarget): string {
    const query = new URLSearchParams();
    if (target.territory) query.set('territory', target.territory);
    if (target.asOf) query.set('asOf', target.asOf);
    query.set('lang', target.lang);
    const base = target.kind === 'policy' ? `/print/policy/${encodeURIComponent(target.id)}` : `/print/territory/${encodeURIComponent(target.id)}`;
    return `${base}?${query.toString()}`;
  }

  render(target: FicheTarget, credentials: FicheCredentials): Promise<Fiche> {
    const config = this.kit.instance.config;
    const footerNote = `${localize(config.name, target.lang)} · ${new Date().toISOString().slice(0, 10)}`;
    return this.renderer.render({ origin: this.origin(), path: this.printPath(target), credentials, footerNote });
  }

  /** The caller's own credentials, forwarded as they came (a token keeps its scopes). */
  credentialsOf(req: { headers: Record<string, string | string[] | undefined>; cookies?: Record<string, string>; identity?: RequestIdentity }): FicheCredentials {
    const identity = req.identity;
    if (!identity || identity.kind === 'anonymous') return { anonymous: true };
    if (identity.token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
      if (match) return { bearer: match[1] };
    }
    if (identity.session) {
      const name = this.cookieName();
      const value = req.cookies?.[name];
      if (value) return { cookie: { name, value } };
    }
    // Signed in some other way: never print with wider rights than the caller's.
    throw new AuthError(403, 'FICHE_CREDENTIALS', 'A PDF fiche is printed with the caller\'s own session or token; this request has neither.');
  }

  /** Starts a batch: the fiches of a policy at every territory of a level the owner may read. */
  async startBatch(identity: RequestIdentity, input: { policyId: string; level: string; asOf: string | null; lang: string }): Promise<string> {
    if (!identity.userId || identity.kind !== 'user' || identity.token) throw new AuthError(403, 'FICHE_BATCH_NEEDS_SESSION', 'A fiche batch is started from a signed-in session (it runs later, as its owner).');
    const db = this.kit.dataSource.manager;
    const policy = ((await db.query(`SELECT id FROM policy WHERE id = $1`, [input.policyId])) as { id: string }[])[0];
    if (!policy) throw new AuthError(404, 'POLICY_NOT_FOUND', `No policy "${input.policyId}".`, 'policyId');
    const levels = this.kit.instance.config.territoryLevels.map((level) => level.id);
    if (!levels.includes(input.level)) throw new AuthError(400, 'LEVEL_UNKNOWN', `Unknown level "${input.level}"; this instance has ${levels.join(', ')}.`, 'level');
    if (input.asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf)) throw new AuthError(400, 'AS_OF_INVALID', 'asOf must be a date YYYY-MM-DD.', 'asOf');
    const taxonomyIds = ((await db.query(`SELECT taxonomy_id FROM policy_taxonomy WHERE policy_id = $1`, [input.policyId])) as { taxonomy_id: string }[]).map((row) => row.taxonomy_id);
    const codes = ((await db.query(`SELECT code FROM territory WHERE level = $1 ORDER BY code`, [input.level])) as { code: string }[]).map((row) => row.code);
    const readable: string[] = [];
    for (const code of codes) {
      const attributes = { territoryPath: await territoryPath(db, code), policyId: input.policyId, taxonomyIds };
      try {
        assertCan(identity, 'read', 'Dashboard', attributes);
        readable.push(code);
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
      }
    }
    if (readable.length === 0) throw new AuthError(403, 'FICHE_BATCH_NOTHING_READABLE', `You may read this policy at no territory of level ${input.level}.`, 'level');
    const id = randomUUID();
    await this.kit.dataSource.transaction(async (tx) => {
      await insertFicheBatch(tx, { id, ownerId: identity.userId as string, policyId: input.policyId, level: input.level, asOf: input.asOf, territoryCodes: readable });
      await jobQueueOf(this.kit).enqueue(tx, FICHE_BATCH_JOB, { batchId: id, lang: input.lang }, { id });
    });
    return id;
  }

  /**
   * One run of a batch: the fiches not stored yet, as the owner (a short session of theirs, deleted
   * after: a right taken away meanwhile is refused). Failures are counted; the job then fails and
   * its retry makes only what is missing.
   */
  async runBatch(batchId: string, lang: string): Promise<void> {
    const db = this.kit.dataSource.manager;
    const batch = await readFicheBatch(db, batchId);
    if (!batch || batch.state === 'done') return;
    await setBatchState(db, batchId, 'running', { count: batch.failedCount, error: batch.lastError });
    const done = await storedCodes(db, batchId);
    const { cookieValue, session } = await createSession(db, { userId: batch.ownerId, ttlSeconds: BATCH_SESSION_SECONDS });
    let failed = 0;
    let lastError: string | null = null;
    try {
      for (const code of batch.territoryCodes) {
        if (done.has(code)) continue;
        try {
          const fiche = await this.render({ kind: 'policy', id: batch.policyId, territory: code, asOf: batch.asOf, lang }, { cookie: { name: this.cookieName(), value: cookieValue } });
          await storeFiche(db, batchId, code, fiche);
        } catch (error) {
          if (!(error instanceof FicheError)) throw error;
          failed += 1;
          lastError = `${code}: ${error.code} ${error.message}`;
          if (error.code === 'CHROMIUM_MISSING') break;
        }
      }
    } finally {
      await deleteSession(db, session.id).catch(() => undefined);
    }
    await setBatchState(db, batchId, failed ? 'failed' : 'done', { count: failed, error: lastError });
    if (failed) throw new Error(`${failed} fiche(s) of batch ${batchId} failed; the retry makes only those. Last: ${lastError}`);
  }

  private cookieName(): string {
    return sessionCookieName(readAuthSettings(process.env, { port: this.kit.settings.port, production: this.kit.settings.production }));
  }
}
