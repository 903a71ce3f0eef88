/** `leitai audit --verify [--file export.csv]`: checks the audit log's hash chain, in the database or an export. */
import { readFile } from 'node:fs/promises';
import { describeAuditVerdict, verifyAuditChain } from '../../app/audit/verify-audit-chain.js';
import { verifyAuditExport } from '../../app/audit/verify-audit-export.js';
import { withContext } from '../context.js';

export async function runAudit(options: { verify?: boolean; file?: string }): Promise<void> {
  if (!options.verify) {
    process.stderr.write('leitai audit: 请加 --verify / add --verify\n');
    process.exitCode = 1;
    return;
  }
  if (options.file !== undefined) {
    const verdict = verifyAuditExport(await readFile(options.file, 'utf8'));
    const lines = describeAuditVerdict(verdict);
    if (!verdict.continuous && verdict.ok) {
      lines.push('  （导出经过筛选，只核对了每行自身的链接 / a filtered export: each row was checked against its own link only）');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!verdict.ok) process.exitCode = 2;
    return;
  }
  await withContext(async (ctx) => {
    const verdict = await verifyAuditChain(ctx);
    process.stdout.write(`${describeAuditVerdict(verdict).join('\n')}\n`);
    if (!verdict.ok) process.exitCode = 2;
  });
}
