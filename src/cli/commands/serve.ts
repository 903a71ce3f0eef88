import { loadConfig } from '../../config/index.js';
import { start } from '../../server/start.js';

export async function runServe(): Promise<void> {
  const server = await start(loadConfig());
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
