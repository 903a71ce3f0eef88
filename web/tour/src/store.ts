/**
 * What the phone keeps in IndexedDB, so the page works with no network and nothing is lost across reloads and browser
 * restarts: the tour as last opened (per link) and every sheet scored here or received from the server (per observer,
 * so a sheet queued under a link the office has since replaced goes out with the new one). A write is reported done
 * only once its transaction has committed. A browser that keeps nothing (some private modes) gets the same calls on
 * memory, and the page says so.
 */
import type { LocalSheet, ObserverBundle } from './bundle.js';
import type { Draft } from './sheet.js';

const DB_NAME = 'leitai-tour';
const BUNDLES = 'bundles';
const SHEETS = 'sheets';
const BY_OBSERVER = 'observerId';

interface KeptBundle {
  link: string;
  bundle: ObserverBundle;
  savedAt: string;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(BUNDLES, { keyPath: 'link' });
      db.createObjectStore(SHEETS, { keyPath: 'id' }).createIndex(BY_OBSERVER, 'observerId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

/** Whether this browser can keep anything at all (private modes of some browsers cannot). */
export async function storageWorks(): Promise<boolean> {
  try {
    await open();
    return true;
  } catch {
    return false;
  }
}

/** Used only when IndexedDB cannot be opened: the page works until it is closed. */
const memory = { bundles: new Map<string, ObserverBundle>(), sheets: new Map<string, LocalSheet>() };

const database = (): Promise<IDBDatabase | null> => open().catch(() => null);

export async function keptBundle(link: string): Promise<ObserverBundle | null> {
  const db = await database();
  if (!db) return memory.bundles.get(link) ?? null;
  const kept = await done<KeptBundle | undefined>(db.transaction(BUNDLES).objectStore(BUNDLES).get(link));
  return kept?.bundle ?? null;
}

export async function keepBundle(link: string, bundle: ObserverBundle): Promise<void> {
  const db = await database();
  if (!db) return void memory.bundles.set(link, bundle);
  const tx = db.transaction(BUNDLES, 'readwrite');
  tx.objectStore(BUNDLES).put({ link, bundle, savedAt: new Date().toISOString() } satisfies KeptBundle);
  await committed(tx);
}

/** This observer's sheets, oldest first (the order they were scored on the phone). */
export async function sheetsOf(observerId: string): Promise<LocalSheet[]> {
  const db = await database();
  const all = db
    ? await done<LocalSheet[]>(db.transaction(SHEETS).objectStore(SHEETS).index(BY_OBSERVER).getAll(observerId))
    : [...memory.sheets.values()].filter((s) => s.observerId === observerId);
  return all.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1));
}

/** Writes these sheets in one transaction: all of them, or none. */
export async function putSheets(sheets: LocalSheet[]): Promise<void> {
  if (sheets.length === 0) return;
  const db = await database();
  if (!db) {
    for (const sheet of sheets) memory.sheets.set(sheet.id, sheet);
    return;
  }
  const tx = db.transaction(SHEETS, 'readwrite');
  const store = tx.objectStore(SHEETS);
  for (const sheet of sheets) store.put(sheet);
  await committed(tx);
}

/** Asks the browser not to clear the phone's storage when space runs low (granted or not, the page works the same). */
export function askToPersist(): void {
  try {
    void navigator.storage?.persist?.().catch(() => undefined);
  } catch {
    // Not offered by this browser.
  }
}

/** A stop's sheet as it is being typed, per observer and stop (localStorage: small, read while rendering). */
const DRAFT_PREFIX = 'leitai.tour.draft.v1:';

export function draftOf(observerId: string, stopId: string): Draft | null {
  try {
    const raw = localStorage.getItem(`${DRAFT_PREFIX}${observerId}:${stopId}`);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.score === 'string' && Array.isArray(draft.adjustments) ? draft : null;
  } catch {
    return null;
  }
}

export function keepDraft(observerId: string, stopId: string, draft: Draft | null): void {
  try {
    const key = `${DRAFT_PREFIX}${observerId}:${stopId}`;
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the draft lives as long as the screen.
  }
}
