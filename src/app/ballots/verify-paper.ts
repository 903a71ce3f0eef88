/**
 * 双人录入核对: ballots are append-only and a paper sheet is stored once, so double entry is a verification step.
 * The first clerk's entry is stored; a second clerk types the same sheet again and it is compared, item by item, with
 * what is stored — nothing is written but an audit line. A mismatch means the paper is looked at again; a wrong stored
 * sheet cannot be edited (append-only), it is reported to the office.
 */
import type { PaperEntryInput } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { findBallotsBySheet } from '../../db/repositories/ballots.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { checkBallot } from '../../domain/check-ballot.js';
import { indexDefinition, type DefinitionIndex } from '../../domain/definition-index.js';
import type { Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import type { Mismatch } from '../../contracts/paper.js';
import type { PaperVerification } from '../../contracts/paper.js';
import type { StoredPaperSheet } from '../../contracts/paper.js';
import { paperSheetId } from './enter-paper.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from '../sessions/require-session.js';
import type { Actor } from '../policies/roles.js';
import { recordAudit } from '../kernel/record-audit.js';

export async function getPaperSheet(ctx: AppContext, sessionId: string, sheetNumber: string): Promise<StoredPaperSheet> {
  const session = await requireSession(ctx, sessionId);
  const rows = await findBallotsBySheet(ctx.database.db, paperSheetId(sessionId, sheetNumber));
  const first = rows[0];
  if (!first) throw new AppError('not_found', { message: MESSAGES.paperSheetNotEntered(sheetNumber) });
  const index = indexDefinition(await requireDefinition(ctx, session.campaignId));
  const ballots = rows.map((b) => ({
    instrumentId: b.instrumentId,
    ratings: b.ratings,
    problems: checkBallot(index, b).map((p) => ({ code: p.code, message: p.message })),
  }));
  return {
    sheetNumber,
    raterGroupId: first.raterGroupId,
    raterName: first.raterName,
    boundUnitId: first.boundUnitId,
    receipt: first.receipt,
    valid: ballots.every((b) => b.problems.length === 0),
    ballots,
  };
}

export async function verifyPaperSheet(ctx: AppContext, actor: Actor, sessionId: string, input: PaperEntryInput): Promise<PaperVerification> {
  const session = await requireSession(ctx, sessionId);
  const stored = await getPaperSheet(ctx, sessionId, input.sheetNumber);
  const index = indexDefinition(await requireDefinition(ctx, session.campaignId));
  const mismatches = compareSheets(index, stored, input);
  await inTransaction(ctx.database.db, (trx) =>
    recordAudit(trx, ctx, actor, 'ballot.paper.verify', 'session', sessionId, { sheetNumber: input.sheetNumber, matches: mismatches.length === 0, mismatches: mismatches.length }),
  );
  return { sheetNumber: input.sheetNumber, matches: mismatches.length === 0, mismatches };
}

const BLANK = '（空）';

/** A decimal as typed, compared by value: "2", "2.0" and "2.00" are the same points. */
const num = (v: string): string => String(Number(v));

/**
 * One subject's entry as the clerks see it: the grade, score or criteria (by their labels), then the adjustments
 * (in a fixed order, so the order they were typed in does not matter) and the written opinion. Two entries match
 * when these texts are equal.
 */
function showRating(index: DefinitionIndex, instrumentId: string, r: Rating | undefined): string {
  if (!r) return BLANK;
  if (r.abstain) return '弃权';
  const instrument = index.instruments.get(instrumentId);
  const parts: string[] = [];
  if (r.grade !== undefined) parts.push(instrument?.kind === 'grade' ? (instrument.grades.find((g) => g.key === r.grade)?.label ?? r.grade) : r.grade);
  if (r.score !== undefined) parts.push(num(r.score));
  if (r.criteria) {
    const criteria = instrument?.kind === 'score' ? (instrument.criteria ?? []) : [];
    const label = (id: string) => criteria.find((c) => c.id === id)?.label ?? id;
    parts.push(Object.entries(r.criteria).sort(([a], [b]) => a.localeCompare(b)).map(([id, v]) => `${label(id)} ${num(v)}`).join('，'));
  }
  if (r.adjustments && r.adjustments.length > 0) {
    const items = instrument && instrument.kind !== 'grade' ? (instrument.adjustments?.items ?? []) : [];
    const shown = r.adjustments.map((a) => {
      const item = items.find((i) => i.id === a.itemId);
      return `${item?.label ?? a.itemId} ${item?.direction === 'deduction' ? '−' : '+'}${num(a.points)}（${a.reason.trim()}）`;
    });
    parts.push(`加减分 ${shown.sort().join('、')}`);
  }
  if (r.opinion?.trim()) parts.push(`意见：${r.opinion.trim()}`);
  return parts.length > 0 ? parts.join('；') : BLANK;
}

export function compareSheets(index: DefinitionIndex, stored: StoredPaperSheet, entered: PaperEntryInput): Mismatch[] {
  const out: Mismatch[] = [];
  const header = (field: 'raterGroupId' | 'raterName' | 'boundUnitId', label: string, a: string | null, b: string | null) => {
    if (a !== b) out.push({ field, instrumentId: null, subjectId: null, label, stored: a ?? BLANK, entered: b ?? BLANK });
  };
  header('raterGroupId', '测评组', stored.raterGroupId, entered.raterGroupId);
  header('raterName', '测评人', stored.raterName, entered.raterName);
  header('boundUnitId', '所属单位', stored.boundUnitId, entered.boundUnitId);
  const instrumentIds = [...new Set([...stored.ballots.map((b) => b.instrumentId), ...entered.ballots.map((b) => b.instrumentId)])];
  for (const instrumentId of instrumentIds) {
    const name = index.instruments.get(instrumentId)?.name ?? instrumentId;
    const a = stored.ballots.find((b) => b.instrumentId === instrumentId);
    const b = entered.ballots.find((x) => x.instrumentId === instrumentId);
    if (!a || !b) {
      out.push({ field: 'instrument', instrumentId, subjectId: null, label: name, stored: a ? '有' : BLANK, entered: b ? '有' : BLANK });
      continue;
    }
    const subjectIds = [...new Set([...a.ratings.map((r) => r.subjectId), ...b.ratings.map((r) => r.subjectId)])];
    for (const subjectId of subjectIds) {
      const left = showRating(index, instrumentId, a.ratings.find((r) => r.subjectId === subjectId));
      const right = showRating(index, instrumentId, b.ratings.find((r) => r.subjectId === subjectId));
      if (left !== right) out.push({ field: 'rating', instrumentId, subjectId, label: `${name} · ${index.subjects.get(subjectId)?.name ?? subjectId}`, stored: left, entered: right });
    }
  }
  return out;
}
