/**
 * 学员名单及个人签到码 (zh-CN, A4 portrait): printed by the office and handed out so each trainee can identify on a
 * phone. Each unit starts a new page with its place, its count and the check-in instructions in one line; a table
 * of name, post, the personal code in large type and a column to sign for it. The table's header (with the unit's
 * place) repeats on every page and no row breaks across pages.
 */
import type { RosterSheet } from '../../app/training/build-roster-sheet.js';
import { CJK_FONTS, esc, zhDateTime } from './html.js';
import { zhDate } from './zh-date.js';
import { pageCsp } from '../page-headers.js';

/** The page's one style sheet; its Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
  @page { size: A4 portrait; margin: 12mm 12mm 14mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: ${CJK_FONTS}; color: #111; background: #eee; }
  .toolbar { padding: 12px 16px; background: #fff; border-bottom: 1px solid #ccc; font-size: 14px; }
  .toolbar button { font: inherit; padding: 6px 16px; margin-right: 12px; }
  .unit { width: 186mm; margin: 8mm auto; padding: 6mm; background: #fff; break-after: page; page-break-after: always; }
  .unit:last-child { break-after: auto; page-break-after: auto; }
  header { margin-bottom: 3mm; }
  .class { font-size: 10pt; color: #444; }
  h1 { font-size: 16pt; margin: 1mm 0 2mm; }
  .place { display: flex; justify-content: space-between; font-size: 12pt; font-weight: 700; border-bottom: 0.4mm solid #111; padding-bottom: 1mm; }
  .how { font-size: 8.5pt; line-height: 1.45; color: #222; margin: 2mm 0 0; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { border: 0.25mm solid #999; padding: 1.6mm 2mm; text-align: left; vertical-align: middle; }
  th { font-size: 9pt; background: #f0f1f3; }
  /* Repeated with the header on every page, so a loose page still says whose it is. */
  tr.running th { background: none; border: none; padding: 0 0 1mm; font-size: 8pt; font-weight: 400; color: #666; text-align: right; }
  td { font-size: 10.5pt; }
  .no { width: 11mm; text-align: center; color: #555; }
  .post { width: 36mm; font-size: 9.5pt; }
  .code { width: 48mm; font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace; font-size: 17pt; font-weight: 700; letter-spacing: 0.6mm; white-space: nowrap; }
  th.code { font-family: inherit; font-size: 9pt; letter-spacing: 0; }
  .sign { width: 26mm; }
  .empty { width: 186mm; margin: 8mm auto; padding: 10mm; background: #fff; font-size: 12pt; }
  @media print {
    body { background: #fff; }
    .toolbar { display: none; }
    .unit { width: auto; margin: 0; padding: 0; }
  }
`;
export const ROSTER_CSP = pageCsp({ styles: [STYLE] });

export function renderRosterSheet(sheet: RosterSheet): string {
  const dates = sheet.startsOn === sheet.endsOn ? zhDate(sheet.startsOn) : `${zhDate(sheet.startsOn)}至${zhDate(sheet.endsOn)}`;
  const sections = sheet.units.map(
    (u) => `
<section class="unit">
  <header>
    <div class="class">${esc(sheet.className)}（${esc(dates)}）</div>
    <h1>学员名单及个人签到码</h1>
    <div class="place"><span>单位：${esc(u.place)}</span><span>共 ${u.people.length} 人</span></div>
    <p class="how">${esc(sheet.instructions)}</p>
  </header>
  <table>
    <thead><tr class="running"><th colspan="5">${esc(u.place)} · 学员名单及个人签到码</th></tr><tr><th class="no">序号</th><th class="name">姓名</th><th class="post">职务</th><th class="code">个人签到码</th><th class="sign">领取签名</th></tr></thead>
    <tbody>
${u.people.map((p, i) => `      <tr><td class="no">${i + 1}</td><td class="name">${esc(p.name)}</td><td class="post">${esc(p.post)}</td><td class="code">${esc(p.code)}</td><td class="sign"></td></tr>`).join('\n')}
    </tbody>
  </table>
</section>`,
  );
  const scope = sheet.scope ? `${sheet.scope}，` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>学员名单及个人签到码 · ${esc(sheet.className)}${sheet.scope ? ` · ${esc(sheet.scope)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button onclick="window.print()">打印</button>${esc(scope)}${sheet.units.length} 个单位，共 ${sheet.participants} 名学员；每个单位另起一页，表头每页重复。个人签到码仅限本人使用，请发给本人后妥善保管本名单。生成时间：${esc(zhDateTime(sheet.generatedAt))}</div>
${sections.length > 0 ? sections.join('\n') : '<div class="empty">该范围内暂无学员。</div>'}
</body>
</html>`;
}
