/** A stored ballot's content hash is written around its ratings' stored text, and must be the very hash of old. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ballotContentHash, storedBallot } from '../../src/app/ballots/stored-ballot.js';
import { canonicalJson, contentHash } from '../../src/app/kernel/canonical.js';
import { ratingSchema } from '../../src/contracts/definition.js';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const rating = fc.record(
  {
    subjectId: text,
    grade: text,
    score: fc.constantFrom('87.5', '60', '0.25'),
    abstain: fc.boolean(),
    opinion: text,
    criteria: fc.dictionary(text, fc.constantFrom('1', '2.5')),
    adjustments: fc.array(fc.record({ itemId: text, points: fc.constantFrom('1', '0.5'), reason: text }), { maxLength: 2 }),
  },
  { requiredKeys: ['subjectId'] },
);
const header = fc.record({ instrumentId: text, raterGroupId: text, raterName: fc.option(text), boundUnitId: fc.option(text) });

test('the content hash equals the hash of the canonical content, whatever the ratings and names hold (property)', () => {
  fc.assert(
    fc.property(header, fc.array(rating, { maxLength: 5 }), (h, ratings) => {
      const content = { instrumentId: h.instrumentId, raterGroupId: h.raterGroupId, raterName: h.raterName, boundUnitId: h.boundUnitId, ratings };
      assert.equal(ballotContentHash(h, canonicalJson(ratings)), contentHash(content));
    }),
    { numRuns: 3000 },
  );
});

test('a parsed rating lists its keys sorted, so its stored text is what JSON.stringify writes', () => {
  const parsed = ratingSchema.parse({ subjectId: 's-1', opinion: '好', grade: 'good', abstain: false, score: 87.5 });
  assert.deepEqual(Object.keys(parsed), ['abstain', 'grade', 'opinion', 'score', 'subjectId']);
  const row = storedBallot(new Map(), { id: 'b', instrumentId: 'i', raterGroupId: 'g', raterName: null, boundUnitId: null, sessionId: 's', sheetId: 'sh', channel: 'online', ratings: [parsed] }, { campaignId: 'c', receipt: 'R', enteredBy: null });
  assert.equal(row.ratingsJson, JSON.stringify([parsed]));
  assert.deepEqual(JSON.parse(row.ratingsJson!), [parsed]);
  assert.equal(row.contentHash, contentHash({ instrumentId: 'i', raterGroupId: 'g', raterName: null, boundUnitId: null, ratings: [parsed] }));
});
