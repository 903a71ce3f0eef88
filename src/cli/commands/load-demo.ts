import { loadDemo } from '../../app/demo/load-demo.js';
import { ensureAdmin } from '../../app/accounts/ensure-admin.js';
import { listCampaigns } from '../../db/repositories/campaigns.js';
import { withContext } from '../context.js';

export async function runDemo(options: { force?: boolean }): Promise<void> {
  await withContext(async (ctx) => {
    if (!options.force && (await listCampaigns(ctx.database.db)).length > 0) {
      throw new Error('数据库已有活动；如仍要载入示例请加 --force / the database has campaigns; use --force to load the demo anyway');
    }
    const admin = await ensureAdmin(ctx);
    const demo = await loadDemo(ctx);
    if (!demo) {
      process.stdout.write('示例活动已存在 / the demo campaign already exists\n');
      return;
    }
    process.stdout.write(`已载入 / loaded ${demo.campaignId}: ${demo.units} units, ${demo.ballots} ballots; training class ${demo.trainingClassId}: ${demo.participants} participants; ${demo.cases} library cases (${demo.linkedCases} as 案例评 items)\n`);
    for (const c of [...(admin ? [admin] : []), ...demo.accounts]) process.stdout.write(`  ${c.role.padEnd(9)} ${c.username.padEnd(10)} password ${c.password ?? '-'}  Bearer ${c.accessToken}\n`);
  });
}
