/**
 * Sending the phone's queue: the sheets not yet confirmed, oldest first, one request each. A stored or duplicate
 * answer marks the sheet synced; a refusal (4xx) marks it refused with the server's words and keeps it; no answer
 * stops the round and leaves the rest pending for the next one (the page opening, the `online` event, the button).
 * Never Background Sync: many phones lack it. One round at a time: a second call joins the running one.
 */
import { sendSheet } from './api.js';
import type { LocalSheet, Message } from './bundle.js';
import { putSheets, sheetsOf } from './store.js';

export interface SyncResult {
  /** done: nothing left to send; network: no answer (or the server asked to wait); link: the link no longer works. */
  end: 'done' | 'network' | 'link';
  stored: number;
  refused: number;
  /** Still pending after this round. */
  left: number;
}

/** Answers that say "not now" rather than "no": the sheet stays pending. */
const LATER = new Set([408, 425, 429]);

let running: Promise<SyncResult> | null = null;

export function syncQueue(link: string, observerId: string, onSheet: (sheet: LocalSheet) => void): Promise<SyncResult> {
  running ??= round(link, observerId, onSheet).finally(() => {
    running = null;
  });
  return running;
}

async function round(link: string, observerId: string, onSheet: (sheet: LocalSheet) => void): Promise<SyncResult> {
  const tried = new Set<string>();
  let stored = 0;
  let refused = 0;
  // A sheet saved while the round runs joins it: the queue is read again until nothing new is pending.
  for (;;) {
    const queue = (await sheetsOf(observerId)).filter((s) => s.state === 'pending' && !tried.has(s.id));
    if (queue.length === 0) return { end: 'done', stored, refused, left: 0 };
    for (let i = 0; i < queue.length; i++) {
      const sheet = queue[i]!;
      tried.add(sheet.id);
      const res = await sendSheet(link, sheet);
      const left = queue.length - i;
      if (res.kind === 'network') return { end: 'network', stored, refused, left };
      if (res.kind === 'refused') {
        if (res.error.code === 'tour_link_invalid') return { end: 'link', stored, refused, left };
        if (LATER.has(res.status)) return { end: 'network', stored, refused, left };
        const details: Message[] = res.error.details.map((d) => d.message);
        const next: LocalSheet = { ...sheet, state: 'refused', reason: res.error.message, ...(details.length > 0 ? { details } : {}) };
        await putSheets([next]);
        onSheet(next);
        refused++;
        continue;
      }
      const next: LocalSheet = { ...sheet, state: 'synced', receivedAt: res.body.receivedAt, revision: res.body.revision };
      await putSheets([next]);
      onSheet(next);
      stored++;
    }
  }
}
