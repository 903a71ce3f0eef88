/**
 * 公示, printable and readable on a phone: title, notice date and objection period, each ranking with tiers, the
 * notes a reader needs, the verification in plain words, and the issuing organ's signature (落款). On A4 and wide
 * screens every evaluation form has its column; on a phone (forwarded in WeChat, 360 px) the forms' scores go under
 * the unit's name, so the page never scrolls sideways and 总分 and 等次 stay in view.
 */
import type { Notice } from '../../contracts/notice.js';
import { EQUAL_SHOWN_MARK } from '../../app/results/get-notice.js';
import { CJK_FONTS, esc } from './html.js';
import { titleSegments } from './title-breaks.js';
import { zhDate } from './zh-date.js';
import { pageCsp } from '../page-headers.js';

/** The signature of a notice published before the issuing organ was asked for (what those notices always printed). */
const DEFAULT_ISSUER = '专项行动办公室';

/** "25.00" → "25", "12.50" → "12.5": a weight reads as the office declared it. */
const weight = (display: string): string => (display.includes('.') ? display.replace(/\.?0+$/, '') : display);

/** A heading that breaks only between its segments (see title-breaks.ts). */
const heading = (text: string): string => titleSegments(text).map(esc).join('<wbr>');

function rankingTable(r: Notice['rankings'][number]): string {
  const head = `<tr><th class="rank">名次</th><th class="name">单位</th>${r.components.map((c) => `<th class="part">${esc(c.name)}<br><small>${esc(weight(c.weight))}%</small></th>`).join('')}<th class="total">总分</th><th class="tier">等次</th></tr>`;
  const names = new Map(r.components.map((c) => [c.instrumentId, c.name]));
  const rows = r.rows
    .map((row) => {
      const parts = row.components.map((c) => `<span>${esc(names.get(c.instrumentId) ?? '')} ${esc(c.score ?? '—')}</span>`).join(' ');
      const mark = row.equalShownTotal ? `<sup class="mark">${EQUAL_SHOWN_MARK[row.equalShownTotal]}</sup>` : '';
      return `<tr><td class="rank">${row.rank}</td><td class="name"><span class="unit">${esc(row.name)}</span><span class="parts">${parts}</span></td>${row.components.map((c) => `<td class="part">${esc(c.score ?? '—')}</td>`).join('')}<td class="total">${esc(row.total)}${mark}</td><td class="tier">${esc(row.tierLabel ?? '—')}${row.tierTie ? '<sup>※</sup>' : ''}</td></tr>`;
    })
    .join('');
  const tiers = r.tiers.map((t) => `${esc(t.label)} ${t.filled} 个`).join('，');
  const notes = [
    ...r.notes.map((n) => n.zh),
    ...(r.rows.some((row) => row.tierTie) ? ['※ 并列跨越等次分界，按规则暂列下一等次，待人工裁定。'] : []),
  ];
  return `<section class="ranking"><h2>${heading(r.name)}</h2><p class="tiers">${tiers}</p><table class="grid"><thead>${head}</thead><tbody>${rows}</tbody></table>${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}</section>`;
}

function verification(n: Notice): string {
  const text = esc(n.verification.zh).replace(esc(n.resultsHash), `<span class="hash">${esc(n.resultsHash)}</span>`);
  const chains = n.ballotChains.length === 0
    ? ''
    : `<br><strong>选票链头</strong>（每个测评会全部选票的哈希链；用导出的原始选票重新核对时，每个测评会应得到相同的链头，任何一张选票被改动、删除或添加都会使其不同）<ul class="chains">${n.ballotChains
        .map((c) => `<li>${esc(c.name)}：${c.ballotCount} 张，<span class="hash">${esc(c.head)}</span></li>`)
        .join('')}</ul>`;
  return `<div class="verify"><strong>结果校验</strong><br>${text}${chains}</div>`;
}

/** The page's one style sheet; its Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
  @page { size: A4 portrait; margin: 15mm 12mm; }
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
  body { font-family: ${CJK_FONTS}; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; font-size: 11pt; line-height: 1.6; overflow-wrap: anywhere; }
  h1, h2 { word-break: keep-all; }
  h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; color: #b00; letter-spacing: 1mm; }
  h2 { font-size: 13pt; margin: 6mm 0 1mm; break-after: avoid; page-break-after: avoid; }
  .lead { text-indent: 2em; }
  table { border-collapse: collapse; width: 100%; }
  .grid th, .grid td { border: 0.3mm solid #333; padding: 1mm 2mm; text-align: center; }
  .grid th { background: #f3f3f3; font-weight: 600; white-space: nowrap; }
  .grid .name { text-align: left; }
  .grid .rank, .grid .part, .grid .total, .grid .tier { white-space: nowrap; }
  .grid .total { font-weight: 700; }
  .grid .parts { display: none; margin-top: 0.5mm; font-size: 9pt; line-height: 1.45; color: #555; }
  .grid .parts span { white-space: nowrap; }
  .mark { color: #b00; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .tiers, .note { margin: 1mm 0; font-size: 10pt; color: #333; }
  .verify { margin-top: 6mm; padding: 3mm; border: 0.3mm dashed #555; font-size: 9.5pt; }
  .hash { font-family: ui-monospace, monospace; word-break: break-all; }
  .chains { margin: 1mm 0 0; padding-inline-start: 5mm; }
  .sign { margin-top: 10mm; text-align: right; }
  .toolbar { margin-bottom: 4mm; }
  @media print { .toolbar { display: none; } body { padding: 0; } }
  /* A phone: the forms' scores move under the unit's name; the page keeps to the screen's width. */
  @media screen and (max-width: 640px) {
    body { padding: 4mm 3mm; font-size: 10.5pt; }
    h1 { font-size: 16pt; letter-spacing: 0; }
    .grid th, .grid td { padding: 1.2mm 1.5mm; }
    .grid .part { display: none; }
    .grid .parts { display: block; }
  }
`;
export const NOTICE_CSP = pageCsp({ styles: [STYLE] });

export function renderNotice(n: Notice): string {
  const issuer = n.issuer ?? DEFAULT_ISSUER;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(n.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button onclick="window.print()">打印公示</button></div>
<h1>${heading(n.title)}</h1>
<p class="lead">现将${esc(n.campaignName)}测评结果予以公示。公示期自 ${zhDate(n.noticeDate)} 至 ${zhDate(n.objectionEndDate)}（共 ${n.objectionDays} 天）。公示期间如有异议，请${n.contact ? `通过以下方式反映：${esc(n.contact)}` : `向${esc(issuer)}反映`}。</p>
${n.rankings.map(rankingTable).join('\n')}
${verification(n)}
<div class="sign">${esc(issuer)}<br>${zhDate(n.noticeDate)}</div>
</body>
</html>`;
}
