/**
 * 方案检查: the set-up's errors, and for each grade instrument which quota rules can never bind or cannot be met for
 * the real ballot sizes: each session's agenda, and fewer where raters bound to a unit lose their own subjects.
 */
import type { CampaignSetup } from '../contracts/api.js';
import type { SetupCheck } from '../contracts/campaigns.js';
import { checkDefinition } from '../domain/check-definition.js';
import { indexDefinition } from '../domain/definition-index.js';
import { ballotSizes, checkInstrumentRules, describeRules } from '../domain/rule-checker.js';
import type { CampaignDefinition } from '../domain/types.js';
import type { AppContext } from './context.js';
import { assembleDefinition } from './create-campaign.js';
import { requireDefinition } from './load-campaign.js';

export async function checkCampaign(ctx: AppContext, campaignId: string): Promise<SetupCheck> {
  return reviewDefinition(await requireDefinition(ctx, campaignId));
}

/** The same check over a set-up not yet saved (the console's editor checks as the office types). */
export async function checkSetup(ctx: AppContext, setup: CampaignSetup): Promise<SetupCheck> {
  return reviewDefinition(await assembleDefinition(ctx, setup));
}

function reviewDefinition(def: CampaignDefinition): SetupCheck {
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
