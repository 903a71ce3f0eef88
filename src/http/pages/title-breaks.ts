/**
 * Where a Chinese title may break: Chinese has no spaces, so a browser or pdfkit breaks a title between any two
 * characters ("…（2022年6" / "月）", "结" / "果公示"). A title is cut instead into segments that stay whole — a break
 * goes before an opening bracket or quote, after a closing one, after 、，：； and at spaces — and only a segment
 * wider than the whole line is ever broken inside.
 */
const OPENING = '（(《〈「『“‘【[';
const CLOSING = '）)》〉」』”’】]、，,：:；;。';

export function titleSegments(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current) segments.push(current);
    current = '';
  };
  for (const ch of text) {
    if (/\s/.test(ch)) {
      current += ch;
      flush();
    } else if (OPENING.includes(ch)) {
      flush();
      current = ch;
    } else {
      current += ch;
      if (CLOSING.includes(ch)) flush();
    }
  }
  flush();
  return segments;
}
