import { writeFile } from 'node:fs/promises';
import { exportBundle } from '../../app/bundle/export-bundle.js';
import { withContext } from '../context.js';

export async function runExport(campaignId: string, options: { out: string }): Promise<void> {
  await withContext(async (ctx) => {
    const bundle = await exportBundle(ctx, campaignId);
    await writeFile(options.out, JSON.stringify(bundle, null, 1) + '\n');
    process.stdout.write(`已导出 / exported ${campaignId}: ${bundle.ballots.length} ballots → ${options.out}\n`);
  });
}
