// The public baromètre (ADR 038) on a phone, and its embeds framed by a page of another origin
// (ADR 039): allowed sites see the chart, other sites are refused by the browser, and an embed of
// something not public shows a placeholder, never data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import enCore from '../../../libs/i18n/src/locales/en/core.json';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, get, graphql, openPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };
const TEXTS: Record<string, typeof frCore> = { fr: frCore, en: enCore };

interface Site { publicSite: { enabled: boolean; rootTerritory: string | null; embedSites: string[] } }
interface Home { publicHome: { policies: { id: string; name: string; indicatorCount: number }[] } }

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A page on another origin (127.0.0.1 or a *.localhost name on a free port) that frames the kit. */
async function hostPage(html: string): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function frameOf(page: Page, src: string): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const frame = page.frames().find((f) => f.url().startsWith(src));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame for ${src}`);
}

describe(`public baromètre: ${e2eTarget().instance}`, () => {
  let site: Site['publicSite'];
  let policies: Home['publicHome']['policies'] = [];
  beforeAll(async () => {
    site = (await graphql<Site>('{ publicSite { enabled rootTerritory embedSites } }')).publicSite;
    if (site.enabled) policies = (await graphql<Home>('{ publicHome { policies { id name indicatorCount } } }')).publicHome.policies;
  });

  test('an anonymous visitor on a phone reads the public home and a policy, in every locale, without sideways scroll', async () => {
    const { instance } = await graphql<{ instance: { locales: string[] } }>('{ instance { locales } }');
    for (const locale of instance.locales) {
      const texts = TEXTS[locale].public;
      const home = await openPage(`/public?lang=${locale}`, { locale, viewport: PHONE });
      await home.getByRole('heading', { level: 1 }).first().waitFor();
      await screenshot(`public-home-${locale}`, home);
      if (!site.enabled) {
        // Without a public site, the route says so and shows nothing else.
        await home.getByRole('heading', { name: texts.notPublic.title }).waitFor();
        continue;
      }
      expect(await home.graphqlErrors()).toEqual([]);
      expect(await home.getByText(texts.updatedOn.split('{{')[0].trim()).first().isVisible()).toBe(true);
      expect(await sideways(home)).toBeLessThanOrEqual(0);
      await checkAccessibility(home);
      expect(policies.length).toBeGreaterThan(0);

      const policy = policies.find((p) => p.indicatorCount > 0) ?? policies[0];
      await home.getByRole('link', { name: policy.name }).first().click();
      await home.getByRole('heading', { level: 1, name: policy.name }).waitFor();
      await home.waitForLoadState('networkidle');
      await home.getByRole('heading', { level: 3 }).first().waitFor();
      await screenshot(`public-policy-${locale}`, home);
      expect(await home.graphqlErrors()).toEqual([]);
      // A download next to each chart, and a map per indicator (the map level's SVG or its table).
      const downloads = home.getByRole('link', { name: texts.download.values });
      expect(await downloads.count()).toBeGreaterThan(0);
      const csv = await home.request.get(url((await downloads.first().getAttribute('href')) ?? ''));
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split('\n')[0]).toBe('indicator_id;territory_code;territory_name;level;date;kind;value;aggregated');
      // The same file in Parquet, next to it (a Parquet file starts and ends with "PAR1").
      const parquet = await home.request.get(url((await home.getByRole('link', { name: texts.download['values-parquet'] }).first().getAttribute('href')) ?? ''));
      expect(parquet.headers()['content-type']).toBe('application/vnd.apache.parquet');
      expect((await parquet.body()).subarray(0, 4).toString('latin1')).toBe('PAR1');
      expect(await home.locator('svg[role="img"]').count()).toBeGreaterThan(1);
      expect(await sideways(home)).toBeLessThanOrEqual(0);
      await checkAccessibility(home);
      // No personal data on the page: no e-mail address, no author.
      expect(await home.locator('main').innerText()).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  }, 240_000);

  test('a page of another origin embeds a public chart (iframe and web component); other sites and non-public things get nothing', async () => {
    if (!site.enabled) {
      // Without a public site, embeds show the placeholder.
      const page = await openPage('/embed/policy-gauge/anything?lang=fr');
      await page.getByRole('heading', { name: frCore.public.notPublic.title }).waitFor();
      return;
    }
    const base = new URL(url('/'));
    const policy = policies.find((p) => p.indicatorCount > 0) ?? policies[0];
    const gauge = url(`/embed/policy-gauge/${encodeURIComponent(policy.id)}?lang=fr`);
    const hidden = url('/embed/indicator-chart/no-such-indicator?lang=fr');
    const dashboard = url('/?lang=fr');
    const { server, port } = await hostPage(`<!doctype html><html lang="fr"><head><title>Site hôte</title></head><body>
      <h1>Un site partenaire</h1>
      <iframe id="gauge" title="Jauge" src="${gauge}" width="600" height="300"></iframe>
      <iframe id="hidden" title="Non public" src="${hidden}" width="600" height="200"></iframe>
      <iframe id="dashboard" title="Tableau de bord" src="${dashboard}" width="600" height="200"></iframe>
      <script src="${url('/embed.js')}"></script>
      <pilote-embed id="component" src="${gauge}&component=1" title="Composant"></pilote-embed>
      <section style="background:#1e1e1e;color:#f0f0f0;font-family:Georgia,serif;--pilote-accent:#ffb000">
        <pilote-embed id="themed" theme="host" src="${gauge}&themed=1" title="Composant aux couleurs du site"></pilote-embed>
      </section>
    </body></html>`);
    try {
      expect(site.embedSites.some((allowed) => allowed.startsWith('http://127.0.0.1'))).toBe(true);
      const page = await openPage('/?lang=fr');
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
      // Allowed origin: the gauge is drawn in the frame, with its source and date.
      const frame = await frameOf(page, gauge);
      await frame.getByRole('heading', { level: 1, name: new RegExp(policy.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
      expect(await frame.locator('svg[role="img"]').count()).toBe(1);
      // Not public: a placeholder, and the GraphQL answer held no data.
      const placeholder = await frameOf(page, hidden);
      await placeholder.getByRole('heading', { name: frCore.public.notPublic.title }).waitFor();
      // The web component built its own frame, in its shadow root, and fitted its height to the content.
      const component = await frameOf(page, `${gauge}&component=1`);
      await component.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForFunction(() => {
        const frame = document.querySelector('pilote-embed')?.shadowRoot?.querySelector('iframe');
        return Boolean(frame && frame.style.height !== '420px');
      });
      // theme="host": the embed takes the colours and font family of the page around it.
      const themed = page.frames().find((f) => f.url().includes('themed=1'));
      expect(themed?.url()).toMatch(/theme=host&text=%23f0f0f0&background=%231e1e1e&accent=%23ffb000&font=serif/);
      await themed!.getByRole('heading', { level: 1 }).waitFor();
      const look = await themed!.evaluate(() => {
        const main = getComputedStyle(document.querySelector('main')!);
        const gauge = document.querySelector('svg[role="img"] text');
        return {
          background: main.backgroundColor, colour: getComputedStyle(document.querySelector('h1')!).color, font: main.fontFamily,
          gaugeText: gauge ? getComputedStyle(gauge).fill : null, dropped: document.querySelector('main')!.getAttribute('data-host-theme-dropped'),
        };
      });
      // The gauge's figure too (drawn from the instance's tokens, which follow the host's).
      expect(look).toEqual({ background: 'rgb(30, 30, 30)', colour: 'rgb(240, 240, 240)', font: expect.stringContaining('serif'), gaugeText: 'rgb(240, 240, 240)', dropped: null });
      expect(look.font).not.toMatch(/sans-serif/);
      // An unreadable pair is refused: the embed keeps the instance's colours and says what it dropped.
      const unreadable = await openPage(`/embed/policy-gauge/${encodeURIComponent(policy.id)}?lang=fr&theme=host&text=%23777777&background=%23888888`);
      await unreadable.getByRole('heading', { level: 1 }).waitFor();
      expect(await unreadable.locator('main').getAttribute('data-host-theme-dropped')).toBe('text background');
      await checkAccessibility(unreadable);
      await unreadable.close();
      await screenshot('embed-host-allowed', page);
      // The dashboard is not an embed: the browser refuses to frame it (frame-ancestors 'none').
      const refused = page.frames().find((f) => f.url().startsWith(dashboard));
      const dashboardText = refused ? await refused.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
      expect(dashboardText).not.toContain(frCore.layout.skipToContent);

      // Another site, not allowed: the browser refuses the embed itself.
      const other = `http://other-site.localhost:${port}/`;
      await page.goto(other, { waitUntil: 'networkidle' });
      await screenshot('embed-host-refused', page);
      const blocked = page.frames().find((f) => f.url().startsWith(gauge));
      const blockedText = blocked ? await blocked.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
      expect(blockedText).not.toContain(policy.name);
      expect(base.hostname).toBe('localhost');
    } finally {
      server.close();
    }
  }, 120_000);

  test('measures the public home on a phone profile: bytes transferred and time until the policies are readable', async () => {
    if (!site.enabled) return;
    // /health first: a page with no asset, so the public home starts from a cold cache.
    const page = await openPage('/health', { locale: 'fr-FR', viewport: PHONE, waitUntil: 'load' });
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    const started = Date.now();
    await page.goto(url('/public?lang=fr'), { waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: policies[0].name }).first().waitFor();
    const usableMs = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const transferred = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    // Recorded for ADR 038 and docs/benchmarks.md; the budget is the dashboard home's (issue 20): a phone on 4G.
    console.log(`public home (390 px, cold cache, local server): ${(transferred / 1024).toFixed(0)} kB transferred in ${sizes.length} requests, policies readable after ${usableMs} ms`);
    expect(transferred).toBeLessThan(700 * 1024);
  });

  test('public and embed pages announce their oEmbed endpoint, which answers the iframe code', async () => {
    if (!site.enabled) return expect((await get('/api/v1/oembed?url=x')).status).toBe(404);
    const policy = policies[0];
    const html = await (await get(`/public/policies/${encodeURIComponent(policy.id)}`)).text();
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const answer = (await (await get(href!.replace(/&amp;|&#38;/g, '&'))).json()) as { type: string; html: string; title: string };
    expect(answer).toMatchObject({ type: 'rich', title: policy.name, html: expect.stringContaining(`/embed/policy-gauge/${encodeURIComponent(policy.id)}`) });
  });
});
