/** What a class produces (migration 0012, issue #14). Times are ISO-8601 UTC text. */

/** Whose document it is: a 座谈会 report, a library case, a 研讨组's output. */
export type DocumentOwnerKind = 'seminar_report' | 'case' | 'topic_group';

export interface DocumentsTable {
  id: string;
  /** Hex sha-256 of the bytes: the file store's address. Two documents may share one stored file. */
  sha256: string;
  size: number;
  /** What the content was recognised as (never what the name said): pdf, docx, xlsx, jpg or png. */
  media_type: string;
  /** The uploader's file name, cleaned for display and for Content-Disposition; never a path. */
  file_name: string;
  owner_kind: DocumentOwnerKind;
  /** The owner's id: a seminar report's or a topic group's id (within class_id), or a case's id. */
  owner_id: string;
  /** The class of a report's or a group's document; null for a case's. */
  class_id: string | null;
  /** The actor (role:accountId) who uploaded it. */
  uploaded_by: string;
  uploaded_at: string;
  /** A removed document is kept (and its bytes) but no longer listed or served. */
  removed_at: string | null;
  removed_by: string | null;
}

export interface SeminarSpeakersTable {
  class_id: string;
  id: string;
  /** 发言顺序, from 1. */
  position: number;
  name: string;
  unit_id: string | null;
  post: string;
  topic: string;
}

export type SeminarReportStatus = 'missing' | 'submitted' | 'accepted';

export interface SeminarReportsTable {
  class_id: string;
  id: string;
  /** The township (or the unit it was assigned to) that owes the written report. */
  unit_id: string;
  title: string;
  note: string;
  status: SeminarReportStatus;
  submitted_at: string | null;
  submitted_by: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  /** The last time the office reminded the unit, and how many times. */
  reminded_at: string | null;
  reminders: number;
}

export interface TopicGroupsTable {
  class_id: string;
  id: string;
  position: number;
  topic: string;
  /** 汇报人: a participant of the class who is a member of the group. */
  reporter_id: string | null;
  /** The group's written output (text; attachments are documents). */
  output: string;
  /** 1 when the office marked it among the best. */
  best: number;
  updated_at: string;
}

/** A trainee belongs to at most one group of a class. */
export interface TopicGroupMembersTable {
  class_id: string;
  participant_id: string;
  group_id: string;
}

/** A library case chosen as a subject (an item) of a campaign's 案例评. */
export interface CaseLinksTable {
  campaign_id: string;
  item_id: string;
  case_id: string;
  linked_at: string;
}

/** 讲收获: what a trainee wrote on their phone; the id is made on the phone, so a re-send stores nothing new. */
export interface ReflectionsTable {
  class_id: string;
  id: string;
  participant_id: string;
  /** The lesson it is about, or null for the class as a whole. */
  lesson_id: string | null;
  text: string;
  created_at: string;
  updated_at: string;
  featured: number;
}
