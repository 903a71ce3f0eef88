import type { FastifyInstance } from 'fastify';
import { getResults } from '../../app/results/get-results.js';
import { getSubjectExplanation } from '../../app/results/get-subject-explanation.js';
import { getUnitExplanation } from '../../app/results/get-unit-explanation.js';
import type { AppContext } from '../../app/context.js';
import { getRankingBoard } from '../../app/results/get-ranking-board.js';
import { getRankingList } from '../../app/results/get-ranking-list.js';
import { getUnitCard } from '../../app/results/get-unit-card.js';
import { campaignParams, explainParams, explainSubjectParams } from '../../contracts/api.js';
import { rankingBoardSchema, rankingListSchema, unitCardSchema } from '../../contracts/ranking-views.js';
import { writtenJson } from '../serializer.js';
import { presentedExplanationSchema, presentedTallySchema } from '../../contracts/results.js';
import { requireActor } from '../auth.js';
import { typed } from './types.js';

const rankingParams = explainParams.pick({ campaignId: true, rankingId: true });

export function resultRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['results'];

  // 3.85 MB on a province, cached as presented and as JSON text (per finish): encoding it again took 21 ms a request
  // beside 13 ms of JSON.stringify, which the office's page now pays once per finish, not per read.
  api.get('/api/campaigns/:campaignId/results', {
    config: { serialize: 'as-built' },
    schema: {
      tags,
      summary: '计票结果：各评价方式得分、排名、等次、无效票及原因、测评会计数（均由选票即时计算）/ results computed from the ballots',
      params: campaignParams,
      response: { 200: presentedTallySchema },
    },
  }, async (request) => {
    const answer = await getResults(ctx, requireActor(request), request.params.campaignId);
    return answer.json === null ? answer.value : writtenJson(answer.value, answer.json);
  });

  // Purpose-built reads for the console's ranking board and unit page: a few KB instead of the whole tally.
  api.get('/api/campaigns/:campaignId/rankings', {
    schema: { tags, summary: '排名列表：各排名名称、层级与可见行数，及选票计数 / the rankings with their row counts', params: campaignParams, response: { 200: rankingListSchema } },
  }, async (request) => getRankingList(ctx, requireActor(request), request.params.campaignId));

  api.get('/api/campaigns/:campaignId/rankings/:rankingId', {
    schema: { tags, summary: '排名榜：一个排名的各行（名次、单位、总分、等次、并列、各项得分）与等次 / one ranking board', params: rankingParams, response: { 200: rankingBoardSchema } },
  }, async (request) => getRankingBoard(ctx, requireActor(request), request.params.campaignId, request.params.rankingId));

  api.get('/api/campaigns/:campaignId/rankings/:rankingId/units/:unitId', {
    schema: { tags, summary: '单位页：该单位的排名行与各项平均分（柱状图、雷达图）/ one unit’s row and the level averages', params: explainParams, response: { 200: unitCardSchema } },
  }, async (request) => getUnitCard(ctx, requireActor(request), request.params.campaignId, request.params.rankingId, request.params.unitId));

  api.get('/api/campaigns/:campaignId/results/:rankingId/units/:unitId/explanation', {
    schema: { tags, summary: '得分说明：总分 → 各项 → 测评组 → 选票 / explanation: total → components → groups → ballots', params: explainParams, response: { 200: presentedExplanationSchema } },
  }, async (request) => getUnitExplanation(ctx, requireActor(request), request.params.campaignId, request.params.rankingId, request.params.unitId));

  api.get('/api/campaigns/:campaignId/instruments/:instrumentId/subjects/:subjectId/explanation', {
    schema: { tags, summary: '单个测评对象的得分说明 / explanation of one subject’s score', params: explainSubjectParams, response: { 200: presentedExplanationSchema } },
  }, async (request) => getSubjectExplanation(ctx, requireActor(request), request.params.campaignId, request.params.instrumentId, request.params.subjectId));
}
