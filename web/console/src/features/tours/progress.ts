/** How the progress matrix reads the server's answer: one cell per observer and stop, the missing list by observer. */
import type { TourProgress } from './types.js';

type Observer = TourProgress['observers'][number];

export type Cell =
  /** 已评（选票）: the seat's ballot in the session counts; the phone's sheets are not taken. */
  | { kind: 'ballot' }
  /** 未收 */
  | { kind: 'missing' }
  /** 已收: the latest revision's score (after 加分/减分 when it has any), how many revisions, when it arrived. */
  | { kind: 'received'; score: string; revisions: number; receivedAt: string };

export function cellOf(observer: Observer, stopId: string): Cell {
  if (observer.viaBallot) return { kind: 'ballot' };
  const sheet = observer.sheets.find((s) => s.stopId === stopId);
  if (!sheet?.latest) return { kind: 'missing' };
  return { kind: 'received', score: sheet.latest.adjusted ?? sheet.latest.score ?? '', revisions: sheet.revisions, receivedAt: sheet.latest.receivedAt };
}

/** The missing sheets grouped by observer, observers in the team's order, stops in the itinerary's order. */
export function missingByObserver(p: Pick<TourProgress, 'observers' | 'stops' | 'missing'>): { observerId: string; stopIds: string[] }[] {
  const stopOrder = new Map(p.stops.map((s, i) => [s.stopId, i]));
  return p.observers
    .map((o) => ({
      observerId: o.id,
      stopIds: p.missing
        .filter((m) => m.observerId === o.id)
        .map((m) => m.stopId)
        .sort((a, b) => (stopOrder.get(a) ?? 0) - (stopOrder.get(b) ?? 0)),
    }))
    .filter((m) => m.stopIds.length > 0);
}
