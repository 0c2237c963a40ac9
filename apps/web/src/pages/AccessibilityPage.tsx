import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { instanceName, useInstance } from '../instance/InstanceContext';

const SECTIONS = ['status', 'features', 'limits', 'contact', 'recourse'] as const;

/**
 * Accessibility statement. Its compliance status and contact come from the instance
 * (`accessibility` in pilote.config.ts); whole texts can be overridden through vocabulary keys (core:accessibility.*).
 */
export default function AccessibilityPage() {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const name = instanceName(instance, i18n.language);
  const status = instance.accessibility?.status ?? 'partial';
  const contact = instance.accessibility?.contact;
  return (
    <Box sx={{ maxWidth: 820 }}>
      <Typography component="h1" variant="h1" gutterBottom>{t('accessibility.title')}</Typography>
      <Typography gutterBottom>{t('accessibility.intro', { name })}</Typography>
      {SECTIONS.map((s) => (
        <Box component="section" key={s} sx={{ mt: 3 }}>
          <Typography component="h2" variant="h2" gutterBottom>{t(`accessibility.${s}.title`)}</Typography>
          <Typography sx={{ whiteSpace: 'pre-line' }}>{s === 'status' ? t(`accessibility.statusBody.${status}`) : t(`accessibility.${s}.body`, { name })}</Typography>
          {s === 'contact' && contact && <Typography sx={{ mt: 1 }}>{t('accessibility.contactAddress', { contact })}</Typography>}
        </Box>
      ))}
    </Box>
  );
}
