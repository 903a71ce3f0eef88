/**
 * 案例检索的排序与摘要: a case matches when every term occurs in it (exactly, case aside); it ranks by where the terms
 * occur — title over tags over summary over body — then by recency. The snippet is cut from the best field around the
 * first hit, as segments (hit or not), so a page can highlight without ever building HTML from stored text.
 */
import { normaliseText } from './grams.js';

export type CaseField = 'title' | 'tags' | 'summary' | 'body';

export const FIELD_WEIGHTS: Record<CaseField, number> = { title: 8, tags: 4, summary: 2, body: 1 };
const FIELDS: CaseField[] = ['title', 'tags', 'summary', 'body'];

export interface SearchableCase {
  title: string;
  tags: readonly string[];
  summary: string;
  body: string;
}

export interface Segment {
  text: string;
  hit: boolean;
}

export interface CaseMatch {
  score: number;
  field: CaseField;
  snippet: Segment[];
}

function fieldText(c: SearchableCase, field: CaseField): string {
  return field === 'tags' ? c.tags.join(' ') : c[field];
}

/** How `c` matches `terms` (normalised), or null when some term occurs nowhere in it. */
export function matchCase(c: SearchableCase, terms: readonly string[], snippetChars = 60): CaseMatch | null {
  if (terms.length === 0) return null;
  const texts = FIELDS.map((f) => [f, normaliseText(fieldText(c, f))] as const);
  let score = 0;
  let best: CaseField | null = null;
  for (const term of terms) {
    const fields = texts.filter(([, text]) => text.includes(term)).map(([f]) => f);
    if (fields.length === 0) return null;
    score += Math.max(...fields.map((f) => FIELD_WEIGHTS[f]));
    if (best === null || FIELD_WEIGHTS[fields[0]!] > FIELD_WEIGHTS[best]) best = fields[0]!;
  }
  const field = best!;
  return { score, field, snippet: snippet(normaliseText(fieldText(c, field)), terms, snippetChars) };
}

/** A window of `size` characters around the first hit, with every hit marked. */
export function snippet(text: string, terms: readonly string[], size: number): Segment[] {
  const chars = [...text];
  const first = Math.min(...terms.map((t) => text.indexOf(t)).filter((i) => i >= 0).map((i) => [...text.slice(0, i)].length));
  const start = Math.max(0, Math.min(first - Math.floor(size / 3), chars.length - size));
  const window = chars.slice(start, start + size).join('');
  const marks = new Array<boolean>([...window].length).fill(false);
  const windowChars = [...window];
  for (const term of terms) {
    const termChars = [...term];
    for (let i = 0; i + termChars.length <= windowChars.length; i++) {
      if (windowChars.slice(i, i + termChars.length).join('') === term) for (let k = 0; k < termChars.length; k++) marks[i + k] = true;
    }
  }
  const out: Segment[] = [];
  if (start > 0) out.push({ text: '…', hit: false });
  windowChars.forEach((ch, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === marks[i] && !(last.text === '…' && i === 0)) last.text += ch;
    else out.push({ text: ch, hit: marks[i]! });
  });
  if (start + size < chars.length) out.push({ text: '…', hit: false });
  return out;
}
