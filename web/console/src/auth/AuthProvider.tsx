/** Who is logged in. Asks /api/auth/me once at start; a 401 there means "show the login page". */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, credentials } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { Me } from '../api/types.js';

interface Auth {
  me: Me | null;
  /** true until the first /me answered. */
  checking: boolean;
  logIn(username: string, password: string): Promise<void>;
  useToken(token: string): Promise<void>;
  logOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);

  const accept = useCallback((who: Me) => {
    credentials.setCsrf(who.csrfToken);
    setMe(who);
  }, []);

  useEffect(() => {
    endpoints
      .me()
      .then(accept)
      .catch((err: unknown) => {
        // A stale pasted token is dropped so the login page shows.
        if (err instanceof ApiError && err.status === 401) credentials.setBearer(null);
      })
      .finally(() => setChecking(false));
  }, [accept]);

  const value = useMemo<Auth>(
    () => ({
      me,
      checking,
      async logIn(username, password) {
        credentials.setBearer(null);
        accept(await endpoints.login(username, password));
      },
      async useToken(token) {
        credentials.setBearer(token.trim());
        try {
          accept(await endpoints.me());
        } catch (err) {
          credentials.setBearer(null);
          throw err;
        }
      },
      async logOut() {
        if (!credentials.hasBearer()) await endpoints.logout().catch(() => undefined);
        credentials.setBearer(null);
        credentials.setCsrf(null);
        setMe(null);
      },
    }),
    [me, checking, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
