import { Box, Button, Divider, Drawer } from '@mui/material';
import { Zone } from '@pilote/ui';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUrlState } from '../state/useUrlState';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { RouterLink } from './RouterLink';

/** The header's links on a phone: one "Menu" button opening a panel (navigation, account, language). */
export function PhoneMenu() {
  const { t } = useTranslation('core');
  const url = useUrlState();
  const location = useLocation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  // Following a link closes the panel.
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  return (
    <Box className="no-print">
      <Button variant="outlined" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(true)}>
        {t('layout.menu')}
      </Button>
      <Drawer anchor="right" open={open} onClose={() => setOpen(false)} slotProps={{ paper: { 'aria-label': t('layout.menu') } }}>
        <Box id={panelId} sx={{ width: 'min(85vw, 320px)', p: 2, display: 'grid', gap: 2, alignContent: 'start' }}>
          <Button onClick={() => setOpen(false)} sx={{ justifySelf: 'end' }}>{t('layout.closeMenu')}</Button>
          <Box component="nav" aria-label={t('layout.mainNav')} sx={{ display: 'grid', gap: 1.5 }}>
            <RouterLink to={url.href('/')}>{t('layout.nav.home')}</RouterLink>
            <Zone id="layout.header" />
          </Box>
          <Divider />
          <AccountMenu variant="list" />
          <LanguageSwitch />
        </Box>
      </Drawer>
    </Box>
  );
}
