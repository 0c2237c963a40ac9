import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** What a visitor sees for anything the instance does not publish: a clear placeholder, never data. */
export function NotPublicNotice({ compact }: { compact?: boolean }) {
  const { t } = useTranslation('core');
  return (
    <Box role="status" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: compact ? 1.5 : 3, bgcolor: 'background.paper' }}>
      <Typography component="h1" variant={compact ? 'body1' : 'h3'} sx={{ fontWeight: 700 }}>{t('public.notPublic.title')}</Typography>
      <Typography>{t('public.notPublic.body')}</Typography>
    </Box>
  );
}
