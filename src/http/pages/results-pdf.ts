/**
 * 结果报告 PDF: a cover, each ranking as a table with every evaluation form's score and a 说明 column, then its bar
 * chart, and the method (weights, quota rules, aggregation, tiers, rounding) in Chinese. Blocks flow down the pages
 * and a new page starts only when a block does not fit; titles break between words, never inside one. Drawn with
 * pdfkit's vector primitives and Noto Sans CJK — no browser.
 */
import type { ResultsExport } from '../../app/results/build-results-export.js';
import type { PresentedTally } from '../../domain/present.js';
import type { AggregationMethod, CampaignDefinition, Instrument, QuotaRule, RankingSpec } from '../../domain/types.js';
import { zhDateTime } from './html.js';
import { cjkPdf } from './pdf-document.js';
import { FONT, MARGIN, Writer } from './pdf-layout.js';
import { barChart, planTable, rankingTable } from './pdf-ranking.js';
import { zhDate } from './zh-date.js';

export { CJK_FONT_FILE } from './pdf-document.js';

type PresentedRanking = PresentedTally['rankings'][number];

function method(a: AggregationMethod): string {
  if (a.method === 'median') return '中位数';
  if (a.method === 'trimmed') return `去掉最高、最低各 ${a.k} 个后取平均（票数不超过 ${2 * a.k} 时取平均）`;
  return '算术平均';
}

const ROUNDING_ZH = { exact: '精确比例（上限向下取整、下限向上取整）', 'half-up': '四舍五入', 'at-least-one': '至少一个' } as const;

/** A quota rule in one line; the default exact rounding is said once, under 取整与并列. */
function quotaText(q: QuotaRule, grades: Map<string, string>): string {
  const names = q.grades.map((g) => grades.get(g) ?? g).join('、');
  const bound = q.bound === 'max' ? '不超过' : '不少于';
  const percent = (q.numerator * 100) / q.denominator;
  const share = Number.isInteger(percent) ? `${percent}%` : `${q.numerator}/${q.denominator}`;
  const base = q.base === 'all' ? '' : '（按已评对象计）';
  const rounding = q.rounding === 'exact' ? '' : `，${ROUNDING_ZH[q.rounding]}`;
  return `每张票「${names}」${bound}${share}${base}${rounding}`;
}

function scaleText(i: Instrument): string {
  if (i.kind === 'grade') return `等次 ${i.grades.map((g) => `${g.label} ${g.points}`).join('、')} 分`;
  if (i.kind === 'score') return `打分 ${i.min}–${i.max} 分（步长 ${i.step}）${i.adjustments ? '，现场加减分有上限并须写明理由' : ''}`;
  return '加分减分之和直接计入总分（不折算），每项须写明理由';
}

function instrumentLines(i: Instrument, groups: CampaignDefinition['raterGroups']): string[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const group = (id: string): string => `${byId.get(id)?.name ?? id}（${byId.get(id)?.mode === 'named' ? '实名' : '匿名'}）`;
  const several = i.groupWeights.length > 1;
  const raters = several
    ? `测评组及权重：${i.groupWeights.map((g) => `${group(g.groupId)}${g.weight}`).join('，')}；各组分别汇总后按权重合成${i.missingGroup === 'renormalize' ? '，某组无有效票时其余组权重按比例重新归一' : '，某组无有效票时该组按 0 分计'}`
    : `测评组：${i.groupWeights.map((g) => group(g.groupId)).join('')}`;
  const grades = new Map(i.kind === 'grade' ? i.grades.map((g) => [g.key, g.label]) : []);
  const quotas = i.kind === 'grade' && i.quotaRules.length > 0 ? `比例限制：${i.quotaRules.map((q) => quotaText(q, grades)).join('；')}${i.allowAbstain ? '；弃权项计入分母' : ''}` : '';
  return [`${scaleText(i)}；汇总方法：${method(i.aggregation)}`, raters, quotas].filter(Boolean);
}

function cover(w: Writer, x: ResultsExport): void {
  const doc = w.doc;
  const center = { align: 'center' as const, width: w.width };
  doc.y = 200;
  w.title(x.results.name, 24, { align: 'center' });
  doc.y += 10;
  w.title('测评结果报告', 20, { align: 'center' });
  doc.y += 50;
  const p = x.publication;
  const lines = [
    `生成时间：${zhDateTime(x.generatedAt)}`,
    `有效票 ${x.results.ballots.valid} 张，无效票 ${x.results.ballots.invalid} 张，因测评会无效未计入 ${x.results.ballots.excluded} 张`,
    p ? `公示期：${zhDate(p.noticeDate)}至${zhDate(p.objectionEndDate)}（共 ${p.objectionDays} 天）` : '状态：尚未发布公示',
    p?.issuer ? `发布单位：${p.issuer}` : '',
  ].filter(Boolean);
  doc.font(FONT).fontSize(12).fillColor('#333');
  for (const line of lines) doc.text(line, MARGIN, doc.y, center).moveDown(0.4);
  if (p) {
    doc.moveDown(0.2).fontSize(10).text('公示校验码（SHA-256）', MARGIN, doc.y, center);
    doc.fontSize(9).text(p.resultsHash, MARGIN, doc.y, center);
  }
  doc.y = doc.page.height - MARGIN - 60;
  doc.fontSize(9).fillColor('#666');
  doc.text(`本报告中的得分均由原始选票精确计算，只在显示时四舍五入保留 ${x.results.precision} 位小数。`, MARGIN, doc.y, center);
  doc.text('导出包含全部原始选票，可据此离线重新计票复核。', MARGIN, doc.y, center);
}

