import { Button } from '@mui/material';
import { EmptyState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RouterLink } from '../../layout/RouterLink';

/** Shown instead of a personal page to a visitor who is not signed in. */
export function SignInRequired() {
  const { t } = useTranslation('core');
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <>
      <EmptyState title={t('account.signInRequired.title')} description={t('account.signInRequired.description')} />
      <Button sx={{ mt: 2 }} variant="contained" component={RouterLink} to={`/login?returnTo=${encodeURIComponent(returnTo)}`}>{t('account.signIn')}</Button>
    </>
  );
}
