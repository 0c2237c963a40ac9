// "Valeurs au" (ADR 042): the home read at the end of last year matches the API at that date, the
// date lives in the URL, the main rate is compared with the previous year's end; a future date in
// the field is refused; axe; 390 px without horizontal scroll.
import { checkAccessibility, graphql, openPage, screenshot } from '../support';
import { hierarchy, territories } from './dashboard/dashboard-data';

const PHONE = { width: 390, height: 844 };
const lastYearEnd = `${new Date().getFullYear() - 1}-12-31`;

describe('as-of date picker', () => {
  test('reads the home at the end of last year, as the API computes it, with the comparison', async () => {
    const [top] = await hierarchy();
    const [first] = await territories(top.id, 1);
    const started = Date.now();
    const { home } = await graphql<{ home: { globalRate: { value: number | null } } }>('query($c: String!, $d: String) { home(territoryCode: $c, asOf: $d) { globalRate { value } } }', { c: first.code, d: lastYearEnd });
    const seconds = (Date.now() - started) / 1000;
    console.log(`home at ${lastYearEnd} (${first.code}): ${seconds.toFixed(1)} s; global rate ${home.globalRate.value}`);
    for (const viewport of [undefined, PHONE]) {
      const page = await openPage(`/?territory=${first.code}&asOf=${lastYearEnd}&compare=1&lang=fr`, { locale: 'fr-FR', viewport, waitUntil: 'load' });
      await page.getByTestId('as-of-reading').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('as-of-date').inputValue()).toBe(lastYearEnd);
      await page.getByTestId('as-of-delta').waitFor({ timeout: 120_000 });
      await screenshot(`as-of-home${viewport ? '-phone' : ''}`, page);
      if (viewport) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);
      await page.context().close();
    }
  }, 300_000);

  test('a date after today changes nothing and says why', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    const field = page.getByTestId('as-of-date');
    await field.waitFor();
    await field.fill('2999-01-01');
    await page.getByText('Date invalide : choisissez un jour, au plus tard aujourd’hui.').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    await page.context().close();
  });
});
