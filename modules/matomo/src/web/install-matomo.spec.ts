/** @jest-environment jsdom */
import { installMatomo } from './install-matomo';

describe('installMatomo', () => {
  it('adds the tracker of the instance Matomo once, with its site id, and nothing from anywhere else', () => {
    expect(installMatomo({ url: 'https://stats.example.gouv.fr/matomo/', siteId: '7' })).toBe(true);
    expect(installMatomo({ url: 'https://stats.example.gouv.fr/matomo/', siteId: '7' })).toBe(false);
    const scripts = Array.from(document.querySelectorAll('script'));
    expect(scripts.map((script) => script.src)).toEqual(['https://stats.example.gouv.fr/matomo/matomo.js']);
    expect(scripts[0].async).toBe(true);
    expect(window._paq).toEqual([['setTrackerUrl', 'https://stats.example.gouv.fr/matomo/matomo.php'], ['setSiteId', '7'], ['enableLinkTracking']]);
  });
});
