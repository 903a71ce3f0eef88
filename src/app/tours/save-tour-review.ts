/**
 * 记录调度点评会: date, place, attendees, a comment per site of the county on the tour, the county's remarks and
 * optionally a score on the instrument's scale. The score counts in 观摩评 only when the tour's review group is one the
 * instrument weighs (domain/tours/counting.ts); otherwise it is recorded and printed. Saved again, it replaces what
 * was recorded (the minutes are the office's text, not ballots).
 */
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { ReviewInput, TourReview } from '../../contracts/tours.js';
import { saveTourReview } from '../../db/repositories/tours.js';
import { checkValue, exactOf, OK } from '../../domain/decimal-check.js';
import { isDecimal } from '../../domain/exact.js';
import { reviewScoresCount } from '../../domain/tours/counting.js';
import type { ScoreInstrument } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { invalidField } from '../training/refusals.js';
import { announceRecount } from './announce-recount.js';
import { presentReview, tourCounties } from './list-tour-reviews.js';
import { loadTourSetup, requireTour } from './tour-setup.js';

function checkScore(instrument: ScoreInstrument, score: string): void {
  if (instrument.criteria !== null) throw invalidField('score', MESSAGES.tourReviewScoreCriteria);
  const ok = isDecimal(score) && checkValue(score, exactOf(instrument.min), exactOf(instrument.max), exactOf(instrument.step)) === OK;
  if (!ok) throw invalidField('score', MESSAGES.tourReviewScoreInvalid(score, instrument.min, instrument.max, instrument.step));
}

export async function saveReview(ctx: AppContext, actor: Actor, tourId: string, unitId: string, input: ReviewInput): Promise<TourReview> {
  const db = ctx.database.db;
  const tour = await requireTour(db, tourId);
  const setup = await loadTourSetup(ctx, tour);
  const county = (await tourCounties(ctx, setup)).find((c) => c.unitId === unitId);
  if (!county) throw notFound('tourCounty', unitId);
  const comments: Record<string, string> = {};
  input.siteComments.forEach((c, i) => {
    if (!county.sites.some((s) => s.subjectId === c.subjectId) || Object.hasOwn(comments, c.subjectId)) {
      throw invalidField(`siteComments.${i}.subjectId`, MESSAGES.tourReviewSiteUnknown(c.subjectId));
    }
    if (c.comment !== '') comments[c.subjectId] = c.comment;
  });
  if (input.score !== null) checkScore(setup.instrument, input.score);

  const row = {
    tour_id: tourId,
    unit_id: unitId,
    campaign_id: tour.campaign_id,
    held_on: input.heldOn,
    place: input.place,
    attendees: JSON.stringify(input.attendees),
    site_comments: JSON.stringify(comments),
    remarks: input.remarks,
    score: input.score,
    updated_at: ctx.clock().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await saveTourReview(trx, row);
    await recordAudit(trx, ctx, actor, 'tour.review.save', 'tour_review', `${tourId}/${unitId}`, { heldOn: row.held_on, attendees: input.attendees.length, score: row.score });
  });
  const counts = reviewScoresCount(setup.index.def, { instrumentId: tour.instrument_id, reviewGroupId: tour.review_group_id });
  if (counts) announceRecount(ctx, tour.session_id);
  return presentReview(county, row, counts);
}
