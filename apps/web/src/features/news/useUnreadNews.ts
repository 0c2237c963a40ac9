import { useEffect, useState } from 'react';
import { fetchGraphQL } from '../../api/graphql';
import { NEWS_SEEN_EVENT, UNREAD_NEWS } from './newsApi';

/** Release notes the signed-in user has not seen; re-read when the news page marks them seen. */
export function useUnreadNews(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () => {
      fetchGraphQL(UNREAD_NEWS).then((d) => { if (live) setCount(d.unreadReleaseNoteCount); }, () => undefined);
    };
    load();
    window.addEventListener(NEWS_SEEN_EVENT, load);
    return () => { live = false; window.removeEventListener(NEWS_SEEN_EVENT, load); };
  }, [enabled]);
  return count;
}
