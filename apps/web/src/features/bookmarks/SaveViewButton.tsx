import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { mutate } from '../../api/mutate';
import { RouterLink } from '../../layout/RouterLink';
import { useSession } from '../../session/SessionContext';
import { errorText } from '../account/errorText';
import { announceBookmarksChanged, SAVE_VIEW } from './bookmarksApi';

/** The page's main title, as the saved view's default name. */
const pageTitle = () => document.querySelector('main h1')?.textContent?.trim().slice(0, 120) ?? '';

/** "Enregistrer cette vue": keeps the current address (the view's whole state) under a name, for the signed-in user. */
export function SaveViewButton() {
  const { t } = useTranslation('core');
  const { info } = useSession();
  const location = useLocation();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!info?.authenticated) return null;
  const start = () => {
    setName(pageTitle());
    setProblem(null);
    setSaved(null);
    setOpen(true);
  };
  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setProblem(t('bookmarks.nameRequired'));
    if (trimmed.length > 120) return setProblem(t('bookmarks.nameTooLong', { count: trimmed.length }));
    setBusy(true);
    try {
      await mutate(SAVE_VIEW, { name: trimmed, path: `${location.pathname}${location.search}` });
      setSaved(trimmed);
      setOpen(false);
      announceBookmarksChanged();
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outlined" size="small" onClick={start}>{t('bookmarks.saveView')}</Button>
      <Typography role="status" variant="body2" component="span">
        {saved && <>{t('bookmarks.viewSaved', { name: saved })} <RouterLink to="/account">{t('bookmarks.seeSavedViews')}</RouterLink></>}
      </Typography>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        {/* noValidate: the empty-name message is ours, in the instance's words, not the browser's bubble. */}
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <DialogTitle id={titleId}>{t('bookmarks.saveViewTitle')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" gutterBottom>{t('bookmarks.saveViewHelp')}</Typography>
            <TextField autoFocus fullWidth margin="dense" label={t('bookmarks.viewName')} value={name} required
              onChange={(e) => { setName(e.target.value); setProblem(null); }}
              error={Boolean(problem)} helperText={problem ?? ' '} slotProps={{ htmlInput: { maxLength: 200 } }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('bookmarks.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy}>{t('bookmarks.save')}</Button>
          </DialogActions>
        </Box>
      </Dialog>
    </>
  );
}
