import { Button } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { errorText } from '../account/errorText';
import { announceBookmarksChanged, type FavouriteKind, MY_FAVOURITES, SET_FAVOURITE } from './bookmarksApi';
import { useBookmarksQuery } from './useBookmarksQuery';

/** "Favori" toggle (aria-pressed) for a policy, an indicator or a territory; nothing for visitors who are not signed in. */
export function StarButton({ kind, targetId, name }: { kind: FavouriteKind; targetId: string; name: string }) {
  const { t } = useTranslation('core');
  const { data, signedIn } = useBookmarksQuery(MY_FAVOURITES);
  const [pending, setPending] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  if (!signedIn) return null;
  const starred = pending ?? Boolean(data?.myFavourites.some((f) => f.kind === kind && f.targetId === targetId));
  const toggle = async () => {
    const next = !starred;
    setPending(next);
    try {
      await mutate(SET_FAVOURITE, { kind, targetId, starred: next });
      setMessage(t(next ? 'bookmarks.starred' : 'bookmarks.unstarred', { name }));
      announceBookmarksChanged();
    } catch (error) {
      setPending(!next);
      setMessage(errorText(error, t));
    }
  };
  return (
    <>
      <Button variant={starred ? 'contained' : 'outlined'} aria-pressed={starred} onClick={() => void toggle()}
        title={t(starred ? 'bookmarks.unstarHint' : 'bookmarks.starHint', { name })}>
        <span aria-hidden="true" style={{ marginRight: 6 }}>{starred ? '★' : '☆'}</span>{t('bookmarks.star')}
      </Button>
      <VisuallyHidden><span role="status">{message}</span></VisuallyHidden>
    </>
  );
}
