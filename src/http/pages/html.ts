/** Small helpers for the server-rendered office pages (token sheets, tally report, clerk and screen shells). */
import { readFileSync } from 'node:fs';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The CJK font stack: Debian's Noto CJK first, then what Windows and macOS office machines have. */
export const CJK_FONTS = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif`;

/** A file beside this module (the static shells and their scripts), read once at start. */
export function asset(name: string): string {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}

export function zhDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  // Shown in China Standard Time: the meetings are held there, whatever the server's zone.
  const cst = new Date(d.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日 ${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`;
}
