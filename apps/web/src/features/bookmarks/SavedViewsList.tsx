import { Box, Button, TextField, Typography } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { RouterLink } from '../../layout/RouterLink';
import { errorText } from '../account/errorText';
import { announceBookmarksChanged, DELETE_VIEW, MY_SAVED_VIEWS, RENAME_VIEW, type SavedView, shareUrl } from './bookmarksApi';
import { useBookmarksQuery } from './useBookmarksQuery';

/** The account page's saved views: open, copy the link to share, rename, delete. */
export function SavedViewsList() {
  const { t, i18n } = useTranslation('core');
  const { data, error, refetch } = useBookmarksQuery(MY_SAVED_VIEWS);
  const [editing, setEditing] = useState<{ id: string; name: string; problem: string | null } | null>(null);
  const [message, setMessage] = useState('');
  const views = data?.mySavedViews ?? [];
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setMessage(done);
      announceBookmarksChanged();
    } catch (e) {
      setMessage(errorText(e, t));
    }
  };
  const rename = async () => {
    if (!editing) return;
    const name = editing.name.trim();
    if (!name) return setEditing({ ...editing, problem: t('bookmarks.nameRequired') });
    if (name.length > 120) return setEditing({ ...editing, problem: t('bookmarks.nameTooLong', { count: name.length }) });
    await run(() => mutate(RENAME_VIEW, { id: editing.id, name }), t('bookmarks.renamed', { name }));
    setEditing(null);
  };
  const copy = (view: SavedView) => run(() => navigator.clipboard.writeText(shareUrl(view.path)), t('bookmarks.linkCopied', { name: view.name }));
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography role="status" variant="body2">{message}</Typography>
      {error && !data ? <Button onClick={refetch}>{t('app.retry')}</Button> : views.length === 0 ? (
        <Typography color="text.secondary">{data ? t('bookmarks.noViews') : t('bookmarks.loading')}</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {views.map((view) => (
            <Box component="li" key={view.id} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5, display: 'grid', gap: 0.5, minWidth: 0 }}>
              {editing?.id === view.id ? (
                <Box component="form" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }} onSubmit={(e) => { e.preventDefault(); void rename(); }}>
                  <TextField size="small" autoFocus label={t('bookmarks.viewName')} value={editing.name} error={Boolean(editing.problem)} helperText={editing.problem ?? ' '}
                    onChange={(e) => setEditing({ ...editing, name: e.target.value, problem: null })} />
                  <Button type="submit" variant="contained" size="small">{t('bookmarks.save')}</Button>
                  <Button size="small" onClick={() => setEditing(null)}>{t('bookmarks.cancel')}</Button>
                </Box>
              ) : (
                <RouterLink to={view.path} sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>{view.name}</RouterLink>
              )}
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {t('bookmarks.savedOn', { date: formatDate(view.updatedAt.slice(0, 10), i18n.language) })} · <code>{view.path}</code>
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <Button size="small" variant="outlined" onClick={() => void copy(view)} aria-label={t('bookmarks.copyLinkOf', { name: view.name })}>{t('bookmarks.copyLink')}</Button>
                <Button size="small" variant="outlined" onClick={() => setEditing({ id: view.id, name: view.name, problem: null })} aria-label={t('bookmarks.renameOf', { name: view.name })}>{t('bookmarks.rename')}</Button>
                <Button size="small" variant="outlined" color="error" aria-label={t('bookmarks.deleteOf', { name: view.name })}
                  onClick={() => { if (window.confirm(t('bookmarks.confirmDelete', { name: view.name }))) void run(() => mutate(DELETE_VIEW, { id: view.id }), t('bookmarks.deleted', { name: view.name })); }}>
                  {t('bookmarks.delete')}
                </Button>
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
