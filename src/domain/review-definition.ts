/**
 * 方案检查: the set-up's errors, and for each grade instrument which quota rules can never bind or cannot be met for
 * the real ballot sizes: each session's agenda, and fewer where raters bound to a unit lose their own subjects.
 */
import { checkDefinition } from './check-definition.js';
import { indexDefinition } from './definition-index.js';
import { ballotSizes, checkInstrumentRules, describeRules } from './rule-checker.js';
import type { CampaignDefinition } from './types.js';

export function reviewDefinition(def: CampaignDefinition) {
  const problems = checkDefinition(def);
  const index = indexDefinition(def);
  const instruments = def.instruments.flatMap((instrument) => {
    if (instrument.kind !== 'grade') return [];
    const subjectCounts = ballotSizes(index, instrument).filter((n) => n > 0);
    // limits: each rule as a concrete count per ballot size ("本票最多 2 个“好”"), for the office to read.
    const limits = subjectCounts.map((n) => ({ n, rules: describeRules(instrument, n) }));
    return [{ instrumentId: instrument.id, name: instrument.name, subjectCounts, findings: checkInstrumentRules(instrument, subjectCounts), limits }];
  });
  return { ok: problems.length === 0, problems, instruments };
}
