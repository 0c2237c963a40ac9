import { Button, ButtonGroup } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useInstance } from '../instance/InstanceContext';
import { useUrlState } from '../state/useUrlState';

const NAMES: Record<string, string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const locales = instance.locales?.length ? instance.locales : ['fr', 'en'];
  if (locales.length < 2) return null;
  return (
    <nav aria-label={t('layout.language')}>
      <ButtonGroup size="small" variant="outlined">
        {locales.map((lng) => (
          <Button key={lng} lang={lng} aria-current={i18n.language === lng ? 'true' : undefined}
            variant={i18n.language === lng ? 'contained' : 'outlined'} onClick={() => url.set({ lang: lng })}>
            <span aria-hidden="true">{lng.toUpperCase()}</span>
            <VisuallyHidden>{NAMES[lng] ?? lng}</VisuallyHidden>
          </Button>
        ))}
      </ButtonGroup>
    </nav>
  );
}
