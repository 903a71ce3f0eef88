/** `leitai tally <bundle.json>`: recompute every result from an export, through the same domain code as the server. */
import { readFile } from 'node:fs/promises';
import { verifyBundle } from '../../app/bundle/verify-bundle.js';
import { type TallyOutput, tallyBundle } from '../../app/bundle/tally-bundle.js';
import { parseBundleText } from '../../app/bundle/parse-bundle.js';
import { renderRankingTables } from '../render-table.js';
import { resultsHash } from '../../app/kernel/results-hash.js';

export async function runTally(file: string, options: { format: 'json' | 'table'; verify?: boolean }): Promise<void> {
  const bundle = parseBundleText(await readFile(file, 'utf8'));
  const output: TallyOutput = tallyBundle(bundle);
  if (options.format === 'json') process.stdout.write(JSON.stringify(output.results, null, 2) + '\n');
  else process.stdout.write(renderRankingTables(bundle.definition, output.results));
  if (options.verify) {
    const verdict = verifyBundle(bundle, output);
    process.stderr.write(verdict.lines.join('\n') + '\n');
    // The 公示 shows this hash: equal digits mean the notice's results are exactly these.
    process.stderr.write(`结果哈希（与公示校验码核对）/ results hash (compare with the notice): ${resultsHash(output.results)}\n`);
    if (!verdict.ok) process.exitCode = 2;
  }
}
