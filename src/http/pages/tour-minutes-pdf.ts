/**
 * 调度点评会纪要 PDF (A4): one county's review meeting as recorded — time, place, attendees, the comment on each site
 * visited, the overall remarks and the score (said to count in 观摩评 or to be recorded only), with lines to sign.
 */
import type { ReviewMinutes } from '../../app/tours/build-review-minutes.js';
import { zhDateTime } from './html.js';
import { cjkPdf } from './pdf-document.js';
import { FONT, MARGIN, Writer } from './pdf-layout.js';
import { zhDate } from './zh-date.js';

export async function tourMinutesPdf(m: ReviewMinutes): Promise<Buffer> {
  const { review } = m;
  const pdf = cjkPdf({ title: `${review.unitName}调度点评会纪要`, createdAt: m.generatedAt });
  const w = new Writer(pdf.doc);
  const { doc } = w;
  w.title(`${review.unitName}调度点评会纪要`, 18, { align: 'center' });
  doc.y += 2;
  doc.font(FONT).fontSize(10.5).fillColor('#444').text(m.tourName, MARGIN, doc.y, { width: w.width, align: 'center' });
  doc.y += 10;
  if (!review.held) {
    w.para('本县的调度点评会尚未记录。', 11, '#a8071a');
    return pdf.finish();
  }
  w.para(`时间：${review.heldOn ? zhDate(review.heldOn) : '—'}`, 11);
  w.para(`地点：${review.place || '—'}`, 11);
  w.para(`参会人员：${review.attendees.length > 0 ? review.attendees.join('、') : '—'}`, 11);

  w.heading('各观摩点点评', 13, 40);
  review.siteComments.forEach((c, i) => {
    w.title(`${i + 1}. ${c.siteName}`, 11, { keepWith: 14 });
    w.para(c.comment || '（未作点评）', 10.5, c.comment ? '#222' : '#888');
  });

  w.heading('总体点评', 13, 40);
  w.para(review.remarks || '（无）', 10.5);

  w.heading('评分', 13, 30);
  if (review.score === null) w.para('本次点评会未评分。', 10.5);
  else w.para(`${review.score} 分（${review.counts ? '按方案计入观摩评' : '仅记录，不计入观摩评'}）`, 10.5);

  doc.y += 30;
  w.ensure(40);
  doc.font(FONT).fontSize(10.5).fillColor('#222');
  doc.text('记录人：____________        审核人：____________', MARGIN, doc.y, { width: w.width });
  doc.y += 24;
  doc.fontSize(8).fillColor('#888').text(`生成于 ${zhDateTime(m.generatedAt)}${review.updatedAt ? ` · 最后修改 ${zhDateTime(review.updatedAt)}` : ''}`, MARGIN, doc.y, { width: w.width });
  return pdf.finish();
}
