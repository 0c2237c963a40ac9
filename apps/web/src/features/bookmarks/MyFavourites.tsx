import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import type { Favourite } from './bookmarksApi';
import { MY_FAVOURITES } from './bookmarksApi';
import { useBookmarksQuery } from './useBookmarksQuery';

const ORDER = ['policy', 'indicator', 'territory'] as const;

/** "Mes favoris" on the home page: the signed-in user's starred policies, indicators and territories, at the territory shown. */
export function MyFavourites({ territoryCode }: { territoryCode: string }) {
  const { t } = useTranslation('core');
  const url = useUrlState();
  const { data, signedIn, error } = useBookmarksQuery(MY_FAVOURITES);
  if (!signedIn) return null;
  const favourites = data?.myFavourites ?? [];
  const href = (f: Favourite) => {
    if (f.kind === 'territory') return url.href(`/territories/${encodeURIComponent(f.targetId)}`);
    const base = f.kind === 'policy' ? '/policies/' : '/indicators/';
    return url.href(`${base}${encodeURIComponent(f.targetId)}`, { territory: territoryCode });
  };
  return (
    <Paper variant="outlined" component="section" aria-labelledby="favourites-title" sx={{ p: 2 }}>
      <Typography id="favourites-title" component="h2" variant="h4" gutterBottom>{t('bookmarks.myFavourites')}</Typography>
      {error && !data ? <Typography color="text.secondary">{t('bookmarks.loadFailed')}</Typography> : favourites.length === 0 ? (
        <Typography color="text.secondary">{data ? t('bookmarks.noFavourites') : t('bookmarks.loading')}</Typography>
      ) : (
        ORDER.filter((kind) => favourites.some((f) => f.kind === kind)).map((kind) => (
          <Box key={kind} sx={{ mb: 1 }}>
            <Typography component="h3" variant="subtitle2">{t(`bookmarks.kinds.${kind}`)}</Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {favourites.filter((f) => f.kind === kind).map((f) => (
                <li key={f.targetId}>
                  {f.name ? <RouterLink to={href(f)}>{f.name}</RouterLink> : <span>{t('bookmarks.gone', { id: f.targetId })}</span>}
                </li>
              ))}
            </Box>
          </Box>
        ))
      )}
    </Paper>
  );
}
