/**
 * /assets/: the hashed, pre-compressed files of the two phone entries — the ballot's rate-* and the check-in page's
 * checkin-* — under one prefix, so each page loads exactly one script and one stylesheet from the same place.
 */
import type { FastifyInstance } from 'fastify';
import { serveBuiltAssets } from './built-assets.js';
import { CHECKIN_PAGE_DIR } from './checkin-page.js';
import { RATE_PAGE_DIR } from './rate-page.js';

const ASSET = /^(rate|checkin)-[A-Za-z0-9_-]+\.(js|css)$/;

export async function phoneAssetRoutes(app: FastifyInstance): Promise<void> {
  await serveBuiltAssets(app, { prefix: '/assets', dir: [`${RATE_PAGE_DIR}assets`, `${CHECKIN_PAGE_DIR}assets`], pattern: ASSET });
}
