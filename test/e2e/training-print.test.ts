/**
 * The training class's printed roster as Chromium prints it on A4, on the Jincheng demo's class: each unit on pages of
 * its own, the header (with the unit's place) on every page, no row cut between pages, every personal code of the
 * county once and in large type, the screen's toolbar left off the paper. The PDF is read back with pdf.js.
 * Screenshots go to $LEITAI_SCREENSHOTS (or a temp dir, printed).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { JINCHENG_CLASS_ID } from '../../src/demo/jincheng.js';
import { pageText, pdfPages } from '../helpers/pdf-text.js';
import { launchBrowser, screenshotDir, startDemoServer, type DemoServer } from './harness.js';

const COUNTY = 'u140525';

/** Radicals (CJK Radicals Supplement) that stand for a whole simplified character, and that character. */
const RADICALS: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟',
  '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/** What NFKC makes of some Kangxi radicals (⼾ → 戶), as the simplified character the roster prints. */
const TRADITIONAL: Record<string, string> = {
  戶: '户', 門: '门', 貝: '贝', 車: '车', 長: '长', 馬: '马', 鳥: '鸟', 魚: '鱼', 頁: '页', 風: '风', 飛: '飞', 見: '见',
  龍: '龙', 龜: '龟', 齒: '齿', 齊: '齐', 韋: '韦', 靑: '青', 黃: '黄', 麥: '麦', 鹵: '卤', 黽: '黾',
};

/**
 * Text as compared with the PDF's: Chromium's embedded subset maps some characters to radical forms that share their
 * glyph (⼈ for 人, ⼾ for 户, ⻓ for 长). Both sides are folded the same way: NFKC (which also narrows full-width
 * marks), then the radicals and traditional forms to the simplified characters.
 */
const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2e80-\u2ef3]/g, (c) => RADICALS[c] ?? c)
    .replace(/[\u3400-\u9fff]/g, (c) => TRADITIONAL[c] ?? c)
    .replace(/\s+/g, '');

// Browser-side code goes as text: the test runner's transform would otherwise add helpers the page does not have.
const CODE_CELLS = `(() => [...document.querySelectorAll('td.code')].map((el) => ({
  text: el.textContent,
  fontPx: parseFloat(getComputedStyle(el).fontSize),
  height: el.getBoundingClientRect().height,
})))()`;

describe('the printed roster of a county, in Chromium (Jincheng demo)', () => {
  let browser: Browser;
  let page: Page;
  let server: DemoServer;
  let shots = '';
  const people: { name: string; post: string; code: string; unitPath: string }[] = [];
  const errors: string[] = [];

  before(async () => {
    server = await startDemoServer();
    shots = await screenshotDir('training-print');
    browser = await launchBrowser();
    // The office's bearer token, as a script or the console's link would carry the login.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', extraHTTPHeaders: { authorization: `Bearer ${server.organiser.accessToken}` } });
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    for (let n = 1; n === 1 || people.length % 500 === 0; n++) {
      const url = `/api/training/classes/${JINCHENG_CLASS_ID}/participants?unitId=${COUNTY}&pageSize=500&page=${n}`;
      const items = (await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${server.organiser.accessToken}` } })).json().items;
      people.push(...items);
      if (items.length === 0) break;
    }
    assert.ok(people.length > 500, `${people.length} in 泽州县`);
  });
  after(async () => {
    assert.deepEqual(errors, [], 'no error on the page');
    await browser?.close();
    await server?.close();
  });

  it('shows every code on screen in large type on one line, with a print button', async () => {
    const res = await page.goto(`${server.url}/api/training/classes/${JINCHENG_CLASS_ID}/roster.html?unitId=${COUNTY}`);
    assert.equal(res?.status(), 200);
    await page.getByRole('button', { name: '打印' }).waitFor();
    const cells = (await page.evaluate(CODE_CELLS)) as { text: string; fontPx: number; height: number }[];
    assert.deepEqual(cells.map((c) => c.text).sort(), people.map((p) => p.code).sort());
    for (const c of cells) {
      assert.ok(c.fontPx >= 20, `${c.text} at ${c.fontPx}px`);
      assert.ok(c.height < 2 * c.fontPx * 1.6, `${c.text} stays on one line (${c.height}px)`);
    }
    await page.screenshot({ path: join(shots, 'roster-screen.png') });
  });

  it('prints on A4 with a page per unit, the header on every page and no row cut', async () => {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPages(Buffer.from(pdf));
    for (const p of pages) assert.deepEqual([Math.round(p.width), Math.round(p.height)], [595, 842], 'A4 portrait');
    const texts = pages.map((p) => fold(pageText(p)));
    assert.ok(!texts.some((s) => s.includes(fold('名学员；每个单位另起一页'))), 'the toolbar is not printed');

    const units = [...new Set(people.map((p) => p.unitPath))];
    const starts = units.map((u) => texts.findIndex((s) => s.includes(fold(`单位：${u}共`))));
    assert.ok(starts.every((i) => i >= 0), 'every unit has its heading');
    assert.equal(new Set(starts).size, units.length, 'each unit starts on a page of its own');

    for (const [i, s] of texts.entries()) {
      if (!/[0-9A-Z]{4}-[0-9A-Z]{4}/.test(s)) continue;
      assert.ok(s.includes(fold('序号姓名职务个人签到码领取签名')), `page ${i + 1} repeats the table's header`);
      assert.ok(s.includes(fold('·学员名单及个人签到码')), `page ${i + 1} says whose list it is`);
    }
    for (const p of people) {
      const where = texts.map((s, i) => (s.includes(p.code) ? i : -1)).filter((i) => i >= 0);
      assert.equal(where.length, 1, `${p.code} printed once`);
      const on = texts[where[0]!]!;
      assert.ok(on.includes(fold(`${p.name}${p.post}${p.code}`)), `${p.name}’s row is whole on page ${where[0]! + 1}`);
      assert.ok(on.includes(fold(`${p.unitPath}·学员名单`)), `${p.name}’s page names ${p.unitPath}`);
    }
  });
});
