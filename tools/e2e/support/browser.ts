import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { e2eTarget, url } from './env';

/** Debian's chromium; never a downloaded browser (see docs/adr/003-test-strategy.md). */
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
// As root on a closed network: without the network flags Chromium floods it (../shared/STACK.md).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const repositoryRoot = path.resolve(__dirname, '../../..');

let browser: Promise<Browser> | undefined;
const contexts: BrowserContext[] = [];
let currentPage: Page | undefined;

function launch(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((error: unknown) => {
    browser = undefined;
    throw new Error(`Chromium could not start from ${CHROMIUM} (install it with \`apt-get install -y chromium\`): ${(error as Error).message}`);
  });
  return browser;
}

export interface OpenPageOptions {
  /** Browser locale, sent as Accept-Language and seen as navigator.language (default: fr-FR). */
  locale?: string;
  viewport?: { width: number; height: number };
  /** What to wait for after navigation (default: 'networkidle', the app's first queries answered). */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
}

export interface OpenedPage extends Page {
  /** Uncaught exceptions and console errors seen since the page opened. */
  readonly errors: string[];
  /** Errors in the GraphQL answers the page received so far (a screen that shows one is broken). */
  graphqlErrors(): Promise<string[]>;
}

/** Opens `path` of the instance under test in a fresh browser context. */
export async function openPage(pathname = '/', options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await (await launch()).newContext({
    locale: options.locale ?? 'fr-FR',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  contexts.push(context);
  const page = (await context.newPage()) as OpenedPage;
  const errors: string[] = [];
  const graphqlAnswers: Promise<string[]>[] = [];
  Object.defineProperty(page, 'errors', { value: errors });
  Object.defineProperty(page, 'graphqlErrors', {
    value: async () => (await Promise.all(graphqlAnswers)).flat(),
  });
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('/graphql') || response.request().method() !== 'POST') return;
    graphqlAnswers.push(
      response.text().then(
        (text) => {
          try {
            const body = JSON.parse(text) as { errors?: { message: string }[] };
            return (body.errors ?? []).map((error) => `${response.status()} ${error.message}`);
          } catch {
            return [`${response.status()} (answer is not JSON)`];
          }
        },
        // The page navigated (e.g. a language switch) before the body was read: the browser dropped
        // it, so there is nothing to check — not a broken answer.
        () => [],
      ),
    );
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const response = await page.goto(url(pathname), { waitUntil: options.waitUntil ?? 'networkidle' });
  if (!response) throw new Error(`No response for ${pathname}`);
  currentPage = page;
  return page;
}

/** Saves a full-page PNG to test-results/screenshots/<instance>/<name>.png and returns its path. */
export async function screenshot(name: string, page: Page | undefined = currentPage): Promise<string> {
  if (!page) throw new Error('screenshot(): no page is open, call openPage() first');
  const file = path.join(repositoryRoot, 'test-results/screenshots', e2eTarget().instance, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function closeBrowser(): Promise<void> {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  currentPage = undefined;
  if (browser) {
    const opened = await browser.catch(() => undefined);
    browser = undefined;
    await opened?.close();
  }
}
