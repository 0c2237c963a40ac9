import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useInstance } from '../instance/InstanceContext';

/** Accessibility statement; the instance can override its texts through vocabulary keys (core:accessibility.*). */
export default function AccessibilityPage() {
  const { t } = useTranslation('core');
  const instance = useInstance();
  const sections = ['status', 'features', 'limits', 'contact', 'recourse'] as const;
  return (
    <Box sx={{ maxWidth: 820 }}>
      <Typography component="h1" variant="h1" gutterBottom>{t('accessibility.title')}</Typography>
      <Typography gutterBottom>{t('accessibility.intro', { name: instance.name })}</Typography>
      {sections.map((s) => (
        <Box component="section" key={s} sx={{ mt: 3 }}>
          <Typography component="h2" variant="h2" gutterBottom>{t(`accessibility.${s}.title`)}</Typography>
          <Typography sx={{ whiteSpace: 'pre-line' }}>{t(`accessibility.${s}.body`, { name: instance.name })}</Typography>
        </Box>
      ))}
    </Box>
  );
}
