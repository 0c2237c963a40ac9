import type { MatomoSettings } from '../common/settings.schema';

type Command = unknown[];
declare global {
  interface Window { _paq?: Command[] }
}

/** Adds the tracker of the instance's Matomo once (`<url>/matomo.js`, async), with its site id. */
export function installMatomo(settings: Pick<MatomoSettings, 'url' | 'siteId'>, doc: Document = document): boolean {
  if (doc.getElementById('pilote-matomo')) return false;
  const paq = (window._paq = window._paq ?? []);
  paq.push(['setTrackerUrl', `${settings.url}matomo.php`], ['setSiteId', settings.siteId], ['enableLinkTracking']);
  const script = doc.createElement('script');
  script.id = 'pilote-matomo';
  script.async = true;
  script.src = `${settings.url}matomo.js`;
  doc.head.appendChild(script);
  return true;
}