function rankingSection(w: Writer, x: ResultsExport, rk: PresentedRanking): void {
  const spec = x.definition.rankings.find((s) => s.id === rk.rankingId);
  const remarks = x.remarks[rk.rankingId] ?? [];
  const adjusted = (spec?.adjustmentInstrumentIds.length ?? 0) > 0;
  const plan = planTable(w, rk, remarks, adjusted);
  // The heading goes where its table starts: on a landscape page when the table needs one.
  w.ensure(180, plan.layout);
  w.heading(rk.name, 15, 120);
  w.para(rk.tiers.map((t) => `${t.label} ${t.filled} 个${t.cap === null ? '' : `（上限 ${t.cap}）`}`).join('；'));
  w.doc.y += 4;
  rankingTable(w, rk, remarks, adjusted, plan);
  barChart(w, rk);
}

function methodSection(w: Writer, def: CampaignDefinition, x: ResultsExport): void {
  if (w.room < 220 || w.doc.page.width > w.doc.page.height) w.newPage();
  w.heading('计分方法说明', 18, 80);
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const rankingResults = new Map(x.results.rankings.map((r) => [r.rankingId, r]));
  for (const spec of def.rankings) rankingMethod(w, spec, instruments, rankingResults.get(spec.id));
  w.heading('评价方式', 14);
  for (const i of def.instruments) {
    w.title(`【${i.name}】`, 11, { keepWith: 40 });
    for (const line of instrumentLines(i, def.raterGroups)) w.para(`· ${line}`);
  }
  w.heading('取整与并列', 14);
  w.para('· 等次分值和分数均折算为百分制（÷ 满分 × 100）后汇总；加减分按原分值计入。');
  w.para(`· 所有得分以精确分数计算，只在显示时四舍五入保留 ${def.precision} 位小数。`);
  w.para(`· 并列按${def.tieJudgement === 'exact' ? '未取整的精确值' : `公布的 ${def.precision} 位小数值`}判断；并列者名次相同（如 1、2、2、4）。${def.tieJudgement === 'exact' ? '因此总分显示相同的单位名次可能不同，表中“说明”栏注明。' : ''}`);
  w.para('· 比例限制用整数比较，上限向下取整、下限向上取整（如 6 个对象「好 ≤ 40%」即最多 2 个），不用浮点数。');
  w.para('· 结果等次从排名顶端依次填入；并列跨越等次分界时不拆分、不超出上限，并列者留在下一等次并标注待人工裁定。');
  w.para('· 测评会须实到人数过半方有效；收回票数多于发出票数的测评会无效，其选票不计入结果。');
}

function rankingMethod(w: Writer, spec: RankingSpec, instruments: Map<string, Instrument>, result: PresentedRanking | undefined): void {
  w.title(`【${spec.name}】`, 12, { keepWith: 40 });
  const name = (id: string): string => instruments.get(id)?.name ?? id;
  const adjustments = spec.adjustmentInstrumentIds.map((id) => (name(id) === '加减分' ? name(id) : `${name(id)}（加减分）`));
  w.para(`· 总分 = ${spec.components.map((c) => `${name(c.instrumentId)} × ${c.weight}%`).join(' + ')}${adjustments.length > 0 ? ` + ${adjustments.join(' + ')}` : ''}`);
  const tieBreaks = spec.tieBreaks.length > 0 ? `；总分相同时依次比较${spec.tieBreaks.map((t) => name(t.instrumentId)).join('、')}` : '';
  w.para(`· 缺少某项得分时${spec.missingComponent === 'zero' ? '该项按 0 分计并标注' : '其余各项权重按比例重新归一'}${tieBreaks}`);
  const caps = new Map((result?.tiers ?? []).map((t) => [t.key, t.cap]));
  const tiers = spec.tiers.map((t, i) => {
    if (i === spec.tiers.length - 1) return `${t.label}：其余`;
    const cap = caps.get(t.key);
    const percent = (t.numerator * 100) / t.denominator;
    const share = Number.isInteger(percent) ? `${percent}%` : `${t.numerator}/${t.denominator}`;
    return `${t.label}：不超过${share}${t.rounding === 'exact' ? '' : `（${ROUNDING_ZH[t.rounding]}）`}${cap == null ? '' : `，本次最多 ${cap} 个`}`;
  });
  if (tiers.length > 0) w.para(`· 结果等次：${tiers.join('；')}`);
}

export async function resultsPdf(x: ResultsExport): Promise<Buffer> {
  const pdf = cjkPdf({ title: `${x.results.name} 测评结果报告`, createdAt: x.generatedAt });
  const w = new Writer(pdf.doc);
  cover(w, x);
  w.newPage();
  for (const rk of x.results.rankings) rankingSection(w, x, rk);
  methodSection(w, x.definition, x);
  return pdf.finish();
}
