/**
 * How a session's numbers are labelled on every printed page and workbook (计票单, exports), the same way the console
 * labels them (web/console/src/features/sessions/messages.ts; a test keeps the two alike). Sheets (份) are what raters
 * hand in — one paper form or one code each; ballots (张) are one per evaluation form on a sheet, so a sheet with two
 * forms holds two; abstentions (项) are one per subject left unrated on a valid ballot.
 */
export const COUNT_LABELS = {
  expected: '应到（人）',
  present: '实到（人）',
  issued: '发出（份）',
  returned: '收回（份）',
  sheetsWithInvalid: '含无效票（份）',
  validBallots: '有效票（张，按评价方式计）',
  invalidBallots: '无效票（张，按评价方式计）',
  abstentions: '弃权（项，按测评对象计）',
} as const;

export const COUNT_NOTE = '份：测评人交回的一份纸质票或一个测评码；张：一份中每种评价方式各一张选票；项：有效票上一个未评的测评对象。';

/** The per-subject table: every count is of this subject's ballots (张). */
export const SUBJECT_COUNT_LABELS = { abstentions: '弃权（张）', valueCount: '计分（张）' } as const;
