// The accessibility statement and the 404 page, in every locale.
import { checkAccessibility, e2eTarget, openPage, screenshot } from '../support';
import { instanceInfo } from './dashboard/dashboard-data';

const TITLES: Record<string, { a11y: string; notFound: string }> = {
  fr: { a11y: "Déclaration d'accessibilité", notFound: 'Page introuvable' },
  en: { a11y: 'Accessibility statement', notFound: 'Page not found' },
};

describe(`static pages: ${e2eTarget().instance}`, () => {
  test('the accessibility statement is reachable from the footer and readable in every locale', async () => {
    for (const locale of (await instanceInfo()).locales) {
      const page = await openPage(`/?lang=${locale}`, { locale });
      await page.getByRole('contentinfo').getByRole('link', { name: /Accessibilit/ }).click();
      await page.getByRole('heading', { level: 1, name: TITLES[locale].a11y }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accessibility');
      expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(4);
      await screenshot(`accessibility-${locale}`, page);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('an unknown address shows a 404 page with the way back, in every locale', async () => {
    for (const locale of (await instanceInfo()).locales) {
      const page = await openPage(`/no/such/page?lang=${locale}`, { locale });
      await page.getByRole('heading', { level: 1, name: TITLES[locale].notFound }).waitFor();
      await screenshot(`not-found-${locale}`, page);
      await checkAccessibility(page);
      await page.getByRole('main').getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.context().close();
    }
  });
});
