// Comparison of chosen territories (issue 20): a policy or an indicator in 2–5 territories, the
// choice being the URL (a shared link shows the same comparison), reached from the policy and
// indicator pages; in every locale, accessible (axe), without sideways scrolling at 390 px.
import type { Page } from 'playwright-core';
import enCore from '../../../libs/i18n/src/locales/en/core.json';
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, instanceInfo, territories } from './dashboard/dashboard-data';

const TEXTS: Record<string, typeof frCore> = { fr: frCore, en: enCore as unknown as typeof frCore };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A caption's fixed beginning (before the quoted name, whose quotes differ by language). */
const captionStart = (template: string) => new RegExp(`^${escape(template.split('«')[0].split('“')[0].split('{{')[0])}`);

/** A policy followed at a level with several territories, three of them, and one of its indicators. */
async function target(): Promise<{ policyId: string; indicatorId: string; codes: string[] }> {
  const levels = await hierarchy();
  const { policies } = await graphql<{ policies: { id: string; levels: string[]; indicators: { id: string }[] }[] }>('{ policies { id levels indicators { id } } }');
  for (const level of levels) {
    const some = await territories(level.id, 3);
    const policy = policies.find((p) => p.levels.includes(level.id) && p.indicators.length > 0);
    if (some.length >= 3 && policy) return { policyId: policy.id, indicatorId: policy.indicators[0].id, codes: some.map((t) => t.code) };
  }
  throw new Error('No level of this instance has three territories following a policy: nothing to compare.');
}

const bodyRows = (page: Page, caption: RegExp) => page.getByRole('table', { name: caption }).locator('tbody tr');

describe(`comparison of territories: ${e2eTarget().instance}`, () => {
  test('compares a policy and an indicator in three territories from the URL, in every locale', async () => {
    const { policyId, indicatorId, codes } = await target();
    for (const locale of (await instanceInfo()).locales) {
      const texts = TEXTS[locale] ?? frCore;
      const page = await openPage(`/compare?policy=${encodeURIComponent(policyId)}&territories=${codes.join(',')}&lang=${locale}`, { locale });
      await page.getByRole('heading', { level: 1 }).waitFor();
      const rates = captionStart(texts.compare.ratesCaption);
      await page.getByRole('table', { name: rates }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(`compare-policy-${locale}`, page);
      expect(await bodyRows(page, rates).count()).toBe(3);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);

      // An indicator of the matrix opens its own comparison in the same territories.
      await page.getByRole('table', { name: captionStart(texts.compare.indicatorsCaption) }).locator('tbody th a').first().click();
      await page.waitForURL(/indicator=/);
      expect(new URL(page.url()).searchParams.get('territories')).toBe(codes.join(','));
      const values = captionStart(texts.compare.valuesCaption);
      await page.getByRole('table', { name: values }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(`compare-indicator-${locale}`, page);
      expect(await bodyRows(page, values).count()).toBe(3);
      expect(await page.graphqlErrors()).toEqual([]);
      await checkAccessibility(page);
      await page.context().close();
    }
    expect(indicatorId).toBeTruthy();
  });

  test('is reached from the policy page with its territory, and fits a phone', async () => {
    const { policyId, codes } = await target();
    const page = await openPage(`/policies/${encodeURIComponent(policyId)}?territory=${codes[0]}&lang=fr`);
    await page.getByRole('link', { name: frCore.compare.button.replace('{{territories}}', '') .trim(), exact: false }).first().click();
    await page.waitForURL(/\/compare\?/);
    const reached = new URL(page.url()).searchParams;
    expect(reached.get('policy')).toBe(policyId);
    expect(reached.get('territories')).toBe(codes[0]);
    await page.getByRole('combobox').waitFor();

    const phone = await openPage(`/compare?policy=${encodeURIComponent(policyId)}&territories=${codes.join(',')}&lang=fr`, { viewport: { width: 390, height: 844 } });
    await phone.getByRole('table', { name: captionStart(frCore.compare.ratesCaption) }).waitFor();
    await screenshot('compare-phone', phone);
    const { scrollWidth, innerWidth } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await checkAccessibility(phone);
  });
});
