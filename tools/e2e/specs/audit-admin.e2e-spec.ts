// Audit trail from the screen (issue 21): an administrator filters the trail (actor, action), reads
// old → new, pages through it and downloads the filtered lines as CSV; a regional coordinator
// reads it too (their territories); a reader gets no such page, an anonymous visitor is asked to
// sign in. Axe, and 390 px without horizontal scroll.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<void> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
}

// Two pages, two axe runs, the CSV and keyset paging: more than jest's 60 s on a loaded 2-core CI machine.
const LONG = 180_000;

describe(`audit trail page: ${e2eTarget().instance}`, () => {
  test('an administrator filters the trail, pages through it and downloads the CSV of the filtered lines', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'admin');
    await page.goto(url('/admin/audit?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.audit.title }).waitFor();
    // The seed and the demo accounts are written by the system: the trail is not empty.
    await page.getByRole('table').waitFor();
    await checkAccessibility(page);

    await page.getByLabel(frCore.audit.filters.actor).fill('system');
    await page.getByLabel(frCore.audit.filters.action).fill('role.');
    await page.getByRole('button', { name: frCore.audit.filters.apply, exact: true }).click();
    await page.waitForURL(/actor=system&action=role\./);
    await page.getByRole('table').or(page.getByText(frCore.audit.emptyTitle)).first().waitFor();
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    for (const action of actions) expect(action).toMatch(/^role\./);
    if (actions.length > 0) {
      const href = await page.getByRole('link', { name: frCore.audit.csv }).getAttribute('href');
      expect(href).toBe('/api/v1/audit.csv?actor=system&action=role.');
      const csv = await page.request.get(url(href!));
      expect(csv.status()).toBe(200);
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toContain('actor_email');
      expect(lines.length - 1).toBe(actions.length);
    }
    // A wrong action is named by the page, not a blank screen.
    await page.getByLabel(frCore.audit.filters.action).fill('role%');
    await page.getByRole('button', { name: frCore.audit.filters.apply, exact: true }).click();
    // The error names the bad value (the demo banner is an alert too: find the one that says it).
    await page.getByRole('alert').filter({ hasText: '"role%"' }).waitFor();
    await page.getByRole('button', { name: frCore.audit.filters.reset }).click();
    await page.waitForURL((address) => !address.search.includes('action='));
    await page.getByRole('table').waitFor();

    // Keyset pages: next, then back to the first.
    const next = page.getByRole('button', { name: frCore.audit.next });
    if (await next.isEnabled()) {
      const firstRow = await page.locator('tbody tr').first().textContent();
      await next.click();
      await page.getByText(/^Lignes 51 à/).waitFor();
      expect(await page.locator('tbody tr').first().textContent()).not.toBe(firstRow);
      await page.getByRole('button', { name: frCore.audit.previous }).click();
      await page.getByText(/^Lignes 1 à/).waitFor();
    }
    await screenshot('audit-admin', page);
    expect(page.errors).toEqual([]);

    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'admin');
    await phone.goto(url('/admin/audit?lang=fr'), { waitUntil: 'networkidle' });
    await phone.getByRole('table').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkAccessibility(phone);
    await screenshot('audit-phone', phone);
  }, LONG);

  test('a regional coordinator reads it; a reader and an anonymous visitor are refused', async () => {
    const coordinator = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(coordinator, 'regional-coordinator');
    await coordinator.goto(url('/admin/audit?lang=fr'), { waitUntil: 'networkidle' });
    await coordinator.getByRole('heading', { level: 1, name: frCore.audit.title }).waitFor();
    await coordinator.getByRole('table').or(coordinator.getByText(frCore.audit.emptyTitle)).first().waitFor();
    expect(await coordinator.graphqlErrors()).toEqual([]);

    const reader = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(reader, 'reader');
    await reader.goto(url('/admin/audit?lang=fr'), { waitUntil: 'networkidle' });
    await reader.getByRole('heading', { level: 1, name: /journal d’audit est réservé/ }).waitFor();
    expect(await reader.getByRole('table').count()).toBe(0);
    expect((await reader.request.get(url('/api/v1/audit.csv'))).status()).toBe(403);

    const anonymous = await openPage('/admin/audit?lang=fr', { locale: 'fr-FR' });
    await anonymous.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await anonymous.getByRole('table').count()).toBe(0);
  }, LONG);
});
