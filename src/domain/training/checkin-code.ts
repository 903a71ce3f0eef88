/**
 * 动态签到码: a venue screen shows a QR code that changes every step (15 s). The code is an HMAC of the venue's secret
 * over the lesson, the venue and the step number; the server recomputes it, so nothing is stored per code. A code of
 * the current or the previous step is accepted — a scan just as the code turns is not refused, a photo passed around a
 * minute later is. The HMAC itself is computed by the caller (app/training), the rules here stay pure.
 */

export const CODE_STEP_MS = 15_000;

/** The step an instant falls in. */
export function codeStep(ms: number): number {
  return Math.floor(ms / CODE_STEP_MS);
}

/** What is signed for a step: lesson, venue and step, separated so no two inputs read alike. */
export function codeMessage(classId: string, lessonId: string, venueId: string, step: number): string {
  return `checkin\u0000${classId}\u0000${lessonId}\u0000${venueId}\u0000${step}`;
}

export type StepVerdict = 'current' | 'previous' | 'stale' | 'future';

/** Is a code of `step` still good at `now`? */
export function judgeStep(step: number, now: number): StepVerdict {
  const current = codeStep(now);
  if (step === current) return 'current';
  if (step === current - 1) return 'previous';
  return step > current ? 'future' : 'stale';
}

/** Milliseconds until the code shown at `now` changes. */
export function msUntilNextStep(now: number): number {
  return CODE_STEP_MS - (now % CODE_STEP_MS);
}

/** 扫码凭证: how long a scan lets the trainee take to find their name before checking in. */
export const GRANT_TTL_MS = 5 * 60_000;
