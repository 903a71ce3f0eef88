import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { FONT, Writer } from '../../src/http/pages/pdf-layout.js';
import { CJK_FONT_FILE } from '../../src/http/pages/results-pdf.js';
import { titleSegments } from '../../src/http/pages/title-breaks.js';

const TITLE = '晋城市基层治理“亮晒评”活动（2022年6月）结果公示';

describe('titles break between words, never inside one', () => {
  it('cuts a Chinese title into segments at brackets, quotes and pauses', () => {
    assert.deepEqual(titleSegments(TITLE), ['晋城市基层治理', '“亮晒评”', '活动', '（2022年6月）', '结果公示']);
    assert.deepEqual(titleSegments('县（市、区）综合排名'), ['县', '（市、', '区）', '综合排名']);
    assert.equal(titleSegments(TITLE).join(''), TITLE);
  });

  it('sets a PDF title in lines that end where a segment ends, however narrow the line', () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont(FONT, CJK_FONT_FILE, 'NotoSansCJKsc-Regular');
    doc.font(FONT);
    const w = new Writer(doc);
    const segments = new Set(titleSegments(TITLE));
    for (const width of [500, 400, 300, 240, 180]) {
      const lines = w.titleLines(TITLE, 24, width);
      assert.equal(lines.join(''), TITLE, `width ${width}`);
      assert.ok(lines.length > 1 || width >= 500, `width ${width} needs more than one line`);
      for (const line of lines) {
        assert.ok(doc.fontSize(24).widthOfString(line) <= width, `"${line}" is wider than ${width}`);
        // A line is whole segments: cut it back into them.
        let rest = line;
        for (const s of titleSegments(TITLE)) if (rest.startsWith(s)) rest = rest.slice(s.length);
        assert.equal(rest, '', `"${line}" at width ${width} breaks inside a word`);
      }
      assert.ok([...segments].every((s) => lines.some((l) => l.includes(s))));
    }
  });

  it('breaks inside a segment only when it is wider than the whole line', () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont(FONT, CJK_FONT_FILE, 'NotoSansCJKsc-Regular');
    doc.font(FONT);
    const w = new Writer(doc);
    const lines = w.titleLines('中华人民共和国山西省晋城市基层治理专项行动', 24, 120);
    assert.ok(lines.length > 1);
    assert.equal(lines.join(''), '中华人民共和国山西省晋城市基层治理专项行动');
    for (const line of lines) assert.ok(doc.fontSize(24).widthOfString(line) <= 120);
  });
});
