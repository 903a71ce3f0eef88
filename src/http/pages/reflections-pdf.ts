/**
 * 讲收获汇编 (A4 PDF booklet): the class's name and what the booklet holds, then county by county and township by
 * township each reflection — the writer's name, post and unit, the lesson it is about, the text in paragraphs — the
 * office's 精选 first and marked ★. A reflection that does not fit the rest of a page starts on the next unless it is
 * longer than a page. Every page is numbered.
 */
import type { ReflectionExport } from '../../app/reflections/build-reflection-export.js';
import type { ReflectionView } from '../../contracts/reflections.js';
import { zhDateTime } from './html.js';
import { cjkPdf } from './pdf-document.js';
import { BOLD, FONT, MARGIN, Writer } from './pdf-layout.js';
import { wrapText } from './pdf-wrap.js';

const BODY = 10.5;
const LINE = BODY * 1.6;
const ACCENT = '#b4232a';

function entry(w: Writer, r: ReflectionView): void {
  const { doc } = w;
  doc.font(FONT).fontSize(BODY);
  const lines = r.text.split(/\r?\n/).filter((p) => p.trim()).flatMap((p) => wrapText(doc, `　　${p.trim()}`, w.width));
  const head = 32;
  const height = head + lines.length * LINE + 16;
  // Whole on this page when it fits here or on a fresh one; a longer one starts here and flows on.
  if (height > w.room && height <= w.pageRoom) w.newPage();
  else w.ensure(head + LINE * 2);
  const y = doc.y;
  const who = `${r.participant.name}${r.participant.post && !r.participant.name.includes(r.participant.post) ? ` · ${r.participant.post}` : ''}`;
  if (r.featured) {
    doc.font(BOLD).fontSize(9).fillColor(ACCENT).text('★ 精选', MARGIN, y + 1, { lineBreak: false });
  }
  const x = MARGIN + (r.featured ? 44 : 0);
  doc.font(BOLD).fontSize(10.5).fillColor('#111').text(who, x, y, { width: w.width - (x - MARGIN), lineBreak: false, ellipsis: true });
  doc.font(FONT).fontSize(8.5).fillColor('#666');
  doc.text(`${r.participant.unitPath} · ${r.lessonTitle ? `课次：${r.lessonTitle}` : '关于培训班整体'}`, MARGIN, y + 15, { width: w.width, lineBreak: false, ellipsis: true });
  let ly = y + head;
  for (const line of lines) {
    if (ly + LINE > w.bottom) {
      w.newPage();
      ly = doc.y;
    }
    doc.font(FONT).fontSize(BODY).fillColor('#222');
    doc.text(line, MARGIN, ly, { width: w.width, lineBreak: false });
    ly += LINE;
  }
  doc.y = ly;
  doc.y += 4;
  doc.lineWidth(0.4).strokeColor('#d0d3d9').moveTo(MARGIN, doc.y).lineTo(MARGIN + w.width, doc.y).stroke();
  doc.y += 10;
}

function cover(w: Writer, x: ReflectionExport): void {
  const { doc } = w;
  w.title(x.className, 18, { align: 'center' });
  doc.y += 2;
  w.title('学员心得体会汇编（讲收获）', 14, { align: 'center' });
  doc.y += 6;
  const scope = x.scopeName ?? x.rootUnitName;
  doc.font(FONT).fontSize(10).fillColor('#333');
  doc.text(`${scope} · 共 ${x.total} 篇，其中精选 ${x.featured} 篇${x.filters ? ` · ${x.filters}` : ''}`, MARGIN, doc.y, { width: w.width, align: 'center' });
  doc.y += 14;
  if (x.total === 0) w.para('没有符合条件的心得。', 10, '#666');
}


export async function reflectionsPdf(x: ReflectionExport): Promise<Buffer> {
  const pdf = cjkPdf({ title: `${x.className} 讲收获汇编`, createdAt: x.generatedAt }, { bufferPages: true });
  const w = new Writer(pdf.doc);
  cover(w, x);
  for (const county of x.counties) {
    w.heading(county.name, 14, 80);
    for (const town of county.townships) {
      w.heading(`${town.name}（${town.items.length} 篇）`, 11.5, 60);
      for (const r of town.items) entry(w, r);
    }
  }
  w.pageFooters(`讲收获汇编 · 生成于 ${zhDateTime(x.generatedAt)}`);
  return pdf.finish();
}
