/** A PDF's text read back with pdf.js (an independent reader, no system tools needed), page by page. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfItem {
  str: string;
  x: number;
  /** From the top of the page, to the text's baseline. */
  y: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: height - (item.transform[5] as number), size: Math.abs(item.transform[3] as number) }] : [],
    );
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return pages;
}

/** A page's text in drawing order, without white space. */
export const pageText = (page: { items: PdfItem[] }): string => page.items.map((i) => i.str).join('').replace(/\s+/g, '');
