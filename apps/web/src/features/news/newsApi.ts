export interface ReleaseNote { id: string; source: 'kit' | 'instance'; version: string; body: string; seen: boolean }

export const RELEASE_NOTES = `query ReleaseNotes { releaseNotes { id source version body seen } }`;
export const UNREAD_NEWS = `query UnreadReleaseNotes { unreadReleaseNoteCount }`;
export const MARK_NEWS_SEEN = `mutation MarkReleaseNotesSeen { markReleaseNotesSeen }`;
/** Sent when the news page marked the notes seen, so the menu's count follows at once. */
export const NEWS_SEEN_EVENT = 'pilote:news-seen';
