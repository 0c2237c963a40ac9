// "Valeurs au" (ADR 042): the home read at the end of last year matches the API at that date, the
// date lives in the URL, the main rate is compared with the previous year's end, and so is each
// policy row; the drawer explains the figures of the date read; a future date in the field is
// refused; axe; 390 px without horizontal scroll.
import { checkAccessibility, graphql, openPage, screenshot } from '../support';
import { hierarchy, territories } from './dashboard/dashboard-data';

const PHONE = { width: 390, height: 844 };
const lastYearEnd = `${new Date().getFullYear() - 1}-12-31`;
const yearBefore = `${new Date().getFullYear() - 2}-12-31`;

type Rows = { home: { policies: { policy: { id: string; name: string }; globalRate: { value: number | null; explanationId: string | null } }[] } };
const ROWS = 'query($c: String!, $d: String) { home(territoryCode: $c, asOf: $d) { policies { policy { id name } globalRate { value explanationId } } } }';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

  test('each policy row shows its change since the previous year end; the drawer explains the date read', async () => {
    const [top] = await hierarchy();
    const [first] = await territories(top.id, 1);
    const then = (await graphql<Rows>(ROWS, { c: first.code, d: lastYearEnd })).home.policies;
    const earlier = new Map((await graphql<Rows>(ROWS, { c: first.code, d: yearBefore })).home.policies.map((row) => [row.policy.id, row.globalRate.value]));
    const page = await openPage(`/?territory=${first.code}&asOf=${lastYearEnd}&compare=1&lang=fr`, { locale: 'fr-FR', waitUntil: 'load' });
    await page.getByTestId('as-of-delta').waitFor({ timeout: 120_000 });
    await page.getByRole('columnheader', { name: /^Depuis le / }).waitFor();
    const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
    for (const row of then) {
      const prior = earlier.get(row.policy.id);
      const raw = row.globalRate.value === null || prior === null || prior === undefined ? null : row.globalRate.value - prior;
      const delta = raw === null ? null : (Math.sign(raw) * Math.round(Math.abs(raw) * 10)) / 10 || 0;
      const direction = delta === null ? null : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
      const cell = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.policy.name, exact: true }) }).getByTestId('as-of-row-delta');
      expect([row.policy.name, await cell.getAttribute('data-direction')]).toEqual([row.policy.name, direction]);
      expect(await cell.textContent()).toContain(delta === null ? '—' : number.format(Math.abs(delta)));
    }
    console.log(`row deltas ${yearBefore} → ${lastYearEnd} (${first.code}): ${then.length} rows, ${then.filter((row) => row.globalRate.value !== null && typeof earlier.get(row.policy.id) === 'number').length} with both rates`);

    const explained = then.find((row) => row.globalRate.value !== null && row.globalRate.explanationId);
    if (explained?.globalRate.explanationId) {
      const asked: unknown[] = [];
      page.on('request', (request) => {
        const body = request.postData();
        if (body?.includes('explanation(')) asked.push((JSON.parse(body) as { variables: unknown }).variables);
      });
      await page.getByRole('button', { name: new RegExp(`Taux global – ${escape(explained.policy.name)}`) }).first().click();
      await page.getByRole('dialog').locator('pre').waitFor({ timeout: 120_000 });
      expect(asked).toContainEqual({ id: explained.globalRate.explanationId, asOf: lastYearEnd });
      // The drawer's figure is the rate of the date read, not today's.
      const { explanation } = await graphql<{ explanation: { value: number | null } }>('query($id: ID!, $d: String) { explanation(id: $id, asOf: $d) { value } }', { id: explained.globalRate.explanationId, d: lastYearEnd });
      expect(explanation.value).toBeCloseTo(explained.globalRate.value as number);
      await checkAccessibility(page, { include: '[role="dialog"]' });
    }
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.context().close();
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
