import type { FastifyInstance } from 'fastify';
import { getResults, getSubjectExplanation, getUnitExplanation } from '../../app/compute-results.js';
import type { AppContext } from '../../app/context.js';
import { STAFF } from '../../app/policies/roles.js';
import { campaignParams, explainParams, explainSubjectParams } from '../../contracts/api.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

export function resultRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['results'];

  api.get('/api/campaigns/:campaignId/results', {
    config: { access: STAFF },
    schema: { tags, summary: '计票结果：各评价方式得分、排名、等次、无效票及原因、测评会计数（均由选票即时计算）/ results computed from the ballots', params: campaignParams },
  }, async (request) => getResults(ctx, requireActor(request), request.params.campaignId));

  api.get('/api/campaigns/:campaignId/results/:rankingId/units/:unitId/explanation', {
    config: { access: STAFF },
    schema: { tags, summary: '得分说明：总分 → 各项 → 测评组 → 选票 / explanation: total → components → groups → ballots', params: explainParams },
  }, async (request) => getUnitExplanation(ctx, requireActor(request), request.params.campaignId, request.params.rankingId, request.params.unitId));

  api.get('/api/campaigns/:campaignId/instruments/:instrumentId/subjects/:subjectId/explanation', {
    config: { access: STAFF },
    schema: { tags, summary: '单个测评对象的得分说明 / explanation of one subject’s score', params: explainSubjectParams },
  }, async (request) => getSubjectExplanation(ctx, requireActor(request), request.params.campaignId, request.params.instrumentId, request.params.subjectId));
}
