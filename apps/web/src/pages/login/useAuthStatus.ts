import { useEffect, useState } from 'react';
import { fetchMe, type MeAnswer } from '../../session/fetchMe';

/** What `GET /auth/me` says about the visitor and the ways to sign in. */
export type AuthStatus = MeAnswer;

export function useAuthStatus(): { status: AuthStatus | null; failed: boolean } {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    // The login page reads it afresh (and refreshes the page's shared answer): it is where the session changes.
    void fetchMe({ fresh: true }).then((answer) => {
      if (!live) return;
      if (answer) setStatus(answer);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return { status, failed };
}
