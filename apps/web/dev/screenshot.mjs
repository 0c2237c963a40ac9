// Dev helper: screenshots of a few routes with the system Chromium (never downloads a browser).
//   node apps/web/dev/screenshot.mjs http://localhost:3000 /tmp/shots
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? '/tmp/pilote-shots';
const routes = (process.argv[4] ?? '/,/policies/p02?territory=84,/territories/84,/?lang=en&territory=84&level=REG,/nope').split(',');
mkdirSync(out, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'pw-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}]`, m.text().slice(0, 300)); });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
for (const [i, route] of routes.entries()) {
  await page.goto(base + route, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  const file = join(out, `${i}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(route, '→', file, '| lang=', await page.evaluate(() => document.documentElement.lang), '| title=', await page.title());
}
await context.close();
