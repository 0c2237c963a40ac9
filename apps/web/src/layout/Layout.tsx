import { Alert, Box, Container, Link, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useTokens, Zone } from '@pilote/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { instanceName, localize, useInstance } from '../instance/InstanceContext';
import { useUrlState } from '../state/useUrlState';
import { SaveViewButton } from '../features/bookmarks/SaveViewButton';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { PhoneMenu } from './PhoneMenu';
import { RouterLink } from './RouterLink';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const tokens = useTokens();
  const url = useUrlState();
  const name = instanceName(instance, i18n.language);
  // Phones and narrow windows: the header is one line, its links in a menu (they wrapped on 3–4 lines).
  const compact = useMediaQuery(useTheme().breakpoints.down('md'), { noSsr: true });
  const logo = tokens.mode === 'dark' ? (tokens.logos.dark ?? tokens.logos.light) : tokens.logos.light;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box component="a" href="#main" className="no-print"
        sx={{ position: 'absolute', left: -10000, top: 8, zIndex: 2000, bgcolor: 'primary.main', color: 'primary.contrastText', p: 1, '&:focus': { left: 8 } }}>
        {t('layout.skipToContent')}
      </Box>
      <Box component="header" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Container maxWidth="xl" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 1.5, flexWrap: compact ? 'nowrap' : 'wrap' }}>
          <RouterLink to={url.href('/')} underline="none" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, color: 'text.primary', minWidth: 0 }}>
            {logo && <img src={logo} alt="" height={40} />}
            <Typography component="span" variant="h6" noWrap={compact} sx={{ fontWeight: 700 }}>{name}</Typography>
          </RouterLink>
          <Box sx={{ flexGrow: 1 }} />
          {compact ? <PhoneMenu /> : (
            <>
              <Zone id="layout.header" />
              <Box component="nav" aria-label={t('layout.mainNav')} className="no-print" sx={{ display: 'flex', gap: 2 }}>
                <RouterLink to={url.href('/')}>{t('layout.nav.home')}</RouterLink>
              </Box>
              <Box className="no-print"><AccountMenu /></Box>
              <Box className="no-print"><LanguageSwitch /></Box>
            </>
          )}
        </Container>
      </Box>
      {instance.demoMode && (
        <Alert severity="info" square className="no-print">{t('layout.demoMode')}</Alert>
      )}
      <Container component="main" id="main" tabIndex={-1} maxWidth="xl" sx={{ py: 3, flexGrow: 1, outline: 'none' }}>
        {/* Every dashboard view keeps its state in its address: a signed-in user can save any of them. */}
        <Box className="no-print" sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}><SaveViewButton /></Box>
        {children}
      </Container>
      <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', mt: 4 }} className="no-print">
        <Container maxWidth="xl" sx={{ py: 2, display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'center' }}>
          <Typography variant="body2" component="p">{name}</Typography>
          <Box component="ul" sx={{ display: 'flex', gap: 2, listStyle: 'none', p: 0, m: 0, flexWrap: 'wrap' }}>
            <li><RouterLink variant="body2" to={url.href('/accessibility')}>{t(`layout.accessibilityStatus.${instance.accessibility?.status ?? 'partial'}`)}</RouterLink></li>
            {instance.footerLinks.map((link) => (
              <li key={link.href}><Link variant="body2" href={link.href}>{localize(link.label, i18n.language, link.href)}</Link></li>
            ))}
          </Box>
          <Zone id="layout.footer" />
          <Box sx={{ flexGrow: 1 }} />
          <Typography variant="body2" color="text.secondary" component="p">{t('layout.version', { version: instance.version })}</Typography>
        </Container>
      </Box>
    </Box>
  );
}
