// Long and wide tables (issue 20): on the home and territory pages, and on the indicator page, a
// table scrolls inside its own box with its header row stuck on top and its first column (the
// row's name) pinned on the left, so a figure is never read without its column or its row.
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility, e2eTarget, openPage, screenshot } from '../support';
import { hierarchy, territories } from './dashboard/dashboard-data';

const PHONE = { width: 390, height: 700 };

/** Scrolls the table's own box down and right, and measures where its header and first column are. */
async function scrollAndMeasure(table: Locator) {
  return table.evaluate((element) => {
    const box = element.closest('.MuiTableContainer-root') as HTMLElement;
    box.scrollTop = 400;
    box.scrollLeft = 300;
    const boxRect = box.getBoundingClientRect();
    const header = element.querySelector('thead th:last-child') as HTMLElement;
    const rows = [...element.querySelectorAll('tbody tr')];
    const visibleRow = rows.find((row) => row.getBoundingClientRect().top > boxRect.top + 60) as HTMLElement | undefined;
    const name = visibleRow?.querySelector(':scope > :first-child') as HTMLElement | undefined;
    return {
      scrolledDown: box.scrollTop > 0, scrolledRight: box.scrollLeft > 0,
      headerOffset: header.getBoundingClientRect().top - boxRect.top,
      nameOffset: name ? name.getBoundingClientRect().left - boxRect.left : null,
    };
  });
}

async function expectStuck(page: Page, table: Locator, label: string, mustScroll = true) {
  await table.locator('tbody tr').first().waitFor();
  const measured = await scrollAndMeasure(table);
  await screenshot(`sticky-${label}`, page);
  // Only what the box could scroll is checked (a short table does not scroll down).
  if (measured.scrolledDown) expect(Math.abs(measured.headerOffset)).toBeLessThanOrEqual(2);
  if (measured.scrolledRight && measured.nameOffset !== null) expect(Math.abs(measured.nameOffset)).toBeLessThanOrEqual(2);
  if (mustScroll) expect(measured.scrolledDown || measured.scrolledRight).toBe(true);
}

describe(`sticky table headers and pinned names: ${e2eTarget().instance}`, () => {
  test('the home and territory tables keep their header on top and their names on the left while scrolled', async () => {
    const home = await openPage('/?lang=fr', { viewport: PHONE });
    const policies = home.getByRole('table').filter({ has: home.locator('th[scope=row] a[href^="/policies/"]') }).first();
    await expectStuck(home, policies, 'home');
    await checkAccessibility(home);

    const levels = await hierarchy();
    const level = levels[Math.min(2, levels.length - 1)];
    const [territory] = await territories(level.id, 1);
    const page = await openPage(`/territories/${encodeURIComponent(territory.code)}?lang=fr`, { viewport: PHONE });
    const rates = page.getByRole('table').filter({ has: page.locator('th[scope=row] a[href^="/policies/"]') }).first();
    await expectStuck(page, rates, 'territory-policies');
    const peers = page.getByRole('table').filter({ has: page.locator('th[scope=row] a[href^="/territories/"]') }).first();
    await expectStuck(page, peers, 'territory-peers', false); // a région may have few départements
    await checkAccessibility(page);
  });
});
