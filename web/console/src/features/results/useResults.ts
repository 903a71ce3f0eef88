/**
 * The campaign's results, kept in the page for a short while: the ranking board, the unit page and the
 * distributions all read the same (large) document, so moving between them does not fetch it again.
 */
import { useCallback, useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import type { PresentedTally } from '../../api/types.js';

const KEEP_MS = 60_000;
const kept = new Map<string, { at: number; promise: Promise<PresentedTally> }>();

function load(campaignId: string, fresh: boolean): Promise<PresentedTally> {
  const entry = kept.get(campaignId);
  if (!fresh && entry && Date.now() - entry.at < KEEP_MS) return entry.promise;
  const promise = endpoints.results(campaignId);
  kept.set(campaignId, { at: Date.now(), promise });
  promise.catch(() => kept.delete(campaignId));
  return promise;
}

/** Starts loading early (before the page's code has arrived); a failure is simply asked again by the page. */
export function prefetchResults(campaignId: string): void {
  void load(campaignId, false).catch(() => undefined);
}

export function useResults(campaignId: string) {
  const [state, setState] = useState<{ data?: PresentedTally; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    load(campaignId, round > 0).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [campaignId, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
