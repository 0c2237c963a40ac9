import { LOGIN_TEXTS } from '@pilote/auth/common';
import { useTranslation } from 'react-i18next';

/** The `auth` namespace, added once per i18n instance without overwriting the instance's vocabulary overrides. */
export function useAuthTexts() {
  const translation = useTranslation('auth');
  for (const [lng, bundle] of Object.entries(LOGIN_TEXTS)) {
    if (!translation.i18n.hasResourceBundle(lng, 'auth')) translation.i18n.addResourceBundle(lng, 'auth', bundle, true, false);
  }
  return translation;
}
