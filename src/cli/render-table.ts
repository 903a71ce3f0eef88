/** Human-readable tables of a presented tally, for `leitai tally --format table`. */
import Table from 'cli-table3';
import type { PresentedTally } from '../domain/present.js';
import type { CampaignDefinition } from '../domain/types.js';

export function renderRankingTables(def: CampaignDefinition, results: PresentedTally): string {
  const out: string[] = [`${results.name}（${def.id}）`];
  const b = results.ballots;
  out.push(`选票 ballots: ${b.total}  有效 valid: ${b.valid}  无效 invalid: ${b.invalid}  未计入 excluded: ${b.excluded}`);
  for (const ranking of results.rankings) {
    const componentNames = ranking.rows[0]?.components.map((c) => `${c.name} ${c.weight.display}%`) ?? [];
    const table = new Table({
      head: ['名次', '单位', '总分', '等次', ...componentNames, '加减分'],
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of ranking.rows) {
      table.push([
        String(row.rank),
        row.name,
        row.total.display,
        (row.tierLabel ?? '') + (row.tierTie ? ' ⚠人工裁定' : ''),
        ...row.components.map((c) => c.score?.display ?? '—'),
        row.adjustments.display,
      ]);
    }
    out.push('', `【${ranking.name}】`, table.toString());
    const tiers = ranking.tiers.map((t) => `${t.label} ${t.filled}${t.cap === null ? '' : `/${t.cap}`}`).join('  ');
    out.push(`等次 tiers: ${tiers}`);
  }
  if (results.invalidBallots.length > 0) {
    out.push('', '【无效票 invalid ballots】');
    for (const ib of results.invalidBallots) out.push(`  ${ib.ballotId} (${ib.channel}): ${ib.problems.map((p) => p.message.zh).join('；')}`);
  }
  return out.join('\n') + '\n';
}
