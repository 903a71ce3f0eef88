import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RunningTally, tallyCampaign } from '../../src/domain/tally.js';
import type { GroupValue } from '../../src/domain/results.js';
import type { Ballot, CampaignDefinition, Rating } from '../../src/domain/types.js';
import { fullText } from '../helpers/full-tally.js';
import { fullCampaign, quotaRule, session } from './factories.js';

/**
 * fullCampaign with a quota rule on 汇报评 (so some ballots break it) and four sessions: s1 open, s2 draft, s3 closed
 * and counting, s4 closed without quorum (its ballots are left out).
 */
function campaign(): CampaignDefinition {
  const def = fullCampaign();
  const instrumentIds = def.instruments.map((i) => i.id);
  return {
    ...def,
    instruments: def.instruments.map((i) => (i.id === 'report' && i.kind === 'grade' ? { ...i, quotaRules: [quotaRule()] } : i)),
    sessions: [
      session({ id: 's1', instrumentIds, issued: { office: 500, taskforce: 100 }, status: 'open' }),
      session({ id: 's2', instrumentIds, issued: { office: 500 }, status: 'draft' }),
      session({ id: 's3', instrumentIds, expected: { office: 2 }, issued: { office: 500 }, status: 'closed' }),
      session({ id: 's4', instrumentIds, expected: { office: 400 }, issued: { office: 500 }, status: 'closed' }),
    ],
  };
}

const DEF = campaign();

/** One rating per subject, from a random number: mostly well formed, now and then abstaining or broken. */
function rating(def: CampaignDefinition, instrumentId: string, subjectId: string, r: number): Rating | null {
  const instrument = def.instruments.find((i) => i.id === instrumentId)!;
  if (r % 97 === 0) return null; // a subject left off the ballot
  if (r % 89 === 0) return { subjectId: 'no-such-subject', grade: 'good' };
  if (instrument.kind === 'grade') {
    if (r % 7 === 0 && (instrument.allowAbstain || r % 5 === 0)) return { subjectId, abstain: true };
    if (r % 83 === 0) return { subjectId, grade: 'no-such-grade' };
    return { subjectId, grade: instrument.grades[r % instrument.grades.length]!.key };
  }
  if (instrument.kind === 'score') {
    // Steps of 0.5 between 60 and 100, some off the scale.
    return { subjectId, score: String(r % 61 === 0 ? 120 : 60 + (r % 81) / 2) };
  }
  // Bonuses and deductions in quarters: a value finer than those collected so far rescales them.
  const points = String((1 + (r % 12)) / 4);
  return { subjectId, adjustments: r % 3 === 0 ? [] : [{ itemId: r % 2 === 0 ? 'highlight' : 'shortcoming', points, reason: '理由' }] };
}

const ballotArb = fc.record({
  instrument: fc.constantFrom(...DEF.instruments.map((i) => i.id)),
  named: fc.boolean(),
  session: fc.constantFrom<string | null>('s1', 's1', 's1', 's2', 's3', 's4', null),
  sheet: fc.integer({ min: 0, max: 40 }),
  numbers: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
});

/** Ballots with unique random ids (so they come in no particular id order). */
const ballotsArb = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.tuple(fc.uniqueArray(fc.stringMatching(/^b_[0-9a-f]{6}$/), { minLength: n, maxLength: n }), fc.array(ballotArb, { minLength: n, maxLength: n })).map(([ids, specs]) =>
    specs.map((s, k): Ballot => {
      const instrument = DEF.instruments.find((i) => i.id === s.instrument)!;
      // Now and then a group the instrument does not take.
      const named = s.named && (instrument.groupWeights.some((g) => g.groupId === 'taskforce') || s.sheet % 13 === 0);
      const ratings = instrument.subjectIds.map((subjectId, i) => rating(DEF, instrument.id, subjectId, s.numbers[i % s.numbers.length]! + i)).filter((r): r is Rating => r !== null);
      return {
        id: ids[k]!,
        instrumentId: instrument.id,
        raterGroupId: named ? 'taskforce' : 'office',
        raterName: named ? `专班成员${s.sheet}` : null,
        boundUnitId: null,
        sessionId: s.session,
        sheetId: `${s.session}-sheet-${s.sheet}`,
        channel: 'online',
        ratings,
      };
    }),
  ),
);

