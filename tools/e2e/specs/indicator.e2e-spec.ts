// Indicator page (issue 20): from a policy page to one of its indicators at the same territory — its
// map, series and territories table — in every locale, with the table's sort, the territory and the
// open explanation in the URL, accessible (axe) and without sideways scrolling at 390 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import enCore from '../../../libs/i18n/src/locales/en/core.json';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, instanceInfo, territories } from './dashboard/dashboard-data';

const TEXTS: Record<string, typeof frCore> = { fr: frCore, en: enCore as unknown as typeof frCore };

interface IndicatorView {
  indicator: { id: string; name: string };
  policy: { id: string; name: string };
  territory: { code: string; name: string };
  globalRate: { explanationId: string };
  territories: { code: string; name: string; globalRate: { value: number | null } }[];
}

async function indicatorAt(indicatorId: string, territoryCode: string): Promise<IndicatorView | null> {
  const answer = await graphql<{ indicatorAt: IndicatorView }>(
    `query($i: ID!, $t: String!) { indicatorAt(indicatorId: $i, territoryCode: $t) {
      indicator { id name } policy { id name } territory { code name } globalRate { explanationId } territories { code name globalRate { value } } } }`,
    { i: indicatorId, t: territoryCode },
  ).catch(() => null);
  return answer?.indicatorAt ?? null;
}

/** An indicator at a territory with territories below it that have rates (a région of the demo), else any with territories below. */
async function target(): Promise<IndicatorView> {
  const levels = await hierarchy();
  const { policies } = await graphql<{ policies: { id: string; levels: string[]; indicators: { id: string }[] }[] }>('{ policies { id levels indicators { id } } }');
  let fallback: IndicatorView | null = null;
  for (const [rank, level] of levels.slice(0, -1).entries()) {
    const below = levels[rank + 1];
    const candidates = policies.filter((p) => p.levels.includes(level.id) && p.levels.includes(below.id) && p.indicators.length > 0);
    for (const territory of await territories(level.id, 3)) {
      for (const policy of candidates.slice(0, 3)) {
        const view = await indicatorAt(policy.indicators[0].id, territory.code);
        if (view && view.territories.some((t) => t.globalRate.value !== null)) return view;
        if (view && view.territories.length > 0) fallback ??= view;
      }
    }
  }
  if (!fallback) throw new Error('No indicator of this instance has territories below a territory: the indicator page cannot be shown with its map.');
  return fallback;
}

