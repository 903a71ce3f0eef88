/**
 * 计票: the whole tally of a campaign from its definition and raw ballots — sessions, valid and invalid ballots,
 * per-subject aggregates, rankings and tiers. Pure: the server, the CLI and the offline verifier all call this.
 */
import { combineGroups } from './aggregate.js';
import { checkBallot } from './check-ballot.js';
import { addBallot, groupValues, prepareInstrument, unitOf, type InstrumentValues } from './collect.js';
import { indexDefinition, type DefinitionIndex } from './definition-index.js';
import { parseDecimal } from './exact.js';
import { rankAll } from './rank.js';
import type { BallotProblem, InstrumentTally, SessionTally, SubjectTally, Tally } from './results.js';
import type { Ballot, CampaignDefinition, Session } from './types.js';

export interface TallyOptions {
  /** The ballot check to apply; defaults to `checkBallot`. */
  check?: (index: DefinitionIndex, ballot: Ballot) => BallotProblem[];
}

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Quorum (more than half of the expected raters present) and over-return (more sheets back than issued). */
export function judgeSession(session: Session, returned: number): Omit<SessionTally, 'validBallots' | 'invalidBallots' | 'sheetsWithInvalid' | 'abstentions'> {
  const expected = total(session.expected);
  const issued = total(session.issued);
  const present = session.present ?? returned;
  const quorumMet = present * 2 > expected;
  const overReturned = returned > issued;
  const status = overReturned ? 'void' : quorumMet ? 'valid' : 'no-quorum';
  return { sessionId: session.id, expected, issued, returned, present, quorumMet, overReturned, status };
}

function tallySessions(def: CampaignDefinition, ballots: Ballot[]): SessionTally[] {
  const sheets = new Map<string, Set<string>>(def.sessions.map((s) => [s.id, new Set()]));
  for (const b of ballots) if (b.sessionId !== null) sheets.get(b.sessionId)?.add(b.sheetId);
  return def.sessions.map((s) => ({
    ...judgeSession(s, sheets.get(s.id)!.size),
    validBallots: 0,
    invalidBallots: 0,
    sheetsWithInvalid: 0,
    abstentions: 0,
  }));
}

function unknownInstrument(id: string): BallotProblem {
  return {
    code: 'tally-unknown-instrument',
    severity: 'structural',
    params: { instrumentId: id },
    message: { zh: `选票所属评价方式不存在：${id}`, en: `The ballot's instrument does not exist: ${id}` },
  };
}

function finishInstrument(values: InstrumentValues, ballotIds: readonly string[], idOrdered: boolean): InstrumentTally {
  const instrument = values.instrument;
  const unit = unitOf(values);
  const weights = instrument.groupWeights.map((g) => parseDecimal(g.weight));
  const grouped = groupValues(values, ballotIds, idOrdered);
  const subjects: SubjectTally[] = instrument.subjectIds.map((subjectId, position) => {
    const collected = values.subjects.get(subjectId)!;
    const inputs = instrument.groupWeights.map((g, i) => ({
      groupId: g.groupId,
      declaredWeight: weights[i]!,
      values: grouped[position]![i]!,
    }));
    const combined = combineGroups(inputs, unit, instrument.aggregation, instrument.missingGroup);
    const gradeCounts =
      instrument.kind === 'grade' && collected.gradeCounts
        ? Object.fromEntries(instrument.grades.map((g, i) => [g.key, collected.gradeCounts![i]!]))
        : null;
    return { subjectId, ...combined, abstentions: collected.abstentions, gradeCounts };
  });
  return { instrumentId: instrument.id, subjects };
}

export function tallyCampaign(def: CampaignDefinition, ballots: Ballot[], options: TallyOptions = {}): Tally {
  const check = options.check ?? checkBallot;
  const index = indexDefinition(def);
  const sessions = tallySessions(def, ballots);
  const sessionById = new Map(sessions.map((s) => [s.sessionId, s]));
  // Only a closed session's verdict is final; an open or draft one is counted provisionally.
  const excluded = new Set(
    def.sessions.filter((s) => s.status === 'closed' && sessionById.get(s.id)!.status !== 'valid').map((s) => s.id),
  );
  const ratingsPerInstrument = new Map<string, number>();
  for (const b of ballots) ratingsPerInstrument.set(b.instrumentId, (ratingsPerInstrument.get(b.instrumentId) ?? 0) + b.ratings.length);
  const collectors = new Map(def.instruments.map((i) => [i.id, prepareInstrument(i, ratingsPerInstrument.get(i.id) ?? 0)]));
  const counts = { total: ballots.length, valid: 0, invalid: 0, excluded: 0 };
  const invalidBallots: Tally['invalidBallots'] = [];
  const invalidSheets = new Map<string, Set<string>>();

  // Ballots are taken in the order given: nothing counted depends on it. Tie order among equal values (by ballot id)
  // matters only where ballot ids are shown, and groupValues puts ties in id order when they are read; sorting
  // 150,000 ids here instead would cost ~0.1 s (storage returns sealed sessions one after another).
  const ballotIds = ballots.map((b) => b.id);
  let idOrdered = true;
  for (let i = 1; i < ballotIds.length && idOrdered; i++) idOrdered = ballotIds[i - 1]! < ballotIds[i]!;
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i]!;
    const session = ballot.sessionId === null ? undefined : sessionById.get(ballot.sessionId);
    const collector = collectors.get(ballot.instrumentId);
    let problems = check(index, ballot);
    if (problems.length === 0 && !collector) problems = [unknownInstrument(ballot.instrumentId)];
    const isExcluded = session !== undefined && excluded.has(session.sessionId);
    let abstentions = 0;
    if (problems.length === 0 && isExcluded) {
      for (const r of ballot.ratings) if (r.abstain) abstentions++;
    } else if (problems.length === 0) {
      const added = addBallot(collector!, ballot, i);
      if (typeof added === 'number') abstentions = added;
      else problems = [added];
    }
    if (session) {
      if (problems.length > 0) {
        session.invalidBallots++;
        const sheets = invalidSheets.get(session.sessionId) ?? new Set<string>();
        sheets.add(ballot.sheetId);
        invalidSheets.set(session.sessionId, sheets);
      } else {
        session.validBallots++;
        session.abstentions += abstentions;
      }
    }
    if (isExcluded) counts.excluded++;
    else if (problems.length > 0) {
      counts.invalid++;
      invalidBallots.push({ ballotId: ballot.id, sessionId: ballot.sessionId, channel: ballot.channel, problems });
    } else counts.valid++;
  }

  for (const [sessionId, sheets] of invalidSheets) sessionById.get(sessionId)!.sheetsWithInvalid = sheets.size;
  if (!idOrdered) invalidBallots.sort((a, b) => (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0));
  const instruments = def.instruments.map((i) => finishInstrument(collectors.get(i.id)!, ballotIds, idOrdered));
  return {
    campaignId: def.id,
    ballots: counts,
    invalidBallots,
    sessions,
    instruments,
    rankings: rankAll(index, instruments),
  };
}
