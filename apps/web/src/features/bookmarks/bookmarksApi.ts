export type FavouriteKind = 'policy' | 'indicator' | 'territory';

export interface Favourite {
  kind: FavouriteKind;
  targetId: string;
  name: string | null;
  policyId: string | null;
}

export interface SavedView {
  id: string;
  name: string;
  path: string;
  updatedAt: string;
}

export const MY_FAVOURITES = `query MyFavourites { myFavourites { kind targetId name policyId } }`;
export const SET_FAVOURITE = `mutation SetFavourite($kind: String!, $targetId: String!, $starred: Boolean!) { setFavourite(kind: $kind, targetId: $targetId, starred: $starred) }`;
export const MY_SAVED_VIEWS = `query MySavedViews { mySavedViews { id name path updatedAt } }`;
export const SAVE_VIEW = `mutation SaveView($name: String!, $path: String!) { saveView(name: $name, path: $path) { id name path updatedAt } }`;
export const RENAME_VIEW = `mutation RenameSavedView($id: ID!, $name: String!) { renameSavedView(id: $id, name: $name) { id name } }`;
export const DELETE_VIEW = `mutation DeleteSavedView($id: ID!) { deleteSavedView(id: $id) }`;

/** Other parts of the page (the home's favourites, the account page) reload when one changes. */
export const BOOKMARKS_CHANGED = 'pilote:bookmarks-changed';
export const announceBookmarksChanged = () => window.dispatchEvent(new Event(BOOKMARKS_CHANGED));

/** The address to share: this site's origin and the view's path. */
export const shareUrl = (path: string) => new URL(path, window.location.origin).toString();
