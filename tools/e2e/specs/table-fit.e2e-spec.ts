// The home table on a laptop (issue 20): at 1366 px it fits its box (no column cut behind an inner
// scrollbar) and a policy's name does not wrap over five or six lines.
import { checkAccessibility, e2eTarget, openPage, screenshot } from '../support';

describe(`home table at 1366 px: ${e2eTarget().instance}`, () => {
  test('every column is visible without scrolling the table, names on at most three lines', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    // The policies' table: its rows are headed by links to the policies (the instance names them its own way).
    const table = page.getByRole('table').filter({ has: page.locator('th[scope=row] a[href^="/policies/"]') }).first();
    await table.locator('tbody tr').first().waitFor();
    await screenshot('home-1366', page);
    const measured = await table.evaluate((element) => {
      const box = element.closest('.MuiTableContainer-root') as HTMLElement;
      const lines = [...element.querySelectorAll('tbody th[scope=row] a')].map((link) => link.getClientRects().length);
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, mostLines: Math.max(...lines) };
    });
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
    expect(measured.mostLines).toBeLessThanOrEqual(3);
    await checkAccessibility(page);
  });
});
