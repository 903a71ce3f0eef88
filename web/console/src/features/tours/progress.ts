/** How the progress matrix reads the server's answer: one cell per observer and stop, the missing list by observer. */
import type { TourProgress } from '../../api/types.js';

type Observer = TourProgress['observers'][number];

export type Cell =
  /** 已评（选票）: the seat's ballot in the session counts; the phone's sheets are not taken. */
  | { kind: 'ballot' }
  /** 未收 */
  | { kind: 'missing' }
  /** 已收: the latest revision's score, whether it carries 加分/减分, how many revisions, when it arrived. */
  | { kind: 'received'; score: string; adjusted: boolean; revisions: number; receivedAt: string };

export function cellOf(observer: Observer, stopId: string): Cell {
  if (observer.viaBallot) return { kind: 'ballot' };
  const sheet = observer.sheets.find((s) => s.stopId === stopId);
  if (!sheet?.latest) return { kind: 'missing' };
  const { score, adjusted, receivedAt } = sheet.latest;
  return { kind: 'received', score: score ?? '', adjusted, revisions: sheet.revisions, receivedAt };
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

/** What a stored rating says, read defensively: it is shown exactly as the phone sent it. */
export interface RatingParts {
  score: string | null;
  criteria: [string, string][];
  adjustments: { itemId: string; points: string; reason: string }[];
  opinion: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function ratingParts(rating: Record<string, unknown>): RatingParts {
  const criteria = rating.criteria && typeof rating.criteria === 'object' && !Array.isArray(rating.criteria) ? Object.entries(rating.criteria as Record<string, unknown>) : [];
  const adjustments = Array.isArray(rating.adjustments) ? (rating.adjustments as unknown[]) : [];
  return {
    score: str(rating.score),
    criteria: criteria.flatMap(([k, v]) => (str(v) === null ? [] : [[k, str(v)!] as [string, string]])),
    adjustments: adjustments.flatMap((a) => {
      const x = (a ?? {}) as Record<string, unknown>;
      const [itemId, points, reason] = [str(x.itemId), str(x.points), str(x.reason)];
      return itemId !== null && points !== null ? [{ itemId, points, reason: reason ?? '' }] : [];
    }),
    opinion: str(rating.opinion),
  };
}
