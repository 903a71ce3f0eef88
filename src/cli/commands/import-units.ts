import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importUnits } from '../../app/units/import-units.js';
import { AppError } from '../../contracts/errors.js';
import { withContext } from '../context.js';

export async function runImportUnits(file: string, options: { dryRun?: boolean }): Promise<void> {
  const data = await readFile(file);
  await withContext(async (ctx) => {
    try {
      const result = await importUnits(ctx, 'system', { name: path.basename(file), data }, options.dryRun ?? false);
      process.stdout.write(result.dryRun ? `检查通过，可导入 ${result.units.length} 个单位 / ok: ${result.units.length} units can be imported\n` : `已导入 ${result.imported} 个单位 / imported ${result.imported} units\n`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stderr.write(`${error.userMessage.zh} / ${error.userMessage.en}\n`);
      for (const d of error.details) process.stderr.write(`  ${d.row ? `第 ${d.row} 行 / row ${d.row}: ` : ''}${d.message.zh} / ${d.message.en}\n`);
      process.exitCode = 1;
    }
  });
}
