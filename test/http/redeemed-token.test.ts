/**
 * A phone's submission after its form was served on the same server does not read its token again
 * (kernel/token-lookup.ts `keepRedeemed`), and answers exactly as a fresh read would: a re-send its first receipt, a
 * token revoked or a session closed since the form its own refusal, a sheet that breaks a rule its details — and
 * nothing stored for any of them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { revokeToken } from '../../src/db/repositories/tokens.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { CITY, COUNTIES, ratings, setup } from './fixtures.js';

type Issued = { tokenId: string; token: string; code: string };

for (const kind of dialects()) {
  describe(`a submission after its form was served (${kind})`, () => {
    let t: TestApp;
    let sessionId = '';
    let tokens: Issued[] = [];
    const form = (token: string) => t.call(null, { method: 'POST', url: '/api/ballot-form', payload: { token } });
    const submit = (token: string, good: number) =>
      t.call(null, { method: 'POST', url: '/api/ballots', payload: { token, ballots: [{ instrumentId: 'i-report', ratings: ratings(good) }] } });
    const storedSheets = async (tokenId: string) =>
      (await t.ctx.database.db.selectFrom('ballots').select('id').where('sheet_id', '=', tokenId).execute()).length;

    before(async () => {
      t = await buildTestApp(kind);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/units', payload: { units: [CITY, ...COUNTIES] } })).statusCode, 201);
      assert.equal((await t.call('organiser', { method: 'POST', url: '/api/campaigns', payload: setup() })).statusCode, 201);
      const created = await t.call('organiser', { method: 'POST', url: '/api/campaigns/camp1/sessions', payload: { name: '汇报点评会', instrumentIds: ['i-report'], expected: { 'g-office': 6 } } });
      assert.equal(created.statusCode, 201, created.body);
      sessionId = created.json().id;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/open` })).statusCode, 200);
      const issued = await t.call('clerk', { method: 'POST', url: `/api/sessions/${sessionId}/tokens`, payload: { raterGroupId: 'g-office', count: 6 } });
      assert.equal(issued.statusCode, 201, issued.body);
      tokens = issued.json();
    });
    after(() => t.close());

    it('stores the sheet without looking its token up again, and a re-send gets the first receipt', async () => {
      assert.equal((await form(tokens[0]!.token)).statusCode, 200);
      const before = t.ctx.tokens.queries;
      const first = await submit(tokens[0]!.token, 2);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(t.ctx.tokens.queries, before, 'the submission read no token');
      const again = await submit(tokens[0]!.token, 2);
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), { ...first.json(), duplicate: true });
      assert.equal(t.ctx.tokens.queries, before + 1, 'a second submission reads its token');
      assert.equal(await storedSheets(tokens[0]!.tokenId), 1);
      const shown = await form(tokens[0]!.token);
      assert.deepEqual(shown.json().token, { status: 'used', receipt: first.json().receipt });
    });

    it('answers a token revoked after its form as revoked, and stores nothing', async () => {
      assert.equal((await form(tokens[1]!.token)).statusCode, 200);
      assert.equal(await revokeToken(t.ctx.database.db, tokens[1]!.tokenId), true);
      const res = await submit(tokens[1]!.token, 2);
      assert.equal(res.statusCode, 410, res.body);
      assert.equal(res.json().error.code, 'token_revoked');
      assert.equal(await storedSheets(tokens[1]!.tokenId), 0);
    });

    it('refuses a sheet that breaks a rule with the same details as without the form, and takes the fixed one', async () => {
      const plain = await submit(tokens[3]!.token, 3);
      assert.equal((await form(tokens[2]!.token)).statusCode, 200);
      const kept = await submit(tokens[2]!.token, 3);
      assert.equal(kept.statusCode, 422, kept.body);
      assert.equal(kept.json().error.code, 'ballot_refused');
      assert.deepEqual(kept.json(), plain.json());
      assert.equal(await storedSheets(tokens[2]!.tokenId), 0);
      const fixed = await submit(tokens[2]!.token, 2);
      assert.equal(fixed.statusCode, 201, fixed.body);
    });

    it('answers a changed sheet as a used token when the sheet came in since by its typed code', async () => {
      assert.equal((await form(tokens[3]!.token)).statusCode, 200);
      const byCode = await t.call(null, { method: 'POST', url: '/api/ballots', payload: { code: tokens[3]!.code, ballots: [{ instrumentId: 'i-report', ratings: ratings(2) }] } });
      assert.equal(byCode.statusCode, 201, byCode.body);
      for (const good of [3, 1]) {
        const res = await submit(tokens[3]!.token, good);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'token_used');
      }
      assert.equal(await storedSheets(tokens[3]!.tokenId), 1);
    });

    it('refuses a sheet whose session closed after its form, and stores nothing', async () => {
      assert.equal((await form(tokens[4]!.token)).statusCode, 200);
      assert.equal((await form(tokens[5]!.token)).statusCode, 200);
      // The kept tokens were read while the session was open: the storing transaction refuses them, and the answer
      // comes from a fresh read.
      const before = t.ctx.tokens.queries;
      assert.equal((await t.call('organiser', { method: 'POST', url: `/api/sessions/${sessionId}/close` })).statusCode, 200);
      for (const token of [tokens[4]!, tokens[5]!]) {
        const res = await submit(token.token, 2);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'session_not_open');
        assert.equal(await storedSheets(token.tokenId), 0);
      }
      assert.ok(t.ctx.tokens.queries > before, 'a refused submission is answered from a fresh read');
    });
  });
}
