/**
 * 研讨组 by the office: add one (topic, order), change its topic, order, output (成果), 优秀成果 mark or 汇报人 — who
 * must be a member — and delete one (its members become ungrouped). Two groups of a class cannot share a topic or a
 * number: the group list's import names groups by either.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { TopicGroupInput, TopicGroupPatch, TopicGroupView } from '../../contracts/topic-groups.js';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { deleteTopicGroupRow, getTopicGroupRow, insertTopicGroups, listTopicGroupMembers, listTopicGroupRows, updateTopicGroupRow, type TopicGroupRow } from '../../db/repositories/topic-groups.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { newTrainingId } from '../training/new-ids.js';
import { invalidField } from '../training/refusals.js';
import { requireClass } from '../training/require-class.js';
import { presentOneGroup } from './list-topic-groups.js';

export async function requireGroup(db: Db, classId: string, groupId: string): Promise<TopicGroupRow> {
  const row = await getTopicGroupRow(db, classId, groupId);
  if (!row) throw notFound('topicGroup', groupId);
  return row;
}

function checkTopic(groups: readonly TopicGroupRow[], topic: string, except: string | null): void {
  if (groups.some((g) => g.topic === topic && g.id !== except)) throw new AppError('duplicate_id', { message: MESSAGES.groupTopicTaken(topic) });
}

/** Two groups cannot share a number: the import and the report name groups by it (第三组). */
function checkPosition(groups: readonly TopicGroupRow[], position: number, except: string | null): void {
  const other = groups.find((g) => g.position === position && g.id !== except);
  if (other) throw new AppError('duplicate_id', { message: MESSAGES.groupPositionTaken(position, other.topic) });
}

export async function addTopicGroup(ctx: AppContext, actor: Actor, classId: string, input: TopicGroupInput): Promise<TopicGroupView> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const groups = await listTopicGroupRows(trx, classId);
    if (input.id && groups.some((g) => g.id === input.id)) throw new AppError('duplicate_id', { message: MESSAGES.groupIdTaken(input.id) });
    checkTopic(groups, input.topic, null);
    if (input.position !== undefined) checkPosition(groups, input.position, null);
    const row: TopicGroupRow = {
      class_id: classId,
      id: input.id ?? newTrainingId('g'),
      position: input.position ?? Math.max(0, ...groups.map((g) => g.position)) + 1,
      topic: input.topic,
      reporter_id: null,
      output: '',
      best: 0,
      updated_at: ctx.clock().toISOString(),
    };
    await insertTopicGroups(trx, [row]);
    await recordAudit(trx, ctx, actor, 'training.group.add', 'topic_group', `${classId}/${row.id}`, { topic: row.topic, position: row.position });
    return presentOneGroup(trx, classId, cls.root_unit_id, row.id);
  });
}

export async function changeTopicGroup(ctx: AppContext, actor: Actor, classId: string, groupId: string, patch: TopicGroupPatch): Promise<TopicGroupView> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const before = await requireGroup(trx, classId, groupId);
    const groups = await listTopicGroupRows(trx, classId);
    if (patch.topic !== undefined) checkTopic(groups, patch.topic, groupId);
    if (patch.position !== undefined) checkPosition(groups, patch.position, groupId);
    if (patch.reporterId) {
      const member = (await listTopicGroupMembers(trx, classId)).some((m) => m.group_id === groupId && m.participant_id === patch.reporterId);
      if (!member) throw invalidField('reporterId', MESSAGES.groupReporterNotMember);
    }
    const values: Partial<TopicGroupRow> = {
      ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
      ...(patch.output !== undefined ? { output: patch.output } : {}),
      ...(patch.best !== undefined ? { best: patch.best ? 1 : 0 } : {}),
      ...(patch.reporterId !== undefined ? { reporter_id: patch.reporterId } : {}),
      updated_at: ctx.clock().toISOString(),
    };
    await updateTopicGroupRow(trx, classId, groupId, values);
    // The output's text goes to the audit log by its length only: the log records who changed what, not the essay.
    const logged = { ...patch, ...(patch.output !== undefined ? { output: `${patch.output.length} chars` } : {}) };
    await recordAudit(trx, ctx, actor, 'training.group.update', 'topic_group', `${classId}/${groupId}`, { topic: before.topic, ...logged });
    return presentOneGroup(trx, classId, cls.root_unit_id, groupId);
  });
}

export async function deleteTopicGroup(ctx: AppContext, actor: Actor, classId: string, groupId: string): Promise<void> {
  await inTransaction(ctx.database.db, async (trx) => {
    await requireClass(trx, classId);
    const before = await requireGroup(trx, classId, groupId);
    await deleteTopicGroupRow(trx, classId, groupId);
    await recordAudit(trx, ctx, actor, 'training.group.delete', 'topic_group', `${classId}/${groupId}`, { topic: before.topic });
  });
}
