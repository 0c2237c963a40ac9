// Phones (issue 20): at 390 px wide no page of the app scrolls sideways. Every route of the web
// router (apps/web/src/AppRoutes.tsx) and of the instance's enabled modules is visited, anonymous
// and as the demo admin (who may open every page); a route this spec does not know how to fill fails it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot, url } from '../support';
import { hierarchy, territories } from './dashboard/dashboard-data';

const PHONE = { width: 390, height: 844 };
const root = path.resolve(__dirname, '../../..');

/** The `path="…"` of every route the web router declares, the catch-all excepted. */
function routerPaths(): string[] {
  const source = readFileSync(path.join(root, 'apps/web/src/AppRoutes.tsx'), 'utf8');
  return [...source.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== '*');
}

/** The routes of the instance's enabled modules (their `web` part declares `{ path: '…' }`). */
async function modulePaths(): Promise<string[]> {
  const { instance } = await graphql<{ instance: { modules: { id: string }[] } }>('{ instance { modules { id } } }');
  return instance.modules.flatMap(({ id }) => {
    try {
      const source = readFileSync(path.join(root, 'modules', id, 'src/web/index.ts'), 'utf8');
      return [...source.matchAll(/\{\s*path:\s*'([^']+)'/g)].map((m) => m[1]);
    } catch {
      return [];
    }
  });
}

/** What overflows: the page's width and the outermost elements whose right edge passes the viewport. */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`;
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1);
    // Only the outermost ones: their children overflow because they do.
    const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el) && other.getBoundingClientRect().right >= el.getBoundingClientRect().right));
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: outermost.slice(0, 6).map(describe) };
  });
}

describe(`phones (390 px): ${e2eTarget().instance}`, () => {
  test('no page of the app scrolls sideways, anonymous or signed in', async () => {
    const levels = await hierarchy();
    const top = (await territories(levels[0].id, 1))[0];
    const mapped = levels.find((l) => l.hasMap) ?? levels[levels.length - 1];
    const local = (await territories(mapped.id, 1))[0] ?? top;
    const { policies } = await graphql<{ policies: { id: string; levels: string[] }[] }>('{ policies { id levels } }');
    const policy = policies.find((p) => p.levels.includes(mapped.id)) ?? policies[0];
    const indicator = ((await graphql<{ policy: { indicators: { id: string }[] } }>('query($id: ID!) { policy(id: $id) { indicators { id } } }', { id: policy.id })).policy.indicators)[0];

    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    const signIn = await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } });
    const signedIn = signIn.status() === 200;
    const csrf = signedIn ? ((await signIn.json()) as { csrfToken: string }).csrfToken : '';
    const ask = async <T,>(query: string, variables: Record<string, unknown> = {}) =>
      ((await (await page.request.post(url('/graphql'), { data: { query, variables }, headers: { 'x-csrf-token': csrf } })).json()) as { data: T }).data;

    // A campaign to show its board (an addition no other spec counts).
    let campaignId: string | undefined;
    if (signedIn) {
      const indicators = ((await (await page.request.get(url('/api/v1/indicators'))).json()) as { data: { id: string }[] }).data;
      const existing = (await ask<{ campaigns: { id: string }[] }>('{ campaigns { id } }'))?.campaigns ?? [];
      campaignId = existing[0]?.id ?? (indicators[0] ? (await ask<{ createCampaign: { id: string } }>(
        'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
        { input: { name: 'Campagne de saisie du trimestre (téléphone)', periodStart: '2024-01-01', periodEnd: '2024-03-31', deadline: '2030-04-15', indicatorIds: indicators.slice(0, 3).map((i) => i.id), territoryCodes: [local.code] } },
      ))?.createCampaign.id : undefined);
      expect(campaignId).toBeTruthy();
    }

    // How to fill each route's parameters; a route missing here fails the test.
    const fill: Record<string, string[]> = {
      '/': ['/', `/?territory=${encodeURIComponent(local.code)}&level=${mapped.id}`],
      '/policies/:policyId': [`/policies/${encodeURIComponent(policy.id)}?territory=${encodeURIComponent(local.code)}`],
      '/indicators/:indicatorId': indicator ? [`/indicators/${encodeURIComponent(indicator.id)}?territory=${encodeURIComponent(top.code)}`, `/indicators/${encodeURIComponent(indicator.id)}?territory=${encodeURIComponent(local.code)}`] : [],
      '/territories/:code': [`/territories/${encodeURIComponent(local.code)}`],
      '/compare': [`/compare?policy=${encodeURIComponent(policy.id)}&territories=${encodeURIComponent(top.code)},${encodeURIComponent(local.code)}`, ...(indicator ? [`/compare?indicator=${encodeURIComponent(indicator.id)}&territories=${encodeURIComponent(top.code)},${encodeURIComponent(local.code)}`] : [])],
      '/accessibility': ['/accessibility'],
      '/login': ['/login'],
      '/entry': ['/entry', `/entry?territory=${encodeURIComponent(local.code)}&policy=${encodeURIComponent(policy.id)}`],
      '/campaigns': ['/campaigns'],
      '/campaigns/:id': campaignId ? [`/campaigns/${campaignId}`] : [],
      '/campaigns/new': ['/campaigns/new'],
      '/campaigns/:id/edit': campaignId ? [`/campaigns/${campaignId}/edit`] : [],
      '/account': ['/account'],
      '/account/tokens': ['/account/tokens'],
      '/admin/tokens': ['/admin/tokens'],
      '/admin/rights': ['/admin/rights'],
      '/admin/audit': ['/admin/audit'],
      '/admin/usage': ['/admin/usage', '/admin/usage?by=MONTH'],
      '/news': ['/news'],
      '/import': ['/import'],
      '/admin/modules': ['/admin/modules'],
      '/notifications': ['/notifications'],
      '/access-requests': ['/access-requests'],
      '/admin/access-requests': ['/admin/access-requests'],
      '/admin/jobs': ['/admin/jobs'],
      '/admin/sources': ['/admin/sources'],
      '/help': ['/help'],
      '/help/:slug': [], // visited below: the first article the help index links to
      // The public baromètre (a notice on instances without one) and an embed page.
      '/public/*': ['/public', `/public/policies/${encodeURIComponent(policy.id)}`],
      '/embed/:kind/:id': [`/embed/policy-gauge/${encodeURIComponent(policy.id)}`, `/embed/indicator-chart/no-such-indicator`],
      // Fiches made for paper (ADR 046); read on a phone too.
      '/print/policy/:policyId': [`/print/policy/${encodeURIComponent(policy.id)}?territory=${encodeURIComponent(local.code)}`],
      '/print/territory/:code': [`/print/territory/${encodeURIComponent(local.code)}`],
    };
    const routes = [...routerPaths(), ...(await modulePaths())];
    expect(routes.filter((route) => !(route in fill))).toEqual([]);
    const visits = routes.flatMap((route) => fill[route]);
    visits.push('/no/such/page');

    const wide: string[] = [];
    const inaccessible: string[] = [];
    const visit = async (pathname: string, who: string) => {
      const separator = pathname.includes('?') ? '&' : '?';
      await page.goto(url(`${pathname}${separator}lang=fr`), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const measured = await overflow(page);
      if (measured.scrollWidth > measured.innerWidth) {
        await screenshot(`phone-${who}-${pathname}`, page);
        wide.push(`${who} ${pathname}: ${measured.scrollWidth} px wide; ${measured.culprits.join(', ')}`);
      }
      // What phones get instead (tables scrolling in their own focusable box, a menu) stays accessible.
      await checkAccessibility(page).catch((error: Error) => inaccessible.push(error.message));
    };
    for (const pathname of visits) await visit(pathname, signedIn ? 'admin' : 'anonymous');
    if (routes.includes('/help/:slug')) {
      await page.goto(url('/help?lang=fr'), { waitUntil: 'networkidle' });
      const article = await page.getByRole('main').locator('a[href^="/help/"]').first().getAttribute('href').catch(() => null);
      if (article) await visit(article.split('?')[0], 'admin');
    }
    // The import page's button stays inside its card.
    if (signedIn) {
      await page.goto(url('/import?lang=fr'), { waitUntil: 'networkidle' });
      const card = await page.getByRole('region', { name: frCore.importWizard.title }).boundingBox();
      const button = await page.getByRole('button', { name: frCore.importWizard.check }).boundingBox();
      if (!card || !button || button.x + button.width > card.x + card.width) wide.push(`admin /import: the button "${frCore.importWizard.check}" leaves its card`);
    }

    // Anonymous visitors: the public pages, and the header with its sign-in link.
    const anonymous = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    const measured = await overflow(anonymous);
    if (measured.scrollWidth > measured.innerWidth) wide.push(`anonymous /: ${measured.scrollWidth} px wide; ${measured.culprits.join(', ')}`);
    expect(wide).toEqual([]);
    expect(inaccessible).toEqual([]);
  }, 400_000); // some twenty pages, each loaded and measured

  test('the header stays on one line, its links in a menu', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    expect((await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } })).status()).toBe(200);
    await page.goto(url('/?lang=fr'), { waitUntil: 'networkidle' });
    const header = await page.getByRole('banner').boundingBox();
    await screenshot('phone-header', page);
    // One row: the logo or name and a menu button (a 40 px logo, padding): never 3–4 lines.
    expect(header!.height).toBeLessThanOrEqual(80);
    await page.getByRole('button', { name: frCore.layout.menu }).click();
    // The panel holds the navigation and the account's pages.
    await page.getByRole('link', { name: frCore.account.menu.import }).waitFor();
    await page.getByRole('navigation', { name: frCore.layout.mainNav }).getByRole('link', { name: frCore.layout.nav.home }).waitFor();
    await screenshot('phone-menu', page);
    await checkAccessibility(page);
  });
});
