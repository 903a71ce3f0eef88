/**
 * Body text of a PDF table cell in lines, the way Chinese documents set it: a line may break between any two Chinese
 * characters, but never before a closing mark (，。、；：）》” …) nor after an opening one (（《“ …), and a run of
 * Latin letters or digits ("08:30–11:30", "PPT") stays whole unless it alone is wider than the line. Titles keep
 * their own rule (title-breaks.ts): they break between segments only.
 */
import type { Doc } from './pdf-layout.js';

const NO_START = '，。、；：？！）》〉」』”’】〕…—·%,.;:?!)]}';
const NO_END = '（《〈「『“‘【〔([{';

/** Tokens that never break inside: a run of printable ASCII (and dashes), a space, or one other character. */
function tokens(text: string): string[] {
  return text.match(/[\x21-\x7e–—]+|\s+|[^\s]/gu) ?? [];
}

/** `text` in lines no wider than `width` at the document's current font and size. */
export function wrapText(doc: Doc, text: string, width: number): string[] {
  const fits = (s: string): boolean => doc.widthOfString(s) <= width;
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokens(text)) {
    if (fits(line + token)) {
      line += token;
      continue;
    }
    if (/^\s+$/.test(token)) {
      push();
      continue;
    }
    // A closing mark pulls the line's last character down with it; an opening mark at the end goes down too.
    let carry = '';
    const chars = Array.from(line);
    const startsClosed = (s: string): boolean => NO_START.includes(Array.from(s)[0] ?? '');
    while (chars.length > 1 && startsClosed(carry + token)) carry = chars.pop()! + carry;
    while (chars.length > 1 && NO_END.includes(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
    line = chars.join('');
    push();
    line = carry + token;
    // Only a token wider than the whole line is cut, character by character.
    while (!fits(line)) {
      const all = Array.from(line);
      let n = all.length - 1;
      while (n > 1 && !fits(all.slice(0, n).join(''))) n--;
      lines.push(all.slice(0, n).join(''));
      line = all.slice(n).join('');
    }
  }
  push();
  return lines;
}
