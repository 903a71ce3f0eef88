/** 研讨组: a class's groups in their order, with members and reporters, for every staff role (scope: present-topic-group). */
import type { TopicGroupList, TopicGroupView } from '../../contracts/topic-groups.js';
import type { Db } from '../../db/database.js';
import { listTopicGroupMembers, listTopicGroupRows } from '../../db/repositories/topic-groups.js';
import { listParticipantRows, type ParticipantRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { viewerUnit } from '../policies/unit-scope.js';
import { ClassUnits } from '../training/class-units.js';
import { requireClass } from '../training/require-class.js';
import { presentTopicGroup } from './present-topic-group.js';

/** The groups of a class as stored, each with its members' roster rows. */
export async function loadGroups(db: Db, classId: string): Promise<{ groups: Awaited<ReturnType<typeof listTopicGroupRows>>; membersOf: Map<string, ParticipantRow[]>; groupOf: Map<string, string>; roster: ParticipantRow[] }> {
  const [groups, members, roster] = await Promise.all([listTopicGroupRows(db, classId), listTopicGroupMembers(db, classId), listParticipantRows(db, classId)]);
  const people = new Map(roster.map((p) => [p.id, p]));
  const membersOf = new Map<string, ParticipantRow[]>(groups.map((g) => [g.id, []]));
  const groupOf = new Map<string, string>();
  for (const m of members) {
    const p = people.get(m.participant_id);
    if (!p) continue;
    membersOf.get(m.group_id)?.push(p);
    groupOf.set(m.participant_id, m.group_id);
  }
  return { groups, membersOf, groupOf, roster };
}

export async function listTopicGroups(ctx: AppContext, actor: Actor, classId: string): Promise<TopicGroupList> {
  const db = ctx.database.db;
  const { row } = await requireClass(db, classId);
  const scope = viewerUnit(actor);
  const units = await ClassUnits.load(db, row.root_unit_id);
  const { groups, membersOf, groupOf, roster } = await loadGroups(db, classId);
  const visible = scope === null ? roster : roster.filter((p) => units.within(p.unit_id, scope));
  return {
    groups: groups.map((g) => presentTopicGroup(g, membersOf.get(g.id) ?? [], units, scope)),
    ungrouped: visible.filter((p) => !groupOf.has(p.id)).length,
  };
}

/** One group as the office sees it after a change. */
export async function presentOneGroup(db: Db, classId: string, rootUnitId: string, groupId: string): Promise<TopicGroupView> {
  const units = await ClassUnits.load(db, rootUnitId);
  const { groups, membersOf } = await loadGroups(db, classId);
  return presentTopicGroup(groups.find((g) => g.id === groupId)!, membersOf.get(groupId) ?? [], units, null);
}
