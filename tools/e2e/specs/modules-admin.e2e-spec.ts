// Module settings (issue 5): an administrator opens /admin/modules, changes a setting of the help
// centre in the generated form, and the contextual help box of the home shows the change; then
// resets it to the instance file (so other specs see the instance as configured).
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import frHelp from '../../../modules/help-centre/src/common/i18n/fr.json';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot, url, type OpenedPage } from '../support';

async function signInAsAdmin(pathname: string): Promise<OpenedPage> {
  const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
  const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } });
  expect(login.status()).toBe(200);
  await page.goto(url(pathname), { waitUntil: 'networkidle' });
  return page;
}

const helpBox = (page: OpenedPage) => page.getByRole('complementary', { name: frHelp.widget.title });

describe(`module settings: ${e2eTarget().instance}`, () => {
  test('an administrator changes a help centre setting and the home shows it', async () => {
    const { instance } = await graphql<{ instance: { modules: { id: string }[] } }>('{ instance { modules { id } } }');
    if (!instance.modules.some((module) => module.id === 'help-centre')) return;
    const { helpArticles } = await graphql<{ helpArticles: { slug: string }[] }>('{ helpArticles(page: "home", locale: "fr") { slug } }');

    const admin = await signInAsAdmin('/admin/modules?lang=fr');
    try {
      await admin.getByRole('heading', { level: 1, name: frCore.modulesAdmin.title }).waitFor();
      const section = admin.getByRole('region', { name: 'Centre d’aide' });
      const count = section.getByRole('spinbutton', { name: frHelp.settings.contextualArticles.label });
      expect(await count.inputValue()).toBe('3');
      await checkAccessibility(admin);

      // A value out of bounds: the server's message is on the field, which gets the focus; nothing is saved.
      await count.fill('42');
      await section.getByRole('button', { name: frCore.modulesAdmin.save }).click();
      await admin.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
      expect(await count.getAttribute('aria-invalid')).toBe('true');
      await screenshot('modules-admin-error', admin);

      await count.fill('1');
      await section.getByRole('button', { name: frCore.modulesAdmin.save }).click();
      await section.getByRole('status').filter({ hasText: frCore.modulesAdmin.saved }).waitFor();
      await screenshot('modules-admin-saved', admin);
      await checkAccessibility(admin);
      // The only GraphQL error is the refused value (answers dropped by a navigation are not counted: support/browser.ts).
      expect(await admin.graphqlErrors()).toEqual([expect.stringMatching(/BAD|contextualArticles/)]);

      // The web part reads the new value at the next page load.
      await admin.goto(url('/?lang=fr'), { waitUntil: 'networkidle' });
      if (helpArticles.length > 0) {
        await helpBox(admin).waitFor();
        expect(await helpBox(admin).getByRole('listitem').count()).toBe(1);
      }
      expect(admin.errors).toEqual([]);
    } finally {
      // Back to the instance file, through the page's own button.
      await admin.goto(url('/admin/modules?lang=fr'), { waitUntil: 'networkidle' });
      const section = admin.getByRole('region', { name: 'Centre d’aide' });
      await section.getByRole('button', { name: frCore.modulesAdmin.reset }).click();
      await section.getByRole('status').filter({ hasText: frCore.modulesAdmin.resetDone }).waitFor();
    }
    if (helpArticles.length > 1) {
      await admin.goto(url('/?lang=fr'), { waitUntil: 'networkidle' });
      await helpBox(admin).waitFor();
      expect(await helpBox(admin).getByRole('listitem').count()).toBe(Math.min(3, helpArticles.length));
    }
  });
});
