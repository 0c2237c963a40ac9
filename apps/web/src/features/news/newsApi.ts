import type { ReleaseNotesQuery } from '../../api/generated/graphql';
export { MarkReleaseNotesSeenDocument as MARK_NEWS_SEEN, ReleaseNotesDocument as RELEASE_NOTES, UnreadReleaseNotesDocument as UNREAD_NEWS } from '../../api/generated/graphql';

/** A release note; `source` is 'kit' or 'instance' (a String in the schema). */
export type ReleaseNote = ReleaseNotesQuery['releaseNotes'][number];
/** Sent when the news page marked the notes seen, so the menu's count follows at once. */
export const NEWS_SEEN_EVENT = 'pilote:news-seen';
