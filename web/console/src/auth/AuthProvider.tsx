/**
 * Who is logged in. boot.tsx asks /api/auth/me before the first render (see early.ts) and passes the answer as
 * `initial`; without it (tests, a later mount) the provider asks itself. No answer means "show the login page".
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { credentials } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { Me } from '../api/types.js';
import { checkLogin } from './early.js';

interface Auth {
  me: Me | null;
  /** true until the first /me answered. */
  checking: boolean;
  logIn(username: string, password: string): Promise<void>;
  logInWithToken(token: string): Promise<void>;
  logOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children, initial }: { children: ReactNode; initial?: Me | null }) {
  const [me, setMe] = useState<Me | null>(() => {
    if (initial) credentials.setCsrf(initial.csrfToken);
    return initial ?? null;
  });
  const [checking, setChecking] = useState(initial === undefined);

  const accept = useCallback((who: Me) => {
    credentials.setCsrf(who.csrfToken);
    setMe(who);
  }, []);

  useEffect(() => {
    if (initial !== undefined) return;
    void checkLogin()
      .then((who) => who && accept(who))
      .finally(() => setChecking(false));
  }, [accept, initial]);

  const value = useMemo<Auth>(
    () => ({
      me,
      checking,
      async logIn(username, password) {
        credentials.setBearer(null);
        accept(await endpoints.login(username, password));
      },
      async logInWithToken(token) {
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
