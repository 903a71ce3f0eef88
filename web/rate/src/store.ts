/**
 * What the phone keeps per token (or typed code): the draft, the last form seen, a submission not yet confirmed
 * (resent byte for byte, so the server stores it once) and, once stored, the receipt and where it was cast.
 */
import type { Draft, Form } from './ballot.js';

/** Where a stored sheet was cast, and whether it was sent from this phone (false: the code was used before). */
export interface ReceiptOf {
  campaign: string;
  session: string;
  /** Leads to the session's public receipt list. */
  sessionId: string;
  sentHere: boolean;
}

export interface Saved {
  draft: Draft;
  form?: Form;
  /** The exact body last sent without an answer; a retry sends this again, never a re-built one. */
  pending?: string;
  receipt?: string;
  /** Absent on what an earlier version of the page kept: the receipt alone is shown then. */
  receiptOf?: ReceiptOf;
}

const PREFIX = 'leitai.rate.v1:';

export function load(key: string): Saved {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw) {
      const saved = JSON.parse(raw) as Saved;
      if (saved && typeof saved === 'object' && saved.draft && typeof saved.draft === 'object') return saved;
    }
  } catch {
    // Unreadable or blocked storage: start with an empty draft.
  }
  return { draft: {} };
}

export function save(key: string, saved: Saved): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(saved));
  } catch {
    // Storage full or blocked: the page still works, only without surviving a reload.
  }
}

/** The code typed on /r, kept for this tab so a reload comes back to the same ballot. */
const CODE_KEY = 'leitai.rate.code';

export function currentCode(): string | null {
  try {
    return sessionStorage.getItem(CODE_KEY);
  } catch {
    return null;
  }
}

export function setCurrentCode(code: string | null): void {
  try {
    if (code === null) sessionStorage.removeItem(CODE_KEY);
    else sessionStorage.setItem(CODE_KEY, code);
  } catch {
    // ignore
  }
}

/** Same folding as the server: case, spaces, dashes, O→0, I/L→1; null when it cannot be a code. */
export function normaliseCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(s) ? `${s.slice(0, 5)}-${s.slice(5)}` : null;
}
