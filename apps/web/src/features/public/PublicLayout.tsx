import { Box, Container, Link, Typography } from '@mui/material';
import { useTokens } from '@pilote/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { instanceName, localize, useInstance } from '../../instance/InstanceContext';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';

/** The public baromètre's frame: phone-first (one column), no account menu, the instance's branding. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const tokens = useTokens();
  const url = useUrlState();
  const name = instanceName(instance, i18n.language);
  const logo = tokens.mode === 'dark' ? (tokens.logos.dark ?? tokens.logos.light) : tokens.logos.light;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box component="a" href="#main"
        sx={{ position: 'absolute', left: -10000, top: 8, zIndex: 2000, bgcolor: 'primary.main', color: 'primary.contrastText', p: 1, '&:focus': { left: 8 } }}>
        {t('layout.skipToContent')}
      </Box>
      <Box component="header" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Container maxWidth="md" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 1.5 }}>
          <RouterLink to={url.href('/public')} underline="none" sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.primary', minWidth: 0, flex: 1 }}>
            {logo && <img src={logo} alt="" height={32} />}
            <Box sx={{ minWidth: 0 }}>
              <Typography component="span" variant="h6" sx={{ fontWeight: 700, display: 'block', overflowWrap: 'anywhere' }}>{name}</Typography>
              <Typography component="span" variant="body2" color="text.secondary">{t('public.tagline')}</Typography>
            </Box>
          </RouterLink>
          <LanguageSwitch />
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} maxWidth="md" sx={{ py: 2, flexGrow: 1, outline: 'none' }}>
        {children}
      </Container>
      <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', mt: 3 }}>
        <Container maxWidth="md" sx={{ py: 2, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <Typography variant="body2" component="p" sx={{ width: '100%' }}>{t('public.noPersonalData')}</Typography>
          <Box component="ul" sx={{ display: 'flex', gap: 2, listStyle: 'none', p: 0, m: 0, flexWrap: 'wrap' }}>
            <li><RouterLink variant="body2" to={url.href('/accessibility')}>{t(`layout.accessibilityStatus.${instance.accessibility?.status ?? 'partial'}`)}</RouterLink></li>
            <li><Link variant="body2" href="/api/v1/public/catalogue.json">{t('public.catalogue')}</Link></li>
            {instance.footerLinks.map((link) => (
              <li key={link.href}><Link variant="body2" href={link.href}>{localize(link.label, i18n.language, link.href)}</Link></li>
            ))}
          </Box>
        </Container>
      </Box>
    </Box>
  );
}
