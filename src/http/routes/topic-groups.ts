/**
 * 命题式研讨 (docs/training.md § 研讨组): every staff role reads a class's groups (a county viewer sees other counties'
 * members by unit only); the office adds, changes and deletes groups, sets their members, names the 汇报人, writes the
 * 成果 and marks 优秀成果, and imports a group list (a dry run first).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { importGroupMembers } from '../../app/topic-groups/import-group-members.js';
import { listTopicGroups } from '../../app/topic-groups/list-topic-groups.js';
import { addTopicGroup, changeTopicGroup, deleteTopicGroup } from '../../app/topic-groups/save-topic-group.js';
import { setGroupMembers } from '../../app/topic-groups/set-group-members.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { groupMembersInputSchema, groupParams, topicGroupInputSchema, topicGroupListSchema, topicGroupPatchSchema, topicGroupSchema } from '../../contracts/topic-groups.js';
import { classParams, importQuery, importReportSchema } from '../../contracts/training.js';
import { requireActor } from '../auth.js';
import { noContent } from '../responses.js';
import { typed } from './types.js';

const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
/** A group list is a few hundred rows. */
const GROUP_FILE_LIMIT = 2 * 1024 * 1024;
/** The 成果 text is at most 20,000 characters: a body past this is not one. */
const GROUP_BODY_LIMIT = 128 * 1024;

const groupImportQuery = importQuery.extend({
  /** true: a person already in another group is moved; false (the default): such a row is an error. */
  move: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export function topicGroupRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: GROUP_FILE_LIMIT }, (_req, body, done) => done(null, body));
    const api = typed(scope);
    const tags = ['topic-groups'];
    const base = '/api/training/classes/:classId/groups';

    api.get(base, {
      schema: { tags, summary: '研讨组列表（成员、汇报人、成果）/ a class\'s topic groups with members, reporter and output', params: classParams, response: { 200: topicGroupListSchema } },
    }, async (request) => listTopicGroups(ctx, requireActor(request), request.params.classId));

    api.post(base, {
      bodyLimit: GROUP_BODY_LIMIT,
      schema: { tags, summary: '新增研讨组 / add a topic group', params: classParams, body: topicGroupInputSchema, response: { 201: topicGroupSchema } },
    }, async (request, reply) => reply.code(201).send(await addTopicGroup(ctx, requireActor(request), request.params.classId, request.body)));

    api.patch(`${base}/:groupId`, {
      bodyLimit: GROUP_BODY_LIMIT,
      schema: { tags, summary: '修改研讨组：议题、顺序、成果、优秀成果、汇报人（须为本组成员）/ change a group: topic, order, output, best, reporter (a member)', params: groupParams, body: topicGroupPatchSchema, response: { 200: topicGroupSchema } },
    }, async (request) => changeTopicGroup(ctx, requireActor(request), request.params.classId, request.params.groupId, request.body));

    api.delete(`${base}/:groupId`, {
      schema: { tags, summary: '删除研讨组（成员回到未分组）/ delete a group (its members become ungrouped)', params: groupParams, response: { 204: noContent } },
    }, async (request, reply) => {
      await deleteTopicGroup(ctx, requireActor(request), request.params.classId, request.params.groupId);
      return reply.code(204).send();
    });

    api.put(`${base}/:groupId/members`, {
      bodyLimit: GROUP_BODY_LIMIT,
      schema: {
        tags,
        summary: '设置研讨组成员（完整名单；已在他组的学员须 move=true 才调入）/ set a group\'s members (the whole list; people in another group move only with move=true)',
        params: groupParams,
        body: groupMembersInputSchema,
        response: { 200: topicGroupSchema },
      },
    }, async (request) => setGroupMembers(ctx, requireActor(request), request.params.classId, request.params.groupId, request.body));

    api.post(`${base}/import`, {
      schema: {
        tags,
        summary: '从 xlsx 或 CSV 导入分组名单（组别或议题；姓名+单位或个人签到码；可选汇报人）；默认 dryRun=true 只检查，有错行时不导入 / import a group list (dry run by default; nothing is imported while any row is bad)',
        params: classParams,
        querystring: groupImportQuery,
        response: { 200: importReportSchema.describe('检查结果 / dry run'), 201: importReportSchema.describe('已导入 / imported') },
      },
    }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('invalid_request', { message: MESSAGES.groupFileMissing });
      const { filename, dryRun, move } = request.query;
      const report = await importGroupMembers(ctx, requireActor(request), request.params.classId, { name: filename, data: request.body }, { dryRun, move });
      return reply.code(report.dryRun ? 200 : 201).send(report);
    });
  });
}
