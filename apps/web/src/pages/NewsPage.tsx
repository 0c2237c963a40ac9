import { Box, Chip, Paper, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import { MARK_NEWS_SEEN, NEWS_SEEN_EVENT, RELEASE_NOTES } from '../features/news/newsApi';
import { NoteBody } from '../features/news/NoteBody';
import { useSession } from '../session/SessionContext';

/** `/news` ("Nouveautés"): the instance's and the kit's release notes; opening the page marks them seen. */
export default function NewsPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(RELEASE_NOTES, {}, { skip: !signedIn });
  const unread = data?.releaseNotes.filter((note) => !note.seen).length ?? 0;
  useEffect(() => {
    if (unread === 0) return;
    // The "new" marks stay on screen for this visit; the menu's count goes to zero.
    mutate(MARK_NEWS_SEEN, {}).then(() => window.dispatchEvent(new Event(NEWS_SEEN_EVENT)), () => undefined);
  }, [unread]);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  const notes = data?.releaseNotes ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 900 }}>
      <Typography component="h1" variant="h1">{t('news.title')}</Typography>
      <Typography color="text.secondary">{t('news.intro')}</Typography>
      {loading && !data ? <LoadingState /> : error && !data ? <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} /> : notes.length === 0 ? (
        <EmptyState title={t('news.none')} description={t('news.noneDescription')} />
      ) : notes.map((note) => (
        <Paper key={note.id} variant="outlined" component="article" aria-labelledby={`note-${note.id}`} sx={{ p: 2, minWidth: 0 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography id={`note-${note.id}`} component="h2" variant="h5">{t(`news.sources.${note.source}`)} · {note.version}</Typography>
            {!note.seen && <Chip size="small" color="primary" label={t('news.new')} />}
          </Box>
          <NoteBody markdown={note.body} />
        </Paper>
      ))}
    </Box>
  );
}
