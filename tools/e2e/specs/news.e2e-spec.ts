// Release notes in the app (issue 21): a signed-in user sees "Nouveautés (N non lues)" in the account
// menu, opens the page (the kit's CHANGELOG sections, newest first, new ones marked), and the count
// is gone on the next page; another user still has theirs. Anonymous visitors are asked to sign in.
// Axe, and 390 px without horizontal scroll.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<void> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
}
const unread = async (page: OpenedPage) =>
  ((await (await page.request.post(url('/graphql'), { data: { query: '{ unreadReleaseNoteCount }' } })).json()) as { data: { unreadReleaseNoteCount: number } }).data.unreadReleaseNoteCount;

describe(`release notes: ${e2eTarget().instance}`, () => {
  test('a reader reads the news; its unread count goes to zero, not another user\'s', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(page, 'reader');
    const before = await unread(page);
    await page.goto(url('/news?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.news.title }).waitFor();
    const notes = page.getByRole('article');
    await notes.first().waitFor();
    expect(await notes.count()).toBeGreaterThan(0);
    if (before > 0) expect(await page.getByText(frCore.news.new, { exact: true }).count()).toBe(before);
    await checkAccessibility(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot('news-phone', page);
    // Opening the page marks the notes read: wait for that write (up to 10 s).
    let left = await unread(page);
    for (let tries = 0; left !== 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = await unread(page);
    }
    expect(left).toBe(0);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    const other = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(other, 'local-lead');
    expect(await unread(other)).toBe(before);

    const anonymous = await openPage('/news?lang=fr', { locale: 'fr-FR' });
    await anonymous.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await anonymous.getByRole('article').count()).toBe(0);
  });
});
