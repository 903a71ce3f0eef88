/** 测评组: the rater groups of the article, by role. No group ever carries a real person's name. */
import type { RaterGroup } from '../types.js';

export const GROUP_IDS = {
  office: 'g-office',
  taskforce: 'g-taskforce',
  inspection: 'g-inspection',
  observers: 'g-observers',
  secretaries: 'g-secretaries',
  cadres: 'g-cadres',
} as const;

export const RATER_GROUPS: Record<keyof typeof GROUP_IDS, RaterGroup> = {
  /** 专项行动办公室: anonymous. */
  office: { id: GROUP_IDS.office, name: '专项行动办公室', mode: 'anonymous' },
  /** 工作专班: opinions are signed, by the task force's name. */
  taskforce: { id: GROUP_IDS.taskforce, name: '工作专班', mode: 'named' },
  /** 督导组: anonymous. */
  inspection: { id: GROUP_IDS.inspection, name: '督导组', mode: 'anonymous' },
  /**
   * 观摩团: named. Its members score on the spot and every 加分/减分 needs a written reason, so the office must be
   * able to ask who wrote it; members sign by seat (观摩团成员01), not by personal name.
   */
  observers: { id: GROUP_IDS.observers, name: '观摩团', mode: 'named' },
  /** 乡镇（街道）党（工）委书记: anonymous, each bound to their own township (回避). */
  secretaries: { id: GROUP_IDS.secretaries, name: '乡镇（街道）党（工）委书记', mode: 'anonymous' },
  /** 参训基层干部: the audience of a province-wide synchronized session (fixture only). */
  cadres: { id: GROUP_IDS.cadres, name: '参训基层干部', mode: 'anonymous' },
};
