/** Every route of the API. Each declares its schema and who may call it. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import type { BuildAppOptions } from '../options.js';
import { accountRoutes } from './accounts.js';
import { authRoutes } from './auth.js';
import { ballotRoutes } from './ballots.js';
import { campaignRoutes } from './campaigns.js';
import { checkinRoutes } from './checkin.js';
import { checkinPageRoutes } from './checkin-page.js';
import { checkinScreenPageRoutes } from './checkin-screen-page.js';
import { consolePageRoutes } from './console-page.js';
import { healthRoutes } from './health.js';
import { outputRoutes } from './output.js';
import { phoneAssetRoutes } from './phone-assets.js';
import { ratePageRoutes } from './rate-page.js';
import { receiptRoutes } from './receipts.js';
import { resultRoutes } from './results.js';
import { roomRoutes } from './room.js';
import { sessionRoutes } from './sessions.js';
import { settingsRoutes } from './settings.js';
import { setupRoutes } from './setup.js';
import { trainingRoutes } from './training.js';
import { trainingOutputRoutes } from './training-output.js';
import { unitRoutes } from './units.js';

export async function registerRoutes(app: FastifyInstance, ctx: AppContext, options: BuildAppOptions): Promise<void> {
  healthRoutes(app, ctx);
  unitRoutes(app, ctx);
  campaignRoutes(app, ctx);
  setupRoutes(app, ctx);
  sessionRoutes(app, ctx);
  await ballotRoutes(app, ctx, options);
  await ratePageRoutes(app);
  await checkinPageRoutes(app);
  await phoneAssetRoutes(app);
  checkinScreenPageRoutes(app);
  await receiptRoutes(app, ctx, options);
  await consolePageRoutes(app);
  resultRoutes(app, ctx);
  authRoutes(app, ctx, options);
  accountRoutes(app, ctx);
  roomRoutes(app, ctx);
  outputRoutes(app, ctx);
  settingsRoutes(app, ctx);
  trainingRoutes(app, ctx);
  trainingOutputRoutes(app, ctx);
  checkinRoutes(app, ctx);
}
