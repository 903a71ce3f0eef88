/**
 * 研讨组成员: the office sets a group's whole member list, picked from the roster. A trainee already in another group
 * is refused by name unless the office chose to move them (`move`): then they leave that group (and stop being its
 * 汇报人). A reporter left out of the new list is no longer the reporter.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { GroupMembersInput, TopicGroupView } from '../../contracts/topic-groups.js';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { insertGroupMembers, removeGroupMembers, updateTopicGroupRow, type TopicGroupRow } from '../../db/repositories/topic-groups.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { invalidField } from '../training/refusals.js';
import { requireClass } from '../training/require-class.js';
import { loadGroups, presentOneGroup } from './list-topic-groups.js';
import { requireGroup } from './save-topic-group.js';

/** Moves `participantIds` into `groupId` (out of any other group), clearing reporters who left their group. */
export async function placeMembers(db: Db, classId: string, group: TopicGroupRow, participantIds: readonly string[], groups: readonly TopicGroupRow[], groupOf: ReadonlyMap<string, string>, now: string): Promise<void> {
  await removeGroupMembers(db, classId, participantIds);
  await insertGroupMembers(db, participantIds.map((id) => ({ class_id: classId, participant_id: id, group_id: group.id })));
  for (const other of groups) {
    if (other.id !== group.id && other.reporter_id && participantIds.includes(other.reporter_id) && groupOf.get(other.reporter_id) === other.id) {
      await updateTopicGroupRow(db, classId, other.id, { reporter_id: null, updated_at: now });
    }
  }
}

export async function setGroupMembers(ctx: AppContext, actor: Actor, classId: string, groupId: string, input: GroupMembersInput): Promise<TopicGroupView> {
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const group = await requireGroup(trx, classId, groupId);
    const { groups, membersOf, groupOf, roster } = await loadGroups(trx, classId);
    const people = new Map(roster.map((p) => [p.id, p]));
    const seen = new Set<string>();
    for (const [i, id] of input.participantIds.entries()) {
      const person = people.get(id);
      if (!person) throw notFound('participant', id);
      if (seen.has(id)) throw invalidField(`participantIds.${i}`, MESSAGES.groupMemberRepeated(person.name));
      seen.add(id);
      const current = groupOf.get(id);
      if (current !== undefined && current !== groupId && !input.move) {
        const topic = groups.find((g) => g.id === current)?.topic ?? '';
        throw new AppError('training_state', { message: MESSAGES.groupMemberElsewhere(person.name, topic), details: [{ path: `participantIds.${i}`, code: 'in_other_group', message: MESSAGES.groupMemberElsewhere(person.name, topic) }] });
      }
    }
    const now = ctx.clock().toISOString();
    const before = (membersOf.get(groupId) ?? []).map((p) => p.id);
    const leaving = before.filter((id) => !seen.has(id));
    await removeGroupMembers(trx, classId, leaving);
    await placeMembers(trx, classId, group, input.participantIds, groups, groupOf, now);
    const reporterStays = group.reporter_id !== null && seen.has(group.reporter_id);
    await updateTopicGroupRow(trx, classId, groupId, { reporter_id: reporterStays ? group.reporter_id : null, updated_at: now });
    const moved = input.participantIds.filter((id) => groupOf.has(id) && groupOf.get(id) !== groupId);
    await recordAudit(trx, ctx, actor, 'training.group.members', 'topic_group', `${classId}/${groupId}`, {
      topic: group.topic,
      added: input.participantIds.filter((id) => !before.includes(id)).length,
      removed: leaving.length,
      moved: moved.map((id) => ({ participantId: id, from: groupOf.get(id) })),
    });
    return presentOneGroup(trx, classId, cls.root_unit_id, groupId);
  });
}
