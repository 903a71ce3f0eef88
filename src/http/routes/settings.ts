/** 设置: the public address phones reach the server at — read by anyone who prints slips, changed by the office. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { getPublicAddress, type PublicAddressView } from '../../app/settings/get-public-address.js';
import { setPublicAddress } from '../../app/settings/set-public-address.js';
import { publicAddressInputSchema, publicAddressSchema, type PublicAddress } from '../../contracts/settings.js';
import { requireActor } from '../auth.js';
import { qrSvg } from '../pages/qr.js';
import { requestOrigin } from '../request-origin.js';
import { typed } from './types.js';

async function present(view: PublicAddressView): Promise<PublicAddress> {
  return {
    url: view.url,
    source: view.source,
    stored: view.stored,
    environment: view.environment,
    phoneReachable: view.phoneReachable,
    warning: view.warning,
    test: { url: view.testUrl, qrSvg: await qrSvg(view.testUrl) },
  };
}

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['settings'];

  api.get('/api/settings/public-address', {
    schema: {
      tags,
      summary: '公开地址：测评码二维码、大屏链接使用的地址，手机能否打开，及测试二维码 / the public address slips and screen links use, whether phones can open it, and a test QR',
      response: { 200: publicAddressSchema },
    },
  }, async (request) => present(await getPublicAddress(ctx, requestOrigin(request))));

  api.put('/api/settings/public-address', {
    schema: {
      tags,
      summary: '设置公开地址（null 清除，改用 LEITAI_PUBLIC_URL 或浏览器地址）/ set the public address (null clears it)',
      body: publicAddressInputSchema,
      response: { 200: publicAddressSchema },
    },
  }, async (request) => present(await setPublicAddress(ctx, requireActor(request), request.body.url, requestOrigin(request))));
}
