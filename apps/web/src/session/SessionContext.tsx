import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe } from './fetchMe';
import { may, type RawRule } from './may';

/** What `GET /auth/me` says about the visitor. */
export interface SessionInfo {
  authenticated: boolean;
  user: { id: string; email: string; displayName: string | null } | null;
  rules: RawRule[];
  loginAvailable: boolean;
  demoLogin: boolean;
}

export interface Session {
  /** null while loading, or when `/auth/me` could not be read (the app then behaves as anonymous). */
  info: SessionInfo | null;
  may: (action: string, subject: string) => boolean;
  refresh: () => void;
}

const SessionContext = createContext<Session>({ info: null, may: () => false, refresh: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    void fetchMe({ fresh: nonce > 0 }).then((body) => {
      if (live) setInfo(body ? { ...body, rules: body.rules ?? [] } : null);
    });
    return () => {
      live = false;
    };
  }, [nonce]);
  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  const value = useMemo<Session>(() => ({ info, may: (action, subject) => may(info?.rules ?? [], action, subject), refresh }), [info, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
