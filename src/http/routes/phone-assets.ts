/**
 * /assets/: the hashed, pre-compressed files of the phone entries — the ballot's rate-*, the check-in page's checkin-*
 * and the observer page's tour-* — under one prefix, so each page loads exactly one script and one stylesheet from the
 * same place.
 */
import type { FastifyInstance } from 'fastify';
import { serveBuiltAssets } from './built-assets.js';
import { CHECKIN_PAGE_DIR } from './checkin-page.js';
import { RATE_PAGE_DIR } from './rate-page.js';
import { TOUR_PAGE_DIR } from './tour-page.js';

const ASSET = /^(rate|checkin|tour)-[A-Za-z0-9_-]+\.(js|css)$/;

export async function phoneAssetRoutes(app: FastifyInstance): Promise<void> {
  await serveBuiltAssets(app, { prefix: '/assets', dir: [`${RATE_PAGE_DIR}assets`, `${CHECKIN_PAGE_DIR}assets`, `${TOUR_PAGE_DIR}assets`], pattern: ASSET });
}
