/**
 * A user's file name is shown and offered back on download, never used as a path: directories are dropped, control
 * and direction-changing characters removed, characters Windows cannot save replaced, and the length limited — Chinese
 * kept as it is.
 */
import { extensionOf, FILE_KINDS, nameAgrees, type FileKind } from './file-kinds.js';

export const FILE_NAME_MAX = 120;

/** The cleaned display name (possibly ''). */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const ext = extensionOf(cleaned);
  const tail = ext ? `.${ext}` : '';
  return chars.slice(0, FILE_NAME_MAX - [...tail].length).join('').trimEnd() + tail;
}

/** The name a document is stored under: the cleaned name, with the recognised kind's extension when it had none. */
export function storedFileName(raw: string, kind: FileKind, fallbackStem: string): string {
  const cleaned = cleanFileName(raw);
  const usual = FILE_KINDS[kind].extensions[0]!;
  if (cleaned === '') return `${fallbackStem}.${usual}`;
  return extensionOf(cleaned) === '' && nameAgrees(cleaned, kind) ? `${cleaned}.${usual}` : cleaned;
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>` (RFC 6266 / 5987): old clients get a readable ASCII name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'document';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
