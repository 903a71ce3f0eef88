/**
 * 命题式研讨 (issue #14 item 3): a class's topic groups — topic and order, members from the roster (a trainee is in at
 * most one group of a class), one 汇报人 who is a member, the group's written output (成果) and the office's 优秀成果
 * mark — and the import of a group list.
 */
import { z } from 'zod';
import { id } from './definition.js';

const topic = z.string().trim().min(1, { error: '议题不能为空 / the topic cannot be empty' }).max(200, { error: '议题最多 200 个字 / at most 200 characters' });
const position = z.number().int().min(1).max(999);
/** A group's written output: a page or two of text (attachments are documents). */
export const GROUP_OUTPUT_MAX = 20_000;

export const groupParams = z.object({ classId: id, groupId: id });

export const topicGroupInputSchema = z.object({
  id: id.optional(),
  topic,
  /** 第几组; left out: after the last. */
  position: position.optional(),
});
export type TopicGroupInput = z.output<typeof topicGroupInputSchema>;

export const topicGroupPatchSchema = z
  .object({
    topic,
    position,
    output: z.string().max(GROUP_OUTPUT_MAX, { error: `成果最多 ${GROUP_OUTPUT_MAX} 个字 / the output is at most ${GROUP_OUTPUT_MAX} characters` }),
    /** 优秀成果. */
    best: z.boolean(),
    /** 汇报人: a member of the group, or null for none yet. */
    reporterId: id.nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: '请至少修改一项 / change at least one field' });
export type TopicGroupPatch = z.output<typeof topicGroupPatchSchema>;

/** The group's whole member list, as picked. `move`: take people out of the other group they are in. */
export const groupMembersInputSchema = z.object({
  participantIds: z.array(id).max(1000),
  move: z.boolean().default(false),
});
export type GroupMembersInput = z.output<typeof groupMembersInputSchema>;

export const groupMemberSchema = z.object({
  id: z.string(),
  /** null when the caller may not see the person's name (a county viewer, for members of other counties). */
  name: z.string().nullable(),
  unitName: z.string(),
  unitPath: z.string(),
  post: z.string(),
});
export type GroupMember = z.output<typeof groupMemberSchema>;

export const topicGroupSchema = z.object({
  id: z.string(),
  /** 第几组, from 1. */
  position: z.number().int(),
  topic: z.string(),
  reporter: groupMemberSchema.nullable(),
  output: z.string(),
  best: z.boolean(),
  /** ISO-8601 UTC. */
  updatedAt: z.string(),
  members: z.array(groupMemberSchema),
  // The group's attachments (documents with owner_kind 'topic_group') are added here by the documents work.
});
export type TopicGroupView = z.output<typeof topicGroupSchema>;

export const topicGroupListSchema = z.object({
  groups: z.array(topicGroupSchema),
  /** Trainees of the class (within what the caller may see) in no group yet. */
  ungrouped: z.number().int(),
});
export type TopicGroupList = z.output<typeof topicGroupListSchema>;
