import type { TypedDocumentString } from '../../api/generated/graphql';
import { useEffect } from 'react';
import { useQuery } from '../../api/useQuery';
import { useSession } from '../../session/SessionContext';
import { BOOKMARKS_CHANGED } from './bookmarksApi';

/** A query of the signed-in user's own bookmarks, reloaded when any of them changes on the page. */
export function useBookmarksQuery<T>(document: TypedDocumentString<T, never>) {
  const query = document.toString();
  const { info } = useSession();
  const signedIn = Boolean(info?.authenticated);
  const result = useQuery<T>(query, {}, { skip: !signedIn });
  const { refetch } = result;
  useEffect(() => {
    if (!signedIn) return;
    window.addEventListener(BOOKMARKS_CHANGED, refetch);
    return () => window.removeEventListener(BOOKMARKS_CHANGED, refetch);
  }, [signedIn, refetch]);
  return { ...result, signedIn };
}
