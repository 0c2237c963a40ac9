import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../layout/RouterLink';
import { useUrlState } from '../state/useUrlState';

export function NotFoundPage({ title }: { title?: string }) {
  const { t } = useTranslation('core');
  const url = useUrlState();
  return (
    <Box sx={{ py: 6, maxWidth: 640 }}>
      <Typography component="h1" variant="h1" gutterBottom>{title ?? t('notFound.title')}</Typography>
      <Typography gutterBottom>{t('notFound.description')}</Typography>
      <RouterLink to={url.href('/')}>{t('notFound.back')}</RouterLink>
    </Box>
  );
}

export default NotFoundPage;
