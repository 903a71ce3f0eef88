/** 测评结果: every ranking, instrument and session of a campaign, filtered to what the reader may see. */
import { isAtOrBelow, indexDefinition } from '../../domain/definition-index.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import type { AppContext } from '../context.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { Actor } from '../policies/roles.js';
import { computeTally } from './compute-tally.js';
import { assertMayRead } from '../policies/results-access.js';

/** The results, and for the office's unfiltered ones their JSON text as kept with the finish (results-cache.ts). */
export interface ResultsAnswer {
  value: PresentedTally;
  json: string | null;
}

export async function getResults(ctx: AppContext, actor: Actor, campaignId: string): Promise<ResultsAnswer> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  if (scope === null) {
    const def = await requireDefinition(ctx, campaignId);
    return ctx.results.presentedJson(def, (tally) => presentTally(def, tally));
  }
  const { def, tally } = await computeTally(ctx, campaignId);
  // A viewer gets the rows and subject scores of its own units only, and no ballot-level detail.
  const index = indexDefinition(def);
  const own = (unitId: string | undefined) => unitId !== undefined && isAtOrBelow(index, unitId, scope);
  tally.rankings = tally.rankings.map((r) => ({ ...r, rows: r.rows.filter((row) => own(row.unitId)) }));
  tally.instruments = tally.instruments.map((i) => ({ ...i, subjects: i.subjects.filter((st) => own(index.subjects.get(st.subjectId)?.unitId)) }));
  tally.invalidBallots = [];
  return { value: presentTally(def, tally), json: null };
}
