/**
 * An A4 PDF set in Noto Sans CJK, as every printed PDF of Leitai is (the results report, the class agenda). Without
 * the font on the server the answer is `font_missing`, never a PDF of empty boxes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { BOLD, FONT, MARGIN, type Doc } from './pdf-layout.js';

export const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_BOLD_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
/** A .ttc holds several faces: pdfkit needs the PostScript name of the one to embed. */
const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';
const CJK_BOLD_FACE = 'NotoSansCJKsc-Bold';

export interface CjkPdf {
  doc: Doc;
  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer>;
}

/** A new A4 portrait document with the CJK faces registered as FONT and BOLD; `bufferPages` to number pages at the end. */
export function cjkPdf(info: { title: string; createdAt: string }, options: { bufferPages?: boolean } = {}): CjkPdf {
  if (!existsSync(CJK_FONT_FILE)) throw new AppError('font_missing', { details: [{ path: CJK_FONT_FILE, message: MESSAGES.fontFileMissing(CJK_FONT_FILE) }] });
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: options.bufferPages ?? false, info: { Title: info.title, Author: '擂台 Leitai', CreationDate: new Date(info.createdAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, CJK_FONT_FILE, CJK_FONT_FACE);
  // Bold when the font package has it; the regular face otherwise.
  if (existsSync(CJK_BOLD_FILE)) doc.registerFont(BOLD, CJK_BOLD_FILE, CJK_BOLD_FACE);
  else doc.registerFont(BOLD, CJK_FONT_FILE, CJK_FONT_FACE);
  doc.font(FONT);
  return {
    doc,
    async finish() {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