describe('RunningTally', () => {
  it('equals a count from scratch after any sequence of appends, in any split and order (property)', () => {
    fc.assert(
      fc.property(ballotsArb, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 20 }), (ballots, sizes, startWith) => {
        const initial = ballots.slice(0, startWith);
        let running = new RunningTally(DEF, initial);
        const counted = [...initial];
        assert.equal(fullText(running.finish()), fullText(tallyCampaign(DEF, counted)));
        let at = initial.length;
        for (const size of sizes) {
          if (at >= ballots.length) break;
          // Now and then a ballot heard of twice (the writer, then a read of the database): counted once.
          const batch = ballots.slice(at, at + size);
          if (at > 0 && size % 3 === 0) batch.push(ballots[at - 1]!);
          at += size;
          const fresh = batch.filter((b) => !counted.includes(b));
          const closed = batch.some((b) => b.sessionId === 's3' || b.sessionId === 's4');
          const outcome = running.add(batch);
          counted.push(...fresh);
          if (closed) {
            // A sheet in a closed session may change its verdict: nothing was added, the caller counts again.
            assert.equal(outcome, 'recount');
            running = new RunningTally(DEF, counted);
          } else assert.equal(outcome, 'added');
          assert.equal(running.size, counted.length);
          // From scratch in id order: the way a count reads ballots that came in no order at all.
          assert.equal(fullText(running.finish()), fullText(tallyCampaign(DEF, byId(counted))));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lists each group’s grade values sorted by points, then by ballot id, as a plain sort of the valid ballots does (property)', () => {
    fc.assert(
      fc.property(ballotsArb, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (ballots, sizes) => {
        const running = new RunningTally(DEF, []);
        let at = 0;
        for (const size of sizes) {
          running.add(ballots.slice(at, at + size).filter((b) => b.sessionId !== 's3' && b.sessionId !== 's4'));
          at += size;
        }
        const tally = running.finish();
        const invalid = new Set(tally.invalidBallots.map((b) => b.ballotId));
        const counted = ballots.slice(0, at).filter((b) => b.sessionId !== 's3' && b.sessionId !== 's4' && !invalid.has(b.id));
        for (const instrument of DEF.instruments) {
          if (instrument.kind !== 'grade') continue;
          const points = new Map(instrument.grades.map((g) => [g.key, Number(g.points)]));
          const subjects = tally.instruments.find((i) => i.instrumentId === instrument.id)!.subjects;
          for (const subject of subjects) {
            for (const group of subject.groups) {
              const expected: GroupValue[] = counted
                .filter((b) => b.instrumentId === instrument.id && b.raterGroupId === group.groupId)
                .flatMap((b) => b.ratings.filter((r) => r.subjectId === subject.subjectId && r.grade !== undefined).map((r) => ({ ballotId: b.id, raw: points.get(r.grade!)! })))
                .sort((a, b) => a.raw - b.raw || (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0));
              assert.deepEqual(group.values, expected);
              assert.equal(group.count, expected.length);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('adds nothing of a batch that holds a ballot of a closed session', () => {
    const [open, closed] = [{ ...ballotOf('s1'), id: 'b_1' }, { ...ballotOf('s3'), id: 'b_2' }];
    const running = new RunningTally(DEF, []);
    assert.equal(running.add([open, closed]), 'recount');
    assert.equal(running.size, 0);
    assert.equal(running.has('b_1'), false);
    assert.equal(running.add([open]), 'added');
    assert.equal(running.has('b_1'), true);
  });

  it('finishes an instrument again only when a ballot reached it, and an earlier finish stays as it was', () => {
    const running = new RunningTally(DEF, [{ ...ballotOf('s1'), id: 'b_1' }]);
    const first = running.finish();
    const reportBefore = fullText({ ...first, rankings: [] });
    running.add([{ ...ballotOf('s1', 'observe'), id: 'b_0' }]);
    const second = running.finish();
    assert.equal(second.instruments.find((i) => i.instrumentId === 'report'), first.instruments.find((i) => i.instrumentId === 'report'));
    assert.notEqual(second.instruments.find((i) => i.instrumentId === 'observe'), first.instruments.find((i) => i.instrumentId === 'observe'));
    assert.equal(fullText({ ...first, rankings: [] }), reportBefore);
    assert.equal(first.ballots.total, 1);
    assert.equal(second.ballots.total, 2);
  });
});

const byId = (ballots: Ballot[]): Ballot[] => [...ballots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function ballotOf(sessionId: string, instrumentId = 'report'): Omit<Ballot, 'id'> {
  const instrument = DEF.instruments.find((i) => i.id === instrumentId)!;
  return {
    instrumentId,
    raterGroupId: 'office',
    raterName: null,
    boundUnitId: null,
    sessionId,
    sheetId: `${sessionId}-sheet`,
    channel: 'online',
    ratings: instrument.subjectIds.map((subjectId, i) => rating(DEF, instrumentId, subjectId, i + 1)!),
  };
}
