/**
 * The demo's written reports: a one-page A4 PDF per township, set in Noto Sans CJK as Leitai's printed PDFs are.
 *
 * Rendering them at `npm start` must stay cheap, and two costs dominate: parsing the font (~300 ms) and subsetting it
 * for each document (~60 ms, whatever the text). So the font is parsed once, and every document's subset starts with
 * the same palette — every glyph any of the reports uses, in one order — which makes the subsets identical, so the
 * encoded subset is made once and reused. A glyph outside the palette simply makes a subset of its own (correct, just
 * slower). Without the font the report is set in Helvetica, in English: still a real PDF.
 */
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';

export interface DemoReportText {
  place: string;
  title: string;
  submittedAt: string;
}

/** The fontkit and pdfkit objects this file touches. */
interface Subset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface Font {
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}
interface Embedded {
  font: Font;
  subset: Subset;
  unicode: number[][];
  widths: number[];
  scale: number;
}
interface PaletteGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

const NO_SHAPING = Object.fromEntries(['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'kern', 'mark', 'mkmk', 'palt', 'vert', 'fwid', 'hwid'].map((f) => [f, false]));

const PARAGRAPHS = [
  '一、基本情况。围绕全市基层治理“亮晒评”专项行动部署，本乡镇（街道）坚持党建引领，压实书记抓基层治理第一责任，将网格化治理、村级集体经济、干部队伍建设纳入年度重点任务，逐项建立台账、明确时限。',
  '二、主要做法。一是建强组织体系，推动党组织覆盖到网格；二是盘活集体资源，探索“村企联建”增收路径；三是完善考核机制，推行村干部星级化管理。',
  '三、存在问题及下一步打算。个别村集体经济增收渠道单一，网格员队伍专业化程度不高。下一步将加强培训、健全激励，持续提升基层治理能力。',
];

function lines(report: DemoReportText): { heading: string; from: string; footer: string } {
  return { heading: report.title, from: `${report.place}党（工）委`, footer: `（示例材料，提交于 ${report.submittedAt.slice(0, 10)}）` };
}

export class DemoReportPdfs {
  /** The parsed font (pdfkit takes one where it takes a file), or null without the font file. */
  private readonly font: Font | null;
  private readonly palette: PaletteGlyph[] = [];
  private readonly encoded = new Map<string, Uint8Array>();

  /** `all`: every report that will be rendered, for the shared glyph palette. */
  constructor(all: readonly DemoReportText[]) {
    if (!existsSync(CJK_FONT_FILE)) {
      this.font = null;
      return;
    }
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('cjk', readFileSync(CJK_FONT_FILE), CJK_FONT_FACE);
    probe.font('cjk');
    const font = (probe as unknown as { _font: Embedded })._font.font;
    this.font = font;
    const text = [...PARAGRAPHS, ...all.flatMap((r) => Object.values(lines(r)))].join('');
    const seen = new Set<number>([0]);
    for (const char of new Set(text)) {
      const codePoint = char.codePointAt(0)!;
      const glyph = font.glyphForCodePoint(codePoint);
      if (seen.has(glyph.id)) continue;
      seen.add(glyph.id);
      this.palette.push({ id: glyph.id, codePoints: [codePoint], advanceWidth: glyph.advanceWidth });
    }
    this.palette.sort((a, b) => a.id - b.id);
  }

  /** Starts the document's subset with the palette, as pdfkit would have noted each glyph, and shares its encoding. */
  private preparePalette(embedded: Embedded): void {
    for (const g of this.palette) {
      const index = embedded.subset.includeGlyph(g.id);
      embedded.unicode[index] = g.codePoints;
      embedded.widths[index] = g.advanceWidth * embedded.scale;
    }
    const subset = embedded.subset;
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = this.encoded.get(key);
      if (!bytes) this.encoded.set(key, (bytes = encode()));
      return bytes;
    };
  }

  async render(report: DemoReportText): Promise<Buffer> {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${report.place} ${report.title}`, Author: report.place, CreationDate: new Date(report.submittedAt) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    if (this.font === null) {
      doc.font('Helvetica').fontSize(16).text('Written report for the township secretaries’ seminar (demo)').moveDown().fontSize(11).text(`Submitted ${report.submittedAt}`);
    } else {
      const text = lines(report);
      // No OpenType shaping (fontkit applies its defaults unless each is turned off): plain Chinese text needs none,
      // it is most of the layout's time, and the glyphs stay those of the palette.
      const plain = { features: NO_SHAPING as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
      doc.registerFont('cjk', this.font as unknown as string, CJK_FONT_FACE);
      doc.font('cjk');
      this.preparePalette((doc as unknown as { _font: Embedded })._font);
      doc.fontSize(18).text(text.heading, { ...plain, align: 'center' }).moveDown(0.5);
      doc.fontSize(13).text(text.from, { ...plain, align: 'center' }).moveDown();
      doc.fontSize(11);
      for (const p of PARAGRAPHS) doc.text(p, { ...plain, lineGap: 4 }).moveDown(0.5);
      doc.moveDown(1.5).text(text.footer, { ...plain, align: 'right' });
    }
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
