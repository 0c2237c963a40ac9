import { applyVocabulary, createI18n, supportedLocales } from '@pilote/i18n';
import { ErrorState, LoadingState } from '@pilote/ui';
import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InstanceDocument } from './api/generated/graphql';
import type { Instance } from './api/types';
import { useQuery } from './api/useQuery';
import { InstanceContext, instanceName } from './instance/InstanceContext';
import { AppRoutes } from './AppRoutes';
import { DataPanelsHost } from './features/data-panels/DataPanelsHost';
import { ModuleHost } from './modules/ModuleHost';
import { SessionProvider } from './session/SessionContext';
import { ThemeRoot } from './theme/ThemeRoot';

function initialLanguage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl) return fromUrl;
  const nav = navigator.language?.split('-')[0];
  return (supportedLocales as readonly string[]).includes(nav) ? nav : 'fr';
}

export function App() {
  const i18n = useMemo(() => createI18n({ lng: initialLanguage() }), []);
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useQuery<{ instance: Instance }>(InstanceDocument.toString());
  const instance = data?.instance;

  const lang = params.get('lang') ?? instance?.defaultLocale ?? i18n.language;

  useEffect(() => {
    if (instance) applyVocabulary(i18n, instance.vocabulary ?? {});
  }, [i18n, instance]);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);

  useEffect(() => {
    if (instance) document.title = instanceName(instance, lang);
  }, [instance, lang]);

  return (
    <I18nextProvider i18n={i18n}>
      <ThemeRoot theme={instance?.theme} lang={lang}>
        {instance ? (
          <InstanceContext.Provider value={instance}>
            <SessionProvider><ModuleHost><DataPanelsHost /><AppRoutes /></ModuleHost></SessionProvider>
          </InstanceContext.Provider>
        ) : (
          <main id="main" style={{ padding: 24 }}>
            {loading || !error ? <LoadingState /> : (
              <ErrorState error={error} title={i18n.t('app.instanceError.title')} description={i18n.t('app.instanceError.description')}
                action={{ label: i18n.t('app.retry'), onClick: refetch }} />
            )}
          </main>
        )}
      </ThemeRoot>
    </I18nextProvider>
  );
}
