/** 公示, printable: title, notice date and objection period, each ranking with tiers, contact, the verification hash. */
import type { Notice } from '../../contracts/notice.js';
import { CJK_FONTS, esc } from './html.js';

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function rankingTable(r: Notice['rankings'][number]): string {
  const head = `<tr><th>名次</th><th class="name">单位</th>${r.components.map((c) => `<th>${esc(c.name)}<br><small>${esc(c.weight)}%</small></th>`).join('')}<th>总分</th><th>等次</th></tr>`;
  const rows = r.rows
    .map((row) => `<tr><td>${row.rank}</td><td class="name">${esc(row.name)}</td>${row.components.map((c) => `<td>${esc(c.score ?? '—')}</td>`).join('')}<td class="score">${esc(row.total)}</td><td>${esc(row.tierLabel ?? '—')}${row.tierTie ? '<sup>※</sup>' : ''}</td></tr>`)
    .join('');
  const tiers = r.tiers.map((t) => `${esc(t.label)} ${t.filled} 个`).join('，');
  const tie = r.rows.some((row) => row.tierTie) ? '<p class="note">※ 并列跨越等次分界，按规则暂列下一等次，待人工裁定。</p>' : '';
  return `<h2>${esc(r.name)}</h2><p class="tiers">${tiers}</p><table class="grid"><thead>${head}</thead><tbody>${rows}</tbody></table>${tie}`;
}

export function renderNotice(n: Notice): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(n.title)}</title>
<style>
  @page { size: A4 portrait; margin: 15mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: ${CJK_FONTS}; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; font-size: 11pt; line-height: 1.6; }
  h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; color: #b00; letter-spacing: 1mm; }
  h2 { font-size: 13pt; margin: 6mm 0 1mm; break-after: avoid; page-break-after: avoid; }
  .lead { text-indent: 2em; }
  table { border-collapse: collapse; width: 100%; }
  .grid th, .grid td { border: 0.3mm solid #333; padding: 1mm 2mm; text-align: center; }
  .grid th { background: #f3f3f3; font-weight: 600; }
  .grid .name { text-align: left; }
  .grid .score { font-weight: 700; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .tiers, .note { margin: 1mm 0; font-size: 10pt; color: #333; }
  .verify { margin-top: 6mm; padding: 3mm; border: 0.3mm dashed #555; font-size: 9.5pt; word-break: break-all; }
  .hash { font-family: ui-monospace, monospace; }
  .sign { margin-top: 10mm; text-align: right; }
  .toolbar { margin-bottom: 4mm; }
  @media print { .toolbar { display: none; } body { padding: 0; } }
</style>
</head>
<body>
<div class="toolbar"><button onclick="window.print()">打印公示</button></div>
<h1>${esc(n.title)}</h1>
<p class="lead">现将${esc(n.campaignName)}测评结果予以公示。公示期自 ${zhDate(n.noticeDate)} 至 ${zhDate(n.objectionEndDate)}（共 ${n.objectionDays} 天）。公示期间如有异议，请${n.contact ? `通过以下方式反映：${esc(n.contact)}` : '向专项行动办公室反映'}。</p>
${n.rankings.map(rankingTable).join('\n')}
<div class="verify"><strong>结果校验</strong><br>校验码（SHA-256）：<span class="hash">${esc(n.resultsHash)}</span><br>${esc(n.verification.zh)}</div>
<div class="sign">专项行动办公室<br>${zhDate(n.noticeDate)}</div>
</body>
</html>`;
}
