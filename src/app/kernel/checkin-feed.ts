import { Feed } from './feed.js';

/**
 * 签到动态: an in-process signal that a check-in (or 请假, 补签) was stored, for the live counts in the console and on
 * venue screens. Carries where to look again, never who. Made once per context (createAppContext).
 */
export interface CheckinStored {
  classId: string;
  lessonId: string;
  /** Stored by another server (announced through the change relay): not to be announced again. */
  remote?: boolean;
}

export class CheckinFeed extends Feed<CheckinStored> {}
