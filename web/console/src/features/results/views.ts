/** The reads of the ranking board and unit page (see prefetch.ts) as component state. */
import { useCallback, useEffect, useRef, useState } from 'react';

export { boardFor, views } from './prefetch.js';

/** A view's state in a component; `reload()` asks the server again (keeping what is shown meanwhile). */
export function useView<T>(get: (fresh: boolean) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const lastRound = useRef(round);
  useEffect(() => {
    let live = true;
    const reloading = lastRound.current !== round;
    lastRound.current = round;
    setState((s) => ({ data: reloading ? s.data : undefined, loading: true }));
    get(round > 0).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
