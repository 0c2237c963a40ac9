import { useModuleSettings } from '@pilote/module-sdk/web';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import type { MatomoSettings } from '../common/settings.schema';
import { installMatomo } from './install-matomo';

/**
 * In the footer zone of every page: installs the tracker when the module's settings are known and
 * reports each page of the single-page app (its path only; the query may carry filters).
 */
export function MatomoTracker() {
  const settings = useModuleSettings<MatomoSettings>('matomo');
  const { pathname } = useLocation();
  const url = typeof settings.url === 'string' && settings.url.startsWith('https://') ? settings.url : null;
  const siteId = settings.siteId ? String(settings.siteId) : null;
  useEffect(() => {
    if (!url || !siteId) return;
    installMatomo({ url, siteId });
    const timer = setTimeout(() => {
      window._paq?.push(['setCustomUrl', `${window.location.origin}${pathname}`], ['setDocumentTitle', document.title], ['trackPageView']);
    }, 300);
    return () => clearTimeout(timer);
  }, [url, siteId, pathname]);
  return null;
}
