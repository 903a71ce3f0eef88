/**
 * 案例检索的切分: Chinese has no spaces between words, so the text is cut into overlapping two-character grams (and
 * single characters, so a one-character query finds something): "南村镇" → 南 村 镇 南村 村镇. Each database indexes
 * these grams with its own full-text index; every candidate is then checked against the exact substring, so what is
 * found is exactly what a plain substring scan would find — on SQLite and on PostgreSQL alike.
 */

/** Lower case, one space for any run of spaces, trimmed: how text and queries are compared. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The distinct unigrams and bigrams of `text`, within words (a space ends a word). */
export function textGrams(text: string): string[] {
  const out = new Set<string>();
  for (const word of normaliseText(text).split(' ')) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  out.delete('');
  return [...out];
}

/** Punctuation and symbols only ("，。", "%", "……"): no word to look for. */
const NO_WORD = /^[\p{P}\p{S}]+$/u;

/**
 * A query's terms (split on spaces); every term must occur. A term of punctuation only is no word and is left out, so
 * "，" does not find every case: a query of nothing but punctuation finds nothing.
 */
export function queryTerms(query: string): string[] {
  return [...new Set(normaliseText(query).split(' ').filter((t) => t !== '' && !NO_WORD.test(t)))];
}

/** The grams a term's matches must all contain: the character itself, or its bigrams. */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/**
 * A gram as an index token: "g" and each code point as six hex digits ("南村" → g005357006751). Letters and digits
 * only, so neither database's tokenizer or locale can split, fold or drop it.
 */
export function gramToken(gram: string): string {
  let out = 'g';
  for (const ch of gram) out += ch.codePointAt(0)!.toString(16).padStart(6, '0');
  return out;
}

/** What the search stores for a case: its grams as index tokens, and its fields normalised for the exact re-check. */
export interface CaseIndex {
  tokens: string[];
  texts: { title: string; tags: string; summary: string; body: string };
}

export function caseIndex(c: { title: string; tags: readonly string[]; summary: string; body: string }): CaseIndex {
  const grams = new Set<string>();
  for (const text of [c.title, ...c.tags, c.summary, c.body]) for (const g of textGrams(text)) grams.add(g);
  return {
    tokens: [...grams].map(gramToken),
    texts: { title: normaliseText(c.title), tags: normaliseText(c.tags.join(' ')), summary: normaliseText(c.summary), body: normaliseText(c.body) },
  };
}
