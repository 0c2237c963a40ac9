import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { LOGIN_ERRORS, type LoginErrorCode } from '@pilote/auth/common';
import { LoadingState } from '@pilote/ui';
import { useSearchParams } from 'react-router';
import { RouterLink } from '../layout/RouterLink';
import { DemoLoginForm } from './login/DemoLoginForm';
import { useAuthStatus } from './login/useAuthStatus';
import { useAuthTexts } from './login/useAuthTexts';

/** Same-site paths only, as the API does: `returnTo` must never send the user elsewhere. */
function safeReturnTo(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

function errorText(code: string | null, lng: string): string | null {
  if (!code) return null;
  const texts = (LOGIN_ERRORS as Record<string, { fr: string; en: string }>)[code as LoginErrorCode];
  if (!texts) return null;
  return lng.startsWith('en') ? texts.en : texts.fr;
}

/**
 * `/login`: the sign-in button (OpenID Connect, e.g. ProConnect), the reason of a failed login
 * (`?error=<code>`, texts chosen by code: a message in the URL could be forged) and, on demo
 * instances, the demo login.
 */
export default function LoginPage() {
  const { t, i18n } = useAuthTexts();
  const [params] = useSearchParams();
  const { status, failed } = useAuthStatus();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const code = params.get('error');
  const error = code ? (errorText(code, i18n.language) ?? t('login.unknownError')) : null;

  return (
    <Box sx={{ maxWidth: 640, py: 2 }}>
      <Typography component="h1" variant="h1" gutterBottom>{t('login.title')}</Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 3 }}>
          <AlertTitle>{t('login.errorTitle')}</AlertTitle>
          {error}
        </Alert>
      )}
      {!status && !failed && <LoadingState />}
      {failed && <Alert severity="error">{t('login.unknownError')}</Alert>}
      {status?.authenticated && status.user && (
        <Box sx={{ mb: 3 }}>
          <Typography gutterBottom>{t('login.signedInAs', { name: status.user.displayName ?? status.user.email })}</Typography>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <Button variant="outlined" href="/auth/logout">{t('login.logout')}</Button>
            <RouterLink to="/" sx={{ alignSelf: 'center' }}>{t('login.home')}</RouterLink>
          </Box>
        </Box>
      )}
      {status && !status.authenticated && (
        <>
          <Typography sx={{ mb: 3 }}>{t('login.intro')}</Typography>
          {status.loginAvailable ? (
            <Button variant="contained" size="large" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>{t('login.provider')}</Button>
          ) : (
            !status.demoLogin && <Alert severity="info">{t('login.notConfigured')}</Alert>
          )}
        </>
      )}
      {status?.demoLogin && status.demoRoles && status.demoRoles.length > 0 && <DemoLoginForm roles={status.demoRoles} returnTo={returnTo} />}
    </Box>
  );
}
