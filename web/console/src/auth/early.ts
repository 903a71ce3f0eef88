/**
 * The login check, started by the tiny entry (main.tsx) while the UI kit is still downloading, and handed to the
 * app once at boot, so the first render already knows who is logged in instead of showing a spinner first.
 */
import { ApiError, credentials } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { Me } from '../api/types.js';

let pending: Promise<Me | null> | null = null;

/** Asks /api/auth/me; a 401 drops a stale pasted token (so the login page shows) and answers null. */
export function checkLogin(): Promise<Me | null> {
  return endpoints.me().catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 401) credentials.setBearer(null);
    return null;
  });
}

export function startLoginCheck(): void {
  pending ??= checkLogin();
}

/** The started check, once (later checks, e.g. after logging out and in, ask again). */
export function takeLoginCheck(): Promise<Me | null> {
  const p = pending ?? checkLogin();
  pending = null;
  return p;
}
