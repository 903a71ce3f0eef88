/**
 * The PDF report's page layout: a writer that flows blocks down A4 pages (portrait, or landscape for a wide table),
 * starts a new page only when a block does not fit, and sets titles in lines that break between segments
 * (title-breaks.ts), never inside a word.
 */
import { titleSegments } from './title-breaks.js';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 45;
export const FONT = 'cjk';
export const BOLD = 'cjk-bold';

export class Writer {
  constructor(readonly doc: Doc) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Room left on this page, in points. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  /** The page height a block can use at most. */
  get pageRoom(): number {
    return this.doc.page.height - 2 * MARGIN;
  }

  /**
   * The footer of every page of a document made with `bufferPages`: `left` on the left, 第 n 页 / 共 m 页 on the right,
   * below the bottom margin (lifted while writing, so the footer does not open a page of its own).
   */
  pageFooters(left: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN + 14;
      doc.font(FONT).fontSize(8).fillColor('#888');
      doc.text(left, MARGIN, y, { width: this.width / 2, lineBreak: false });
      doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margin: MARGIN });
    this.doc.y = MARGIN;
  }

  /** A new page unless `height` fits on this one; a landscape block always goes on a landscape page. */
  ensure(height: number, layout: 'portrait' | 'landscape' = 'portrait'): void {
    const current = this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait';
    if (current !== layout || this.doc.y + height > this.bottom) this.newPage(layout);
  }

  /** A title in whole segments: lines to draw, at the size given. */
  titleLines(text: string, size: number, width = this.width): string[] {
    this.doc.fontSize(size);
    const fits = (s: string): boolean => this.doc.widthOfString(s) <= width;
    const lines: string[] = [];
    let line = '';
    for (const segment of titleSegments(text)) {
      if (fits(line + segment)) {
        line += segment;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      // Only a segment wider than the whole line is broken inside, character by character.
      let rest = Array.from(segment.trimStart());
      while (rest.length > 0 && !fits(rest.join(''))) {
        let n = rest.length - 1;
        while (n > 1 && !fits(rest.slice(0, n).join(''))) n--;
        lines.push(rest.slice(0, n).join(''));
        rest = rest.slice(n);
      }
      line = rest.join('');
    }
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }

  /** Draws a title from the current position; `align` center or left. Keeps room for `keepWith` points below it. */
  title(text: string, size: number, options: { align?: 'center' | 'left'; keepWith?: number; colour?: string } = {}): void {
    const lines = this.titleLines(text, size);
    const lineHeight = size * 1.35;
    this.ensure(lines.length * lineHeight + (options.keepWith ?? 0));
    this.doc.font(BOLD).fontSize(size).fillColor(options.colour ?? '#111');
    let y = this.doc.y;
    for (const line of lines) {
      this.doc.text(line, MARGIN, y, { width: this.width, align: options.align ?? 'left', lineBreak: false });
      y += lineHeight;
    }
    this.doc.y = y;
    this.doc.font(FONT);
  }

  heading(text: string, size = 14, keepWith = 60): void {
    this.doc.y += size * 0.6;
    this.title(text, size, { keepWith });
    this.doc.y += size * 0.3;
  }

  para(text: string, size = 9.5, colour = '#222'): void {
    this.doc.font(FONT).fontSize(size).fillColor(colour);
    this.ensure(this.doc.heightOfString(text, { width: this.width }) + 3);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.y += 2;
  }
}
