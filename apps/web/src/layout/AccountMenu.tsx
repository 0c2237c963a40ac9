import { Badge, Box, Button, Link, List, ListItem, Menu, MenuItem } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchGraphQL } from '../api/graphql';
import { UNREAD_COUNT_QUERY } from '../features/account/accountApi';
import { useUnreadNews } from '../features/news/useUnreadNews';
import { useSession } from '../session/SessionContext';
import { accountName } from './accountName';
import { RouterLink } from './RouterLink';

const POLL_MS = 60_000;

/** Unread notifications of the signed-in user, refreshed every minute and when a page marks some read. */
function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () => {
      fetchGraphQL(UNREAD_COUNT_QUERY).then((d) => { if (live) setCount(d.unreadNotificationCount); }, () => undefined);
    };
    load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener('pilote:notifications-changed', load);
    return () => { live = false; clearInterval(timer); window.removeEventListener('pilote:notifications-changed', load); };
  }, [enabled]);
  return count;
}

/**
 * Sign-in link, or the signed-in user's notifications and personal pages (only those their rights
 * open): a menu button in the header, or (`list`, in the phone menu) the same links one per line.
 */
export function AccountMenu({ variant = 'menu' }: { variant?: 'menu' | 'list' }) {
  const { t, i18n } = useTranslation('core');
  const { info, may } = useSession();
  const navigate = useNavigate();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = useUnreadCount(Boolean(info?.authenticated));
  const unreadNews = useUnreadNews(Boolean(info?.authenticated));
  if (!info) return null;
  if (!info.authenticated) {
    if (!info.loginAvailable && !info.demoLogin) return null;
    return <RouterLink to="/login">{t('account.signIn')}</RouterLink>;
  }
  const items = [
    { to: '/account', label: t('bookmarks.navLink'), show: true },
    { to: '/entry', label: t('account.menu.entry'), show: may('create', 'Measure') || may('create', 'Narrative') || may('validate', 'Measure') },
    { to: '/campaigns', label: t('account.menu.campaigns'), show: true },
    { to: '/news', label: unreadNews > 0 ? t('news.navLinkUnread', { count: unreadNews }) : t('news.navLink'), show: true },
    { to: '/import', label: t('account.menu.import'), show: may('import', 'Import') },
    { to: '/access-requests', label: t('account.menu.myRequests'), show: true },
    { to: '/account/tokens', label: t('tokens.navLink'), show: may('create', 'ApiToken') },
    { to: '/admin/access-requests', label: t('account.menu.requestsToDecide'), show: may('update', 'AccessRequest') },
    { to: '/admin/rights', label: t('rights.navLink'), show: may('read', 'Assignment') },
    { to: '/admin/modules', label: t('modulesAdmin.navLink'), show: may('manage', 'ModuleSettings') },
    { to: '/admin/jobs', label: t('jobsAdmin.navLink'), show: may('read', 'Job') },
    { to: '/admin/tokens', label: t('tokens.adminNavLink'), show: may('manage', 'ApiToken') },
    { to: '/admin/sources', label: t('sourcesAdmin.navLink'), show: may('read', 'SourceBinding') },
    { to: '/admin/audit', label: t('audit.navLink'), show: may('read', 'AuditLog') },
    { to: '/admin/usage', label: t('usage.navLink'), show: may('read', 'Usage') },
  ].filter((item) => item.show);
  const go = (to: string) => { setAnchor(null); void navigate(to); };
  const name = accountName(info, i18n.language, t('account.menu.title'));
  const notifications = (
    <RouterLink to="/notifications">
      {/* The badge is decoration; the count is read out in words after the link's visible name. */}
      <Badge badgeContent={unread} color="primary" max={99} slotProps={{ badge: { 'aria-hidden': true } }}>
        <span>{t('account.notifications.title')}</span>
      </Badge>
      <VisuallyHidden>{t('account.notifications.unreadSpoken', { count: unread })}</VisuallyHidden>
    </RouterLink>
  );
  if (variant === 'list') {
    return (
      <List dense aria-label={name} sx={{ p: 0 }}>
        <ListItem sx={{ fontWeight: 700, px: 0 }}>{name}</ListItem>
        <ListItem sx={{ px: 0 }}>{notifications}</ListItem>
        {items.map((item) => <ListItem key={item.to} sx={{ px: 0 }}><RouterLink to={item.to}>{item.label}</RouterLink></ListItem>)}
        <ListItem sx={{ px: 0 }}><Link href="/auth/logout">{t('account.signOut')}</Link></ListItem>
      </List>
    );
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      {notifications}
      <Button aria-haspopup="menu" aria-controls={anchor ? menuId : undefined} aria-expanded={Boolean(anchor)} onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ textTransform: 'none' }}>
        {name}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {items.map((item) => <MenuItem key={item.to} onClick={() => go(item.to)}>{item.label}</MenuItem>)}
        <MenuItem component={Link} href="/auth/logout">{t('account.signOut')}</MenuItem>
      </Menu>
    </Box>
  );
}