const tableOf = (page: Page, texts: typeof frCore) => page.getByRole('table', { name: new RegExp(`^${texts.indicatorPage.tableCaption.split('«')[0].split('“')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
const firstRowName = async (page: Page, texts: typeof frCore) => (await tableOf(page, texts).locator('tbody tr th').first().textContent()) ?? '';

describe(`indicator page: ${e2eTarget().instance}`, () => {
  test('is reached from the policy page and shows its rates, series, map and territories, in every locale', async () => {
    const view = await target();
    for (const locale of (await instanceInfo()).locales) {
      const texts = TEXTS[locale] ?? frCore;
      const page = await openPage(`/policies/${encodeURIComponent(view.policy.id)}?territory=${encodeURIComponent(view.territory.code)}&lang=${locale}`, { locale });
      await page.getByRole('link', { name: `${texts.indicatorPage.open} – ${view.indicator.name}` }).first().click();
      await page.getByRole('heading', { level: 1, name: view.indicator.name }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/indicators/${encodeURIComponent(view.indicator.id)}`);
      expect(new URL(page.url()).searchParams.get('territory')).toBe(view.territory.code);
      const table = tableOf(page, texts);
      await table.waitFor();
      await page.locator('figure svg[role="img"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(`indicator-${view.indicator.id}-${view.territory.code}-${locale}`, page);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(await table.locator('tbody tr').count()).toBe(view.territories.length);
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('keeps its territory, sort and explanation in the URL: a shared link shows the same view', async () => {
    const view = await target();
    const texts = frCore;
    const page = await openPage(`/indicators/${encodeURIComponent(view.indicator.id)}?territory=${encodeURIComponent(view.territory.code)}&lang=fr`);
    const table = tableOf(page, texts);
    await table.waitFor();
    // Sorting by the overall rate, highest first: the URL says so, and a reload shows the same order.
    const header = table.getByRole('columnheader', { name: new RegExp(`^${texts.table.globalRate}`) });
    // One click at a time: each reads the sort the URL holds, so a second click before the first
    // has landed would repeat it.
    const sortIs = (direction: string) => page.waitForFunction((wanted) => new URLSearchParams(location.search).get('tsort') === wanted, `globalRate:${direction}`);
    await header.getByRole('button').click();
    await sortIs('asc');
    await header.getByRole('button').click();
    await sortIs('desc');
    const best = [...view.territories].filter((t) => t.globalRate.value !== null).sort((a, b) => (b.globalRate.value ?? 0) - (a.globalRate.value ?? 0))[0];
    // The URL changes before the table re-renders: wait for the row rather than read it at once.
    const firstRow = (on: Page, name: string) => tableOf(on, texts).locator('tbody tr').first().locator('th', { hasText: name }).waitFor({ timeout: 10_000 });
    if (best) await firstRow(page, best.name);
    const shown = await firstRowName(page, texts);
    const shared = page.url();
    const again = await openPage(new URL(shared).pathname + new URL(shared).search);
    await firstRow(again, shown);
    expect(await firstRowName(again, texts)).toBe(shown);

    // "Comment est-ce calculé ?" opens the rate's explanation, named in the URL.
    await again.getByRole('button', { name: texts.ui.explain, exact: true }).click();
    await again.getByRole('dialog').waitFor();
    expect(new URL(again.url()).searchParams.get('explain')).toBe(view.globalRate.explanationId);
    await checkAccessibility(again, { include: '[role="dialog"]' });
    await again.keyboard.press('Escape');

    // A territory of the table opens the indicator there.
    const child = view.territories[0];
    await tableOf(again, texts).getByRole('link', { name: child.name, exact: true }).click();
    await again.waitForURL(new RegExp(`territory=${child.code}`));
    await again.getByRole('heading', { level: 1, name: view.indicator.name }).waitFor();
    expect(await again.graphqlErrors()).toEqual([]);
  });

  test('exports its chart and its map as PNG and SVG, titled, with the instance name and the data date', async () => {
    const view = await target();
    const { instance } = await graphql<{ instance: { name: string | Record<string, string> } }>('{ instance { name } }');
    const instanceName = typeof instance.name === 'string' ? instance.name : instance.name.fr ?? Object.values(instance.name)[0];
    const page = await openPage(`/indicators/${encodeURIComponent(view.indicator.id)}?territory=${encodeURIComponent(view.territory.code)}&lang=fr`);
    await tableOf(page, frCore).waitFor();
    await page.locator('figure svg[role="img"]').first().waitFor();
    const menus = page.getByRole('button', { name: frCore.export.button });
    // The series chart's menu shows once its points have loaded (its own query), after the map's.
    await menus.nth(1).waitFor();
    expect(await menus.count()).toBe(2); // the series chart and the map
    for (const [index, format] of [[0, 'png'], [1, 'svg'], [0, 'svg']] as const) {
      await menus.nth(index).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: format === 'png' ? frCore.export.png : frCore.export.svg }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const bytes = readFileSync((await file.path()) as string);
      if (format === 'png') expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      else {
        const svg = bytes.toString('utf8');
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).toContain(instanceName.replace(/&/g, '&amp;'));
        expect(svg).toContain('Données au ');
        expect(svg).toContain(view.indicator.name.replace(/&/g, '&amp;'));
      }
    }
    expect(page.errors).toEqual([]);
  });

  test('fits a phone (390 px) without sideways scrolling, and says when an indicator does not exist', async () => {
    const view = await target();
    const page = await openPage(`/indicators/${encodeURIComponent(view.indicator.id)}?territory=${encodeURIComponent(view.territory.code)}&lang=fr`, { viewport: { width: 390, height: 844 } });
    await tableOf(page, frCore).waitFor();
    await screenshot(`indicator-phone-${view.indicator.id}`, page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await checkAccessibility(page);

    const missing = await openPage(`/indicators/NO-SUCH-INDICATOR?territory=${encodeURIComponent(view.territory.code)}&lang=fr`);
    await missing.getByRole('heading', { level: 1, name: /introuvable/ }).waitFor();
    await checkAccessibility(missing);
  });
});
