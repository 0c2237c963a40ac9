import { useEffect, useState } from 'react';

/** What `GET /auth/me` says about the visitor and the ways to sign in. */
export interface AuthStatus {
  authenticated: boolean;
  user: { id: string; email: string; displayName: string | null } | null;
  loginAvailable: boolean;
  demoLogin: boolean;
  demoRoles?: { id: string; label: Record<string, string> }[];
}

export function useAuthStatus(): { status: AuthStatus | null; failed: boolean } {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setStatus((await response.json()) as AuthStatus);
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true);
      });
    return () => controller.abort();
  }, []);
  return { status, failed };
}
