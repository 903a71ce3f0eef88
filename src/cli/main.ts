/** The `leitai` command: serve, demo, import-units, export, tally, audit, backup, restore. Commands call src/app, never SQL. */
import { Command, InvalidArgumentError } from 'commander';
import { AppError } from '../contracts/errors.js';

// Each command loads only what it needs: `leitai tally` must not load the server, nor `serve` the verifier.
const runServe = async () => (await import('./commands/serve.js')).runServe();
const runDemo = async (o: { force?: boolean }) => (await import('./commands/load-demo.js')).runDemo(o);
const runImportUnits = async (file: string, o: { dryRun?: boolean }) => (await import('./commands/import-units.js')).runImportUnits(file, o);
const runExport = async (campaign: string, o: { out: string }) => (await import('./commands/export-bundle.js')).runExport(campaign, o);
const runAudit = async (o: { verify?: boolean; file?: string }) => (await import('./commands/audit.js')).runAudit(o);
const runTally = async (file: string, o: { format: 'json' | 'table'; verify?: boolean }) => (await import('./commands/tally-bundle.js')).runTally(file, o);

const runBackup = async (file: string) => (await import('./commands/backup.js')).runBackup(file);
const runRestore = async (file: string) => (await import('./commands/backup.js')).runRestore(file);

function formatOption(value: string): 'json' | 'table' {
  if (value !== 'json' && value !== 'table') throw new InvalidArgumentError('json 或 table / json or table');
  return value;
}

export function buildProgram(): Command {
  const program = new Command('leitai')
    .description('擂台 Leitai — 训考一体测评系统 / training-and-assessment campaigns with exact, auditable tallies')
    .showHelpAfterError();

  program
    .command('serve')
    .description('启动服务（空数据库时载入晋城示例）/ start the server (loads the Jincheng demo into an empty database)')
    .action(runServe);

  program
    .command('demo')
    .description('向数据库载入晋城示例活动 / load the Jincheng demo campaign into the database')
    .option('--force', '即使数据库已有数据也载入 / load even when the database is not empty')
    .action(runDemo);

  program
    .command('import-units')
    .description('从 CSV 或 xlsx 导入单位 / import units from a CSV or xlsx file')
    .argument('<file>', '单位文件 / units file (.csv or .xlsx)')
    .option('--dry-run', '只检查不保存 / check only, store nothing')
    .action(runImportUnits);

  program
    .command('export')
    .description('导出活动定义与全部选票 / export a campaign definition and all its ballots')
    .argument('<campaign>', '活动编号 / campaign id')
    .requiredOption('--out <file>', '输出文件 / output file, e.g. bundle.json')
    .action(runExport);

  program
    .command('tally')
    .description('离线重新计票 / recompute all results offline from an exported bundle')
    .argument('<bundle>', '导出包 / bundle.json')
    .option('--format <format>', 'json | table', formatOption, 'table')
    .option('--verify', '与导出包中服务器的结果逐位比对 / compare with the server results stored in the bundle')
    .action(runTally);

  program
    .command('audit')
    .description('核对审计日志的哈希链 / check the audit log\'s hash chain')
    .option('--verify', '核对数据库中审计日志的哈希链，指出第一条断裂的记录 / check the chain in the database, naming the first broken entry')
    .option('--file <export.csv>', '改为核对导出的审计日志 CSV / check an exported audit log CSV instead')
    .action(runAudit);

  program
    .command('backup')
    .description('在线备份内置数据库（服务运行中亦可，得到某一提交时的完整副本）/ back up the embedded database while the server runs (a whole copy as of one commit)')
    .argument('<file>', '备份文件（不得已存在）/ the backup file (must not exist)')
    .action(runBackup);

  program
    .command('restore')
    .description('用备份替换内置数据库（须先停止服务；原库移至旁边保留）/ replace the embedded database with a backup (stop the server first; the old one is kept aside)')
    .argument('<file>', '备份文件 / the backup file')
    .action(runRestore);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`leitai: ${error.userMessage.zh} / ${error.userMessage.en}\n`);
      for (const d of error.details.slice(0, 20)) process.stderr.write(`  ${d.path ? `${d.path}: ` : ''}${d.message.zh} / ${d.message.en}\n`);
    } else {
      process.stderr.write(`leitai: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
