import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface StateProps {
  title?: string;
  description?: ReactNode;
  action?: { label: string; onClick: () => void };
}

/** Nothing to show: says why, and what the user can do next. */
export function EmptyState({ title, description, action }: StateProps) {
  const { t } = useTranslation('core');
  return (
    <Box role="status" sx={{ p: 3, textAlign: 'center', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Typography component="p" sx={{ fontWeight: 700 }}>{title ?? t('ui.empty.title')}</Typography>
      <Typography component="p" color="text.secondary">{description ?? t('ui.empty.description')}</Typography>
      {action && <Button sx={{ mt: 1 }} variant="outlined" onClick={action.onClick}>{action.label}</Button>}
    </Box>
  );
}

export function ErrorState({ title, description, action, error }: StateProps & { error?: unknown }) {
  const { t } = useTranslation('core');
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  return (
    <Alert severity="error" role="alert" action={action && <Button color="inherit" onClick={action.onClick}>{action.label}</Button>}>
      <AlertTitle>{title ?? t('ui.error.title')}</AlertTitle>
      {description ?? t('ui.error.description')}
      {detail && <Typography component="p" variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>{detail}</Typography>}
    </Alert>
  );
}

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation('core');
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 3 }}>
      <CircularProgress size={24} aria-hidden="true" />
      <Typography component="span">{label ?? t('ui.loading')}</Typography>
    </Box>
  );
}
