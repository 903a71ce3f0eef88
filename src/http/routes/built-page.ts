/**
 * A phone entry's built index.html (web/rate, web/checkin) with its Content-Security-Policy: exactly its inline
 * bootstrap scripts (by hash) and its own files — the page runs nothing it did not ship, and cannot be framed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface BuiltPage {
  html: string;
  csp: string;
}

/** null until `npm run build:web` has written `${dir}index.html`. */
export function loadBuiltPage(dir: string): BuiltPage | null {
  let html: string;
  try {
    html = readFileSync(`${dir}index.html`, 'utf8');
  } catch {
    return null;
  }
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}
