/**
 * What the console says when the server refuses: the refusal and, when the server named them, the places and reasons
 * (“评价方式「观摩评」的测评对象：至少需要 1 项”), in the reader's language. A bare “数据不符合要求” with the detail
 * only in English was the old failure; every popup and error box goes through here.
 */
import { ApiError } from './client.js';

type Pick = (m: { zh: string; en: string }) => string;

/** The detail lines of a refusal, each in the reader's language. */
export function errorLines(error: unknown, pick: Pick): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { message?: { zh: string; en: string } }[]).flatMap((d) => (d.message ? [pick(d.message)] : []));
}

/** One line: the refusal, then its first reasons (“…等 12 处”). */
export function errorText(error: unknown, pick: Pick, shown = 3): string {
  if (!(error instanceof ApiError)) return String(error instanceof Error ? error.message : error);
  const title = pick(error.messages);
  const lines = errorLines(error, pick).filter((l) => l !== title);
  if (lines.length === 0) return title;
  const more = lines.length > shown ? pick({ zh: `等 ${lines.length} 处`, en: ` and ${lines.length - shown} more` }) : '';
  return `${title}：${lines.slice(0, shown).join('；')}${more}`;
}
