/**
 * 命题式研讨 storage: a class's topic groups and their members (migration 0012). The members' key (class, participant)
 * is what keeps a trainee in at most one group of a class.
 */
import type { Db } from '../database.js';
import type { TopicGroupMembersTable, TopicGroupsTable } from '../tables/index.js';
import { chunk } from './shared.js';

export type TopicGroupRow = TopicGroupsTable;
export type TopicGroupMemberRow = TopicGroupMembersTable;

export async function listTopicGroupRows(db: Db, classId: string): Promise<TopicGroupRow[]> {
  return db.selectFrom('topic_groups').selectAll().where('class_id', '=', classId).orderBy('position').orderBy('id').execute();
}

export async function getTopicGroupRow(db: Db, classId: string, id: string): Promise<TopicGroupRow | null> {
  return (await db.selectFrom('topic_groups').selectAll().where('class_id', '=', classId).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertTopicGroups(db: Db, rows: readonly TopicGroupRow[]): Promise<void> {
  for (const part of chunk(rows, 8)) await db.insertInto('topic_groups').values(part).execute();
}

export async function updateTopicGroupRow(db: Db, classId: string, id: string, values: Partial<Omit<TopicGroupRow, 'class_id' | 'id'>>): Promise<void> {
  await db.updateTable('topic_groups').set(values).where('class_id', '=', classId).where('id', '=', id).execute();
}

export async function deleteTopicGroupRow(db: Db, classId: string, id: string): Promise<void> {
  await db.deleteFrom('topic_group_members').where('class_id', '=', classId).where('group_id', '=', id).execute();
  await db.deleteFrom('topic_groups').where('class_id', '=', classId).where('id', '=', id).execute();
}

export async function listTopicGroupMembers(db: Db, classId: string): Promise<TopicGroupMemberRow[]> {
  return db.selectFrom('topic_group_members').selectAll().where('class_id', '=', classId).execute();
}

/** Removes these people from whatever group of the class they are in. */
export async function removeGroupMembers(db: Db, classId: string, participantIds: readonly string[]): Promise<void> {
  for (const part of chunk(participantIds, 1, 2000)) {
    await db.deleteFrom('topic_group_members').where('class_id', '=', classId).where('participant_id', 'in', part).execute();
  }
}

export async function insertGroupMembers(db: Db, rows: readonly TopicGroupMemberRow[]): Promise<void> {
  for (const part of chunk(rows, 3)) await db.insertInto('topic_group_members').values(part).execute();
}
