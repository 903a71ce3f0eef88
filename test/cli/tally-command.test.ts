import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/contracts/bundle.js';
import { buildJinchengDemo } from '../../src/demo/jincheng.js';
import { presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/leitai.js', import.meta.url).pathname;

describe('leitai tally <bundle.json>', () => {
  let dir = '';
  let file = '';
  let expected: unknown;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leitai-cli-'));
    const { definition, ballots } = buildJinchengDemo();
    expected = JSON.parse(JSON.stringify(presentTally(definition, tallyCampaign(definition, ballots))));
    file = join(dir, 'bundle.json');
    await writeFile(file, JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: '2022-06-30T00:00:00Z', definition, ballots, results: expected }));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('prints the recomputed results as JSON and confirms they match the bundle', async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'tally', file, '--format', 'json', '--verify']);
    assert.deepEqual(JSON.parse(stdout), expected);
    assert.match(stderr, /完全一致/);
  });

  it('prints the ranking as a table in Chinese', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'tally', file]);
    assert.match(stdout, /县（市、区）综合排名/);
    assert.match(stdout, /无效票/);
  });

  it('fails verification when a published number was changed', async () => {
    const tampered = JSON.parse(JSON.stringify(expected));
    tampered.rankings[0].rows[0].total.display = '99.99';
    const bad = join(dir, 'tampered.json');
    const { definition, ballots } = buildJinchengDemo();
    await writeFile(bad, JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: 'x', definition, ballots, results: tampered }));
    await assert.rejects(run(process.execPath, [BIN, 'tally', bad, '--format', 'json', '--verify']), (e: { code?: number; stderr?: string }) => e.code === 2 && /不一致/.test(e.stderr ?? ''));
  });

  it('refuses a file that is not a bundle, naming what is wrong', async () => {
    const bad = join(dir, 'not-a-bundle.json');
    await writeFile(bad, JSON.stringify({ format: 'something-else' }));
    await assert.rejects(run(process.execPath, [BIN, 'tally', bad]), (e: { code?: number; stderr?: string }) => e.code === 1 && /导出包/.test(e.stderr ?? ''));
  });
});
