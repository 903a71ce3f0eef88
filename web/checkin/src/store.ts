/**
 * What the phone keeps. Per class, in localStorage: who this phone is (the `device` secret the server gave when the
 * trainee identified, with their name to show) and the check-ins made here, so a reload after the grant ran out still
 * says "已签到 09:02". Per lesson and venue, in this tab only (sessionStorage): the open grant, so a reload within its
 * 5 minutes can still check in — a forwarded link carries neither.
 */
import type { CheckinAnswer, Grant } from '../../../src/contracts/training.js';

export interface Identity {
  device: string;
  name: string;
  unitName: string;
  /** For the page's header when a check-in took one request and no grant named the class. */
  className?: string;
}

/** A check-in this phone made or was told about, as shown again after a reload. */
export interface Done {
  status: CheckinAnswer['status'];
  clock: string;
  name: string;
  unitName: string;
  lessonTitle: string;
  venueName: string;
}

/** A reflection being written or sent: its id is made once, so a re-send after a lost answer or a reload stores once. */
export interface Draft {
  id: string;
  lessonId: string | null;
  text: string;
}

interface ClassMemory {
  identity?: Identity;
  done?: Record<string, Done>;
  draft?: Draft;
}

/** index.html's inline script reads the device under this key too, before the app arrives. */
const CLASS_PREFIX = 'leitai.checkin.v1:';
const GRANT_PREFIX = 'leitai.checkin.grant.v1:';

function read<T>(storage: () => Storage, key: string): T | null {
  try {
    const raw = storage().getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    // Blocked or unreadable storage: the page works, it only forgets.
    return null;
  }
}

function write(storage: () => Storage, key: string, value: unknown): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked (private mode): nothing survives a reload, the check-in itself is unaffected.
  }
}

const local = () => localStorage;
const session = () => sessionStorage;

function memory(classId: string): ClassMemory {
  const m = read<ClassMemory>(local, CLASS_PREFIX + classId);
  return m && typeof m === 'object' ? m : {};
}

export function identityOf(classId: string): Identity | null {
  const id = memory(classId).identity;
  return id && typeof id.device === 'string' && typeof id.name === 'string' ? id : null;
}

export function rememberIdentity(classId: string, identity: Identity): void {
  write(local, CLASS_PREFIX + classId, { ...memory(classId), identity });
}

/** "不是我": a shared phone forgets the person, and what it showed for them. */
export function forgetIdentity(classId: string): void {
  write(local, CLASS_PREFIX + classId, null);
}

export function doneOf(classId: string, lessonId: string): Done | null {
  return memory(classId).done?.[lessonId] ?? null;
}

export function rememberDone(classId: string, lessonId: string, done: Done): void {
  const m = memory(classId);
  write(local, CLASS_PREFIX + classId, { ...m, done: { ...m.done, [lessonId]: done } });
}

const grantKey = (p: { classId: string; lessonId: string; venueId: string }) => `${GRANT_PREFIX}${p.classId}/${p.lessonId}/${p.venueId}`;

export function grantOf(p: { classId: string; lessonId: string; venueId: string }): Grant | null {
  const g = read<Grant>(session, grantKey(p));
  return g && typeof g.grant === 'string' ? g : null;
}

export function rememberGrant(p: { classId: string; lessonId: string; venueId: string }, grant: Grant | null): void {
  write(session, grantKey(p), grant);
}

export function draftOf(classId: string): Draft | null {
  const d = memory(classId).draft;
  return d && typeof d.id === 'string' && typeof d.text === 'string' ? d : null;
}

export function rememberDraft(classId: string, draft: Draft | null): void {
  const { draft: _old, ...rest } = memory(classId);
  write(local, CLASS_PREFIX + classId, draft ? { ...rest, draft } : rest);
}

/** 128 random bits, URL-safe: a reflection's id, made on the phone. */
export function newReflectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
