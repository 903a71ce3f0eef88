/** 计票单, printable: counts, verdict, per-subject grade counts and scores, invalid ballots, signatures. */
import type { TallyReport } from '../../contracts/tally-report.js';
import { COUNT_LABELS as L, COUNT_NOTE, SUBJECT_COUNT_LABELS } from './count-labels.js';
import { CJK_FONTS, esc, zhDateTime } from './html.js';
import { pageCsp } from '../page-headers.js';

const STATUS_ZH = { draft: '未开始', open: '进行中', closed: '已结束' } as const;
const VERDICT_ZH = { valid: '有效', 'no-quorum': '未达到法定人数', void: '无效（须重新组织）' } as const;

function instrumentTable(it: TallyReport['instruments'][number]): string {
  const grades = it.grades ?? [];
  const head = `<tr><th class="name">测评对象</th>${grades.map((g) => `<th>${esc(g.label)}</th>`).join('')}<th>${SUBJECT_COUNT_LABELS.abstentions}</th><th>${SUBJECT_COUNT_LABELS.valueCount}</th><th>得分</th></tr>`;
  const rows = it.subjects
    .map((s) => `<tr><td class="name">${esc(s.name)}</td>${grades.map((_, i) => `<td>${s.gradeCounts?.[i] ?? 0}</td>`).join('')}<td>${s.abstentions}</td><td>${s.valueCount}</td><td class="score">${s.score ?? '—'}</td></tr>`)
    .join('');
  return `<h2>${esc(it.name)}</h2><table class="grid"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** The page's one style sheet; its Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
  @page { size: A4 portrait; margin: 15mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: ${CJK_FONTS}; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10.5pt; }
  h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; letter-spacing: 2mm; }
  .sub { text-align: center; margin-bottom: 5mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; }
  .grid th, .grid td { border: 0.3mm solid #333; padding: 1.2mm 2mm; text-align: center; }
  .grid th { background: #f0f0f0; }
  .grid .name { text-align: left; }
  .grid .score { font-weight: 700; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .meta td { padding: 1mm 2mm; }
  .grid.counts { margin-top: 2mm; }
  .verdict { margin: 3mm 0; padding: 2mm 3mm; border: 0.4mm solid #333; }
  .verdict.bad { border-color: #b00; color: #b00; }
  .none { color: #555; }
  .signatures { margin-top: 12mm; display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; break-inside: avoid; page-break-inside: avoid; }
  .signatures div { border-bottom: 0.3mm solid #333; padding-bottom: 8mm; }
  .foot { margin-top: 6mm; font-size: 8.5pt; color: #555; }
  .toolbar { margin-bottom: 6mm; }
  @media print { .toolbar { display: none; } body { padding: 0; } }
`;
export const TALLY_REPORT_CSP = pageCsp({ styles: [STYLE] });

export function renderTallyReport(r: TallyReport): string {
  const c = r.counts;
  const invalid = r.invalidBallots.length === 0
    ? '<p class="none">无</p>'
    : `<table class="grid"><thead><tr><th>票号</th><th>方式</th><th>评价方式</th><th class="name">无效原因</th></tr></thead><tbody>${r.invalidBallots
        .map((b) => `<tr><td>${esc(b.sheetNumber ?? '—')}</td><td>${b.channel === 'paper' ? '纸质' : '线上'}</td><td>${esc(b.instrumentName)}</td><td class="name">${b.reasons.map((m) => esc(m.zh)).join('<br>')}</td></tr>`)
        .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>计票单 · ${esc(r.session.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button onclick="window.print()">打印计票单</button></div>
<h1>计票单</h1>
<div class="sub">${esc(r.campaign.name)} · ${esc(r.session.name)}</div>
<table class="meta"><tr><td>测评会状态：${STATUS_ZH[r.session.status]}</td><td>开始：${zhDateTime(r.session.openedAt)}</td><td>结束：${zhDateTime(r.session.closedAt)}</td></tr></table>
<h2>票数统计</h2>
<table class="grid"><thead><tr><th>${L.expected}</th><th>${L.present}</th><th>${L.issued}</th><th>${L.returned}</th><th>${L.sheetsWithInvalid}</th></tr></thead>
<tbody><tr><td>${c.expected}</td><td>${c.present}${r.verdict.quorum.presentFromReturned ? '（按收回计）' : ''}</td><td>${c.issued}</td><td>${c.returned}</td><td>${c.sheetsWithInvalid}</td></tr></tbody></table>
<table class="grid counts"><thead><tr><th>${L.validBallots}</th><th>${L.invalidBallots}</th><th>${L.abstentions}</th></tr></thead>
<tbody><tr><td>${c.validBallots}</td><td>${c.invalidBallots}</td><td>${c.abstentions}</td></tr></tbody></table>
<p class="foot">${COUNT_NOTE}</p>
${r.groups.length > 0 ? `<table class="grid"><thead><tr><th class="name">测评组</th><th>${L.expected}</th><th>${L.issued}</th><th>${L.returned}</th></tr></thead><tbody>${r.groups.map((g) => `<tr><td class="name">${esc(g.name)}</td><td>${g.expected}</td><td>${g.issued}</td><td>${g.returned}</td></tr>`).join('')}</tbody></table>` : ''}
<div class="verdict${r.verdict.status === 'valid' ? '' : ' bad'}"><b>本场结论：${VERDICT_ZH[r.verdict.status]}。</b>${esc(r.verdict.explanation.zh)}${r.counted ? '' : ' 本场选票不计入结果。'}${r.verdict.nextStep ? `<br>下一步：${esc(r.verdict.nextStep.zh)}` : ''}</div>
<h2>各对象等次票数与得分</h2>
<p class="foot">每行一个测评对象，票数均为该对象在本场有效票上的张数；得分按本场有效票计算，满分 100${r.session.status === 'closed' ? '' : '；测评会尚未结束，为临时结果'}。</p>
${r.instruments.map(instrumentTable).join('\n')}
<h2>无效票及原因（${r.invalidBallots.length} 张，${c.sheetsWithInvalid} 份）</h2>
${invalid}
<div class="signatures"><div>计票人（签字）：</div><div>监票人（签字）：</div></div>
<p class="foot">打印时间：${zhDateTime(r.generatedAt)}　·　擂台 Leitai 由选票即时计算，可用导出数据复核。</p>
</body>
</html>`;
}
