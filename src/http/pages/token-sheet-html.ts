/**
 * The printable A4 sheet of cut-out token slips (zh-CN): 10 slips a page in fixed pages, so no slip breaks across a
 * page; each with the session, the group, the QR code of its link as inline SVG and the short code to type.
 */
import type { TokenSheet } from '../../app/sessions/issue-token-sheet.js';
import { CJK_FONTS, esc } from './html.js';
import { qrSvg } from './qr.js';
import { pageCsp } from '../page-headers.js';

const PER_PAGE = 10;

/** The page's one style sheet; its Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
  @page { size: A4 portrait; margin: 10mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: ${CJK_FONTS}; color: #111; background: #eee; }
  .toolbar { padding: 12px 16px; background: #fff; border-bottom: 1px solid #ccc; font-size: 14px; }
  .toolbar button { font: inherit; padding: 6px 16px; margin-right: 12px; }
  .page { width: 190mm; height: 277mm; margin: 8mm auto; background: #fff; display: grid; grid-template-columns: 95mm 95mm; grid-template-rows: repeat(5, 55.4mm); break-after: page; page-break-after: always; }
  .page:last-child { break-after: auto; page-break-after: auto; }
  .slip { border: 0.3mm dashed #888; padding: 3mm; display: flex; gap: 3mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
  .qr { flex: 0 0 33mm; height: 33mm; align-self: center; }
  .qr svg { width: 33mm; height: 33mm; display: block; }
  .text { flex: 1; min-width: 0; position: relative; font-size: 8.5pt; line-height: 1.35; }
  .campaign { padding-right: 9mm; font-size: 7.5pt; color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .session { font-size: 10pt; font-weight: 700; margin: 0.5mm 0; overflow: hidden; max-height: 2.8em; }
  .group { font-size: 8pt; }
  .code-label { font-size: 7pt; color: #444; margin-top: 1mm; }
  .code { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 15pt; font-weight: 700; letter-spacing: 0.5mm; }
  .hint { font-size: 6.5pt; color: #333; margin-top: 0.8mm; }
  .hint .url { font-family: "DejaVu Sans Mono", "Consolas", monospace; word-break: break-all; }
  .no { position: absolute; right: 0; top: 0; font-size: 6.5pt; color: #888; }
  @media print {
    body { background: #fff; }
    .toolbar { display: none; }
    .page { margin: 0; }
  }
`;
export const TOKEN_SHEET_CSP = pageCsp({ styles: [STYLE] });

export async function renderTokenSheet(sheet: TokenSheet, printedAt: string): Promise<string> {
  const origin = sheet.slips[0] ? new URL(sheet.slips[0].url).origin : '';
  const slips = await Promise.all(
    sheet.slips.map(async (s, i) => `
      <div class="slip">
        <a class="qr" href="${esc(s.url)}">${await qrSvg(s.url)}</a>
        <div class="text">
          <div class="campaign">${esc(sheet.campaignName)}</div>
          <div class="session">${esc(sheet.sessionName)}</div>
          <div class="group">测评组：${esc(sheet.groupName)}${s.raterName ? `　测评人：${esc(s.raterName)}` : ''}${s.boundUnitName ? `<br>所在单位：${esc(s.boundUnitName)}（回避本单位）` : ''}</div>
          <div class="code-label">测评码</div>
          <div class="code">${esc(s.code)}</div>
          <div class="hint">用手机扫描二维码进入测评；无法扫码时打开<br><span class="url">${esc(origin)}/r</span> 输入测评码。<br>本码只能提交一次，请勿转借。</div>
          <div class="no">No. ${i + 1}</div>
        </div>
      </div>`),
  );
  const pages: string[] = [];
  for (let i = 0; i < slips.length; i += PER_PAGE) pages.push(`<section class="page">${slips.slice(i, i + PER_PAGE).join('')}</section>`);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>测评码 · ${esc(sheet.sessionName)} · ${esc(sheet.groupName)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button onclick="window.print()">打印</button>共 ${sheet.slips.length} 张测评码，${pages.length} 页 A4，沿虚线裁开。测评码只显示这一次，关闭本页前请先打印。生成时间：${esc(printedAt)}</div>
${pages.join('\n')}
</body>
</html>`;
}
