/**
 * 观摩评分同步: one sheet from an observer's phone queue, stored exactly once by the id the phone made. A re-send of
 * the same sheet stores nothing and answers the first receipt (even after the close); a second sheet for the same
 * stop is a new revision (the latest counts). Refused, storing nothing: a link that is not (or no longer) valid (404),
 * a stop not on this tour (404), an id another observer's sheet or a different sheet has (409), an observer whose seat
 * already signs a ballot in the session (409), a session not open (409, the sheet stays on the phone), a rating that
 * breaks the instrument's rules (422, as for ballots).
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { PhoneSheetInput, SheetReceipt } from '../../contracts/tours.js';
import { getTourSheet, seatsWithBallots, sheetRevision, storeTourSheet, type TourSheetRow } from '../../db/repositories/tour-sheets.js';
import { getTourStop, touchTourObserver, type TourObserverRow } from '../../db/repositories/tours.js';
import { checkTourSheet } from '../../domain/tours/sheet-check.js';
import type { AppContext } from '../context.js';
import { contentHash } from '../kernel/canonical.js';
import { announceRecount } from './announce-recount.js';
import { observerByLink } from './observer-link.js';
import { loadTourSetup, requireTour } from './tour-setup.js';

export async function submitTourSheet(ctx: AppContext, input: PhoneSheetInput): Promise<SheetReceipt> {
  const db = ctx.database.db;
  const { sheet } = input;
  const observer = await observerByLink(db, input.link);
  const hash = contentHash({ stopId: sheet.stopId, rating: sheet.rating });

  const existing = await getTourSheet(db, sheet.id);
  if (existing) return answerExisting(ctx, observer, existing, hash);

  const tour = await requireTour(db, observer.tour_id);
  const stop = await getTourStop(db, sheet.stopId);
  if (!stop || stop.tour_id !== tour.id) throw new AppError('not_found', { message: MESSAGES.tourStopNotOnTour(sheet.stopId) });
  if ((await seatsWithBallots(db, tour.campaign_id, tour.session_id, tour.rater_group_id, [observer.name])).size > 0) throw new AppError('tour_observer_has_ballot');
  const setup = await loadTourSetup(ctx, tour);
  if (setup.session.status !== 'open') throw closed(setup.session);

  const problems = checkTourSheet(setup.index, { sessionId: tour.session_id, instrumentId: tour.instrument_id, raterGroupId: tour.rater_group_id }, observer, { id: sheet.id, subjectId: stop.subject_id, rating: sheet.rating });
  if (problems.length > 0) throw new AppError('ballot_refused', { details: problems.map((p) => ({ path: 'sheet.rating', ...p })) });

  const receivedAt = ctx.clock().toISOString();
  const result = await storeTourSheet(
    db,
    {
      id: sheet.id,
      campaign_id: tour.campaign_id,
      tour_id: tour.id,
      observer_id: observer.id,
      stop_id: stop.id,
      subject_id: stop.subject_id,
      rating: JSON.stringify(sheet.rating),
      content_hash: hash,
      scored_at: sheet.scoredAt,
      received_at: receivedAt,
    },
    tour.session_id,
  );
  if (result.outcome === 'not-open') throw closed({ ...setup.session, status: result.status ?? 'closed' });
  if (result.outcome === 'exists') {
    // The same sheet sent twice at once: the other request stored it.
    return answerExisting(ctx, observer, (await getTourSheet(db, sheet.id))!, hash);
  }
  await touchTourObserver(db, observer.id, 'synced', receivedAt);
  announceRecount(ctx, tour.session_id);
  return { id: sheet.id, status: 'stored', receivedAt, revision: await sheetRevision(db, result.sheet) };
}

function closed(session: { name: string; status: string }): AppError {
  return session.status === 'draft' ? new AppError('tour_closed', { message: MESSAGES.tourSessionNotOpen(session.name) }) : new AppError('tour_closed');
}

async function answerExisting(ctx: AppContext, observer: TourObserverRow, existing: TourSheetRow, hash: string): Promise<SheetReceipt> {
  if (existing.observer_id !== observer.id || existing.content_hash !== hash) throw new AppError('tour_sheet_conflict');
  await touchTourObserver(ctx.database.db, observer.id, 'synced', ctx.clock().toISOString());
  return { id: existing.id, status: 'duplicate', receivedAt: existing.received_at, revision: await sheetRevision(ctx.database.db, existing) };
}
