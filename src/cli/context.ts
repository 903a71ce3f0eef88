/** Opens the configured database for a one-shot command and closes it afterwards. */
import path from 'node:path';
import { createAppContext, type AppContext } from '../app/context.js';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../server/open-database.js';

export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const ctx = createAppContext(database, { publicUrl: config.publicUrl, filesDir: path.join(config.dataDir, 'files') });
    try {
      return await work(ctx);
    } finally {
      await ctx.ballotWriter.close();
    }
  } finally {
    await database.close();
  }
}
