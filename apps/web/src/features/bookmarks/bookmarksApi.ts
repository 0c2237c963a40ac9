import type { MyFavouritesQuery, MySavedViewsQuery } from '../../api/generated/graphql';
export {
  DeleteSavedViewDocument as DELETE_VIEW, MyFavouritesDocument as MY_FAVOURITES, MySavedViewsDocument as MY_SAVED_VIEWS,
  RenameSavedViewDocument as RENAME_VIEW, SaveViewDocument as SAVE_VIEW, SetFavouriteDocument as SET_FAVOURITE,
} from '../../api/generated/graphql';

/** The kinds the server stars (a String in the schema). */
export type FavouriteKind = 'policy' | 'indicator' | 'territory';
export type Favourite = MyFavouritesQuery['myFavourites'][number];
export type SavedView = MySavedViewsQuery['mySavedViews'][number];

/** Other parts of the page (the home's favourites, the account page) reload when one changes. */
export const BOOKMARKS_CHANGED = 'pilote:bookmarks-changed';
export const announceBookmarksChanged = () => window.dispatchEvent(new Event(BOOKMARKS_CHANGED));

/** The address to share: this site's origin and the view's path. */
export const shareUrl = (path: string) => new URL(path, window.location.origin).toString();
