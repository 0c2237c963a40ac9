import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import type { FicheSettings } from './fiche-settings';

/** Why a fiche was not made, as a code the controller turns into a status (never a 500). */
export class FicheError extends Error {
  constructor(readonly code: 'CHROMIUM_MISSING' | 'FICHE_TIMEOUT' | 'FICHE_FORBIDDEN' | 'FICHE_NOT_FOUND' | 'FICHE_FAILED', message: string) {
    super(message);
    this.name = 'FicheError';
  }

  get status(): number {
    switch (this.code) {
      case 'CHROMIUM_MISSING':
        return 503;
      case 'FICHE_TIMEOUT':
        return 504;
      case 'FICHE_FORBIDDEN':
        return 403;
      case 'FICHE_NOT_FOUND':
        return 404;
      case 'FICHE_FAILED':
        return 502;
    }
  }
}

/** Who the print page acts for: the caller's own session cookie or bearer token, or nobody (anonymous). */
export type FicheCredentials = { cookie: { name: string; value: string } } | { bearer: string } | { anonymous: true };

export interface FicheRequest {
  /** Origin of this API as Chromium reaches it (`http://127.0.0.1:<port>`). */
  origin: string;
  /** `/print/policy/P?territory=X` (with `lang` and `asOf`). */
  path: string;
  credentials: FicheCredentials;
  /** Left of every page's footer (the instance's name and the date); the right says "3 / 12". */
  footerNote: string;
}

export interface Fiche {
  pdf: Buffer;
  pages: number;
  ms: number;
}

// Playwright gives the browser a fresh profile of its own (a temporary user-data-dir).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * One headless Chromium shared by every fiche of this process, and at most `pages` fiches at a
 * time (ADR 046). Each fiche gets a fresh browser context holding only its caller's credentials.
 */
export class FicheRenderer {
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly settings: FicheSettings) {}

  /** Renders one print page to a PDF; throws FicheError (missing Chromium, refused, timeout…). */
  async render(request: FicheRequest): Promise<Fiche> {
    const started = Date.now();
    const deadline = started + this.settings.timeoutMs;
    await this.acquire(deadline);
    let context: BrowserContext | null = null;
    try {
      const browser = await this.launch();
      context = await browser.newContext({
        viewport: { width: 794, height: 1123 },
        ...('bearer' in request.credentials ? { extraHTTPHeaders: { authorization: `Bearer ${request.credentials.bearer}` } } : {}),
      });
      if ('cookie' in request.credentials) {
        await context.addCookies([{ name: request.credentials.cookie.name, value: request.credentials.cookie.value, url: request.origin, httpOnly: true, sameSite: 'Lax' }]);
      }
      // The page reaches this API only: anything else (fonts or tiles elsewhere) is not fetched.
      await context.route((url) => !url.href.startsWith(request.origin), (route) => route.abort());
      const page = await context.newPage();
      const left = () => Math.max(1, deadline - Date.now());
      await page.goto(`${request.origin}${request.path}`, { waitUntil: 'domcontentloaded', timeout: left() });
      const marker = page.locator('[data-print-state="ready"], [data-print-state="error"]').first();
      await marker.waitFor({ timeout: left() });
      if ((await marker.getAttribute('data-print-state')) === 'error') {
        const code = (await marker.getAttribute('data-print-error')) ?? 'ERROR';
        if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') throw new FicheError('FICHE_FORBIDDEN', 'The print page refused to show this fiche to this account.');
        if (code === 'NOT_FOUND') throw new FicheError('FICHE_NOT_FOUND', 'No such policy or territory.');
        throw new FicheError('FICHE_FAILED', `The print page failed (${code}).`);
      }
      await page.emulateMedia({ media: 'print' });
      const pdf = await withDeadline(page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escapeHtml(request.footerNote)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
        margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      }), left());
      return { pdf, pages: countPdfPages(pdf), ms: Date.now() - started };
    } catch (error) {
      if (error instanceof FicheError) throw error;
      if ((error as Error).name === 'TimeoutError' || Date.now() >= deadline) throw new FicheError('FICHE_TIMEOUT', `The fiche took longer than ${this.settings.timeoutMs} ms (PILOTE_FICHE_TIMEOUT_MS).`);
      throw new FicheError('FICHE_FAILED', `Chromium could not print the fiche: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await context?.close().catch(() => undefined);
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (!existsSync(this.settings.chromium)) {
      return Promise.reject(new FicheError('CHROMIUM_MISSING', `PDF fiches need Chromium, not found at ${this.settings.chromium}: install it (Debian/Ubuntu: apt-get install -y chromium) or set PILOTE_CHROMIUM to its path.`));
    }
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: this.settings.chromium, args: CHROMIUM_ARGS, headless: true,
        // Playwright would otherwise exit the process on SIGINT/SIGTERM (code 130): the kit's own shutdown closes the browser.
        handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
      // A crashed browser is started again by the next fiche.
      browser.on('disconnected', () => {
        this.browser = null;
      });
      return browser;
    })().catch((error: unknown) => {
      this.browser = null;
      throw new FicheError('CHROMIUM_MISSING', `Chromium at ${this.settings.chromium} did not start: ${(error as Error).message.split('\n')[0]}`);
    });
    return this.browser;
  }

  private async acquire(deadline: number): Promise<void> {
    if (this.active < this.settings.pages) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new FicheError('FICHE_TIMEOUT', `Every PDF page was busy for ${this.settings.timeoutMs} ms (PILOTE_FICHE_PAGES=${this.settings.pages}).`));
      }, Math.max(1, deadline - Date.now()));
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes to the next fiche as is
    else this.active -= 1;
  }
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). Chromium writes them uncompressed. */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** page.pdf() takes no timeout: a fiche past its deadline is abandoned (its context is closed after). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`PDF not printed within ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
