/**
 * 方案检查: the set-up's errors, and for each grade instrument which quota rules can never bind or cannot be met for
 * the real ballot sizes (all subjects, and fewer where raters bound to a unit lose their own subjects).
 */
import { checkDefinition } from '../domain/check-definition.js';
import { subjectsOnBallot } from '../domain/conflicts.js';
import { indexDefinition } from '../domain/definition-index.js';
import { checkInstrumentRules } from '../domain/rule-checker.js';
import type { AppContext } from './context.js';
import { requireDefinition } from './load-campaign.js';

export async function checkCampaign(ctx: AppContext, campaignId: string) {
  const def = await requireDefinition(ctx, campaignId);
  const problems = checkDefinition(def);
  const index = indexDefinition(def);
  const instruments = def.instruments.flatMap((instrument) => {
    if (instrument.kind !== 'grade') return [];
    const sizes = new Set<number>([subjectsOnBallot(index, instrument, null).length]);
    const owners = new Set(instrument.subjectIds.map((s) => index.subjects.get(s)?.unitId).filter((u): u is string => !!u));
    for (const unitId of owners) sizes.add(subjectsOnBallot(index, instrument, unitId).length);
    const subjectCounts = [...sizes].filter((n) => n > 0).sort((a, b) => b - a);
    return [{ instrumentId: instrument.id, name: instrument.name, subjectCounts, findings: checkInstrumentRules(instrument, subjectCounts) }];
  });
  return { ok: problems.length === 0, problems, instruments };
}
