import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { type Assignment, fetchMe } from './fetchMe';
import { may, type RawRule } from './may';

/** What `GET /auth/me` says about the visitor. */
export interface SessionInfo {
  authenticated: boolean;
  user: { id: string; email: string; displayName: string | null } | null;
  rules: RawRule[];
  assignments: Assignment[];
  loginAvailable: boolean;
  demoLogin: boolean;
  demoRoles?: { id: string; label: Record<string, string> }[];
}

export interface Session {
  /** null while loading, or when `/auth/me` could not be read (the app then behaves as anonymous). */
  info: SessionInfo | null;
  /** Whether `/auth/me` has answered (or failed): decisions such as where to land wait for it. */
  loaded: boolean;
  may: (action: string, subject: string) => boolean;
  refresh: () => void;
}

const SessionContext = createContext<Session>({ info: null, loaded: false, may: () => false, refresh: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    void fetchMe({ fresh: nonce > 0 }).then((body) => {
      if (!live) return;
      setInfo(body ? { ...body, rules: body.rules ?? [], assignments: body.assignments ?? [] } : null);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [nonce]);
  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  const value = useMemo<Session>(() => ({ info, loaded, may: (action, subject) => may(info?.rules ?? [], action, subject), refresh }), [info, loaded, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
