/**
 * 计票: the whole tally of a campaign from its definition and raw ballots — sessions, valid and invalid ballots,
 * per-subject aggregates, rankings and tiers. Pure: the server, the CLI and the offline verifier all call this.
 *
 * A `RunningTally` is the same count kept open: ballots are append-only, so ballots stored later are added to the
 * values collected so far (`add`) and `finish` gives the tally of every ballot added, equal to `tallyCampaign` over
 * them, whatever the order and however they were split. `tallyCampaign` is a running tally finished once.
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

export function tallyCampaign(def: CampaignDefinition, ballots: Ballot[], options: TallyOptions = {}): Tally {
  return new RunningTally(def, ballots, options).finish();
}

/** What a session has counted so far. */
interface SessionCounts {
  sheets: Set<string>;
  invalidSheets: Set<string>;
  validBallots: number;
  invalidBallots: number;
  abstentions: number;
}

/**
 * `add` answers 'recount' (and adds nothing) when a ballot cannot simply be appended: one in a closed session, whose
 * verdict — and so whether its ballots count at all — a new sheet may change. The caller then counts from scratch.
 */
export type AddOutcome = 'added' | 'recount';

export class RunningTally {
  readonly def: CampaignDefinition;
  readonly #index: DefinitionIndex;
  readonly #check: NonNullable<TallyOptions['check']>;
  readonly #sessions = new Map<string, { session: Session; counts: SessionCounts }>();
  /** Closed sessions that do not count (no quorum, void): their ballots are left out of every result. */
  readonly #excluded: Set<string>;
  readonly #collectors: Map<string, InstrumentValues>;
  /** Every ballot added, by position; the values collected refer to ballots by it. */
  readonly #ballotIds: string[] = [];
  #seen: Set<string> | null = null;
  #idOrdered = true;
  readonly #counts = { total: 0, valid: 0, invalid: 0, excluded: 0 };
  readonly #invalidBallots: Tally['invalidBallots'] = [];
  /** Instruments given a value since they were last finished, and what they finished as. */
  readonly #changed = new Set<string>();
  readonly #finished = new Map<string, InstrumentTally>();

  constructor(def: CampaignDefinition, ballots: readonly Ballot[] = [], options: TallyOptions = {}) {
    this.def = def;
    this.#index = indexDefinition(def);
    this.#check = options.check ?? checkBallot;
    const returned = new Map<string, Set<string>>(def.sessions.map((s) => [s.id, new Set()]));
    for (const b of ballots) if (b.sessionId !== null) returned.get(b.sessionId)?.add(b.sheetId);
    for (const s of def.sessions) {
      this.#sessions.set(s.id, { session: s, counts: { sheets: new Set(), invalidSheets: new Set(), validBallots: 0, invalidBallots: 0, abstentions: 0 } });
    }
    // Only a closed session's verdict is final; an open or draft one is counted provisionally.
    this.#excluded = new Set(def.sessions.filter((s) => s.status === 'closed' && judgeSession(s, returned.get(s.id)!.size).status !== 'valid').map((s) => s.id));
    const ratingsPerInstrument = new Map<string, number>();
    for (const b of ballots) ratingsPerInstrument.set(b.instrumentId, (ratingsPerInstrument.get(b.instrumentId) ?? 0) + b.ratings.length);
    this.#collectors = new Map(def.instruments.map((i) => [i.id, prepareInstrument(i, ratingsPerInstrument.get(i.id) ?? 0)]));
    for (const i of def.instruments) this.#changed.add(i.id);
    // Ballots are taken in the order given: nothing counted depends on it (see finish).
    for (const b of ballots) this.#count(b);
  }

  /** Ballots counted so far. */
  get size(): number {
    return this.#ballotIds.length;
  }

  /** Whether the ballot with this id was counted. */
  has(ballotId: string): boolean {
    return this.#seenIds().has(ballotId);
  }

  /**
   * Adds ballots stored since; one already counted (same id) is skipped, so ballots heard of twice — from the writer
   * and from a read of the database — count once. All or nothing: see AddOutcome.
   */
  add(ballots: readonly Ballot[]): AddOutcome {
    for (const b of ballots) {
      if (b.sessionId !== null && this.#sessions.get(b.sessionId)?.session.status === 'closed') return 'recount';
    }
    const seen = this.#seenIds();
    for (const b of ballots) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      this.#count(b);
    }
    return 'added';
  }

  #seenIds(): Set<string> {
    return (this.#seen ??= new Set(this.#ballotIds));
  }

  #count(ballot: Ballot): void {
    const position = this.#ballotIds.length;
    const last = this.#ballotIds[position - 1];
    if (last !== undefined && !(last < ballot.id)) this.#idOrdered = false;
    this.#ballotIds.push(ballot.id);
    const session = ballot.sessionId === null ? undefined : this.#sessions.get(ballot.sessionId)?.counts;
    const collector = this.#collectors.get(ballot.instrumentId);
    let problems = this.#check(this.#index, ballot);
    if (problems.length === 0 && !collector) problems = [unknownInstrument(ballot.instrumentId)];
    const isExcluded = ballot.sessionId !== null && this.#excluded.has(ballot.sessionId);
    let abstentions = 0;
    if (problems.length === 0 && isExcluded) {
      for (const r of ballot.ratings) if (r.abstain) abstentions++;
    } else if (problems.length === 0) {
      const added = addBallot(collector!, ballot, position);
      if (typeof added === 'number') abstentions = added;
      else problems = [added];
      this.#changed.add(ballot.instrumentId);
    }
    if (session) {
      session.sheets.add(ballot.sheetId);
      if (problems.length > 0) {
        session.invalidBallots++;
        session.invalidSheets.add(ballot.sheetId);
      } else {
        session.validBallots++;
        session.abstentions += abstentions;
      }
    }
    this.#counts.total++;
    if (isExcluded) this.#counts.excluded++;
    else if (problems.length > 0) {
      this.#counts.invalid++;
      this.#invalidBallots.push({ ballotId: ballot.id, sessionId: ballot.sessionId, channel: ballot.channel, problems });
    } else this.#counts.valid++;
  }

  /**
   * The tally of every ballot added so far. Tie order among equal values (by ballot id) matters only where ballot ids
   * are shown, and groupValues puts ties in id order when they are read; sorting 150,000 ids instead would cost ~0.1 s
   * (storage returns sealed sessions one after another). An instrument no ballot reached since the last finish is
   * reused as it was; the others are finished again from their collected values: one counting sort over them, no
   * ballot read again (see docs/decisions/0020-submit-path.md for what it costs).
   */
  finish(): Tally {
    for (const id of this.#changed) this.#finished.set(id, finishInstrument(this.#collectors.get(id)!, this.#ballotIds, this.#idOrdered));
    this.#changed.clear();
    const instruments = this.def.instruments.map((i) => this.#finished.get(i.id)!);
    const invalidBallots = [...this.#invalidBallots];
    if (!this.#idOrdered) invalidBallots.sort((a, b) => (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0));
    const sessions = this.def.sessions.map((s): SessionTally => {
      const c = this.#sessions.get(s.id)!.counts;
      return {
        ...judgeSession(s, c.sheets.size),
        validBallots: c.validBallots,
        invalidBallots: c.invalidBallots,
        sheetsWithInvalid: c.invalidSheets.size,
        abstentions: c.abstentions,
      };
    });
    return {
      campaignId: this.def.id,
      ballots: { ...this.#counts },
      invalidBallots,
      sessions,
      instruments,
      rankings: rankAll(this.#index, instruments),
    };
  }
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
