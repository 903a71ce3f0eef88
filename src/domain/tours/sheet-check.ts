/**
 * 观摩评分表检查: a tour sheet follows the ballot rules (range, step, 加分/减分 items with their caps and reasons, the
 * cap reading), checked as the very ballot it will count as — cast for its stop's site only, so a rating of any other
 * subject is refused as not what the sheet rates.
 */
import { checkBallot } from '../check-ballot.js';
import type { DefinitionIndex } from '../definition-index.js';
import type { BallotProblem } from '../results.js';
import { sheetBallot, type TourForCounting, type TourSheetRecord } from './counting.js';

export function checkTourSheet(
  index: DefinitionIndex,
  tour: Pick<TourForCounting, 'sessionId' | 'instrumentId' | 'raterGroupId'>,
  observer: { id: string; name: string },
  sheet: Pick<TourSheetRecord, 'id' | 'subjectId' | 'rating'>,
): BallotProblem[] {
  return checkBallot(index, sheetBallot(tour, observer, sheet));
}
