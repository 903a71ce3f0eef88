/** The reads of the ranking board and unit page (see prefetch.ts) as component state. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { arrivedValue } from './prefetch.js';

export { boardFor, views } from './prefetch.js';

/**
 * A view's state in a component; `reload()` asks the server again (keeping what is shown meanwhile). A read that has
 * already arrived (prefetched by main.tsx, or kept from a moment ago) is shown in the first render, without a spinner.
 */
export function useView<T>(get: (fresh: boolean) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>(() => {
    const data = arrivedValue(get(false));
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const [round, setRound] = useState(0);
  const lastRound = useRef(round);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when `get` runs again (like useEffect's own list); `round` is reload()'s trigger
  useEffect(() => {
    let live = true;
    const reloading = lastRound.current !== round;
    lastRound.current = round;
    const promise = get(round > 0);
    const ready = arrivedValue(promise);
    if (ready !== undefined) {
      setState((s) => (s.data === ready && !s.loading ? s : { data: ready, loading: false }));
      return;
    }
    setState((s) => ({ data: reloading ? s.data : undefined, loading: true }));
    promise.then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
