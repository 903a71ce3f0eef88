/** Turns a submitted sheet (one ballot per instrument of a session's agenda) into domain ballots and checks it. */
import { AppError, type ErrorDetail } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { BallotRow } from '../../db/records.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';
import { checkBallot } from '../../domain/check-ballot.js';
import type { DefinitionIndex } from '../../domain/definition-index.js';
import type { BallotProblem } from '../../domain/results.js';
import type { Ballot, Rating } from '../../domain/types.js';
import { storedBallot } from './stored-ballot.js';
import { newId } from '../kernel/secrets.js';

export interface SheetInput {
  sheetId: string;
  channel: Ballot['channel'];
  raterGroupId: string;
  raterName: string | null;
  boundUnitId: string | null;
  ballots: { instrumentId: string; ratings: Rating[] }[];
  /** Online sheets: false, the ballot writer names their ballots when it commits them (decision 0009). Default true. */
  nameBallots?: boolean;
}

export interface CheckedSheet {
  ballots: Ballot[];
  /** Problems per ballot, in the order of `ballots`. */
  problems: BallotProblem[][];
}

/** The instruments a rater group answers in this session: the agenda items it is a group of. */
export function agendaFor(index: DefinitionIndex, session: SessionRecord, raterGroupId: string): string[] {
  return session.instrumentIds.filter((i) => index.instruments.get(i)?.groupWeights.some((g) => g.groupId === raterGroupId));
}

export function buildSheet(index: DefinitionIndex, session: SessionRecord, input: SheetInput): CheckedSheet {
  const agenda = agendaFor(index, session, input.raterGroupId);
  const sent = input.ballots.map((b) => b.instrumentId);
  const missing = agenda.filter((i) => !sent.includes(i));
  const extra = sent.filter((i, pos) => !agenda.includes(i) || sent.indexOf(i) !== pos);
  if (missing.length > 0 || extra.length > 0) {
    const name = (i: string) => index.instruments.get(i)?.name ?? i;
    const details: ErrorDetail[] = [
      ...missing.map((i) => ({ path: 'ballots', code: 'agenda_missing', instrumentId: i, message: MESSAGES.ballotMissing(name(i)) })),
      ...extra.map((i) => ({ path: 'ballots', code: 'agenda_extra', instrumentId: i, message: MESSAGES.ballotNotOnAgenda(name(i)) })),
    ];
    throw new AppError('ballot_refused', { details });
  }
  const named = input.nameBallots ?? true;
  const ballots: Ballot[] = input.ballots.map((b) => ({
    id: named ? newId('b') : '',
    instrumentId: b.instrumentId,
    raterGroupId: input.raterGroupId,
    raterName: input.raterName,
    boundUnitId: input.boundUnitId,
    sessionId: session.id,
    sheetId: input.sheetId,
    channel: input.channel,
    ratings: b.ratings,
  }));
  return { ballots, problems: ballots.map((b) => checkBallot(index, b)) };
}

export function problemDetails(sheet: CheckedSheet, only?: BallotProblem['severity']): ErrorDetail[] {
  return sheet.ballots.flatMap((b, i) =>
    (sheet.problems[i] ?? [])
      .filter((p) => only === undefined || p.severity === only)
      .map((p) => ({ path: `ballots.${i}`, instrumentId: b.instrumentId, ...p })),
  );
}

export function toRows(index: DefinitionIndex, sheet: CheckedSheet, campaignId: string, receipt: string, enteredBy: string | null): BallotRow[] {
  return sheet.ballots.map((b) => storedBallot(index.instruments, b, { campaignId, receipt, enteredBy }));
}
