/**
 * 导入学员名单: a dry run first — every bad row listed with its row number and reason (unknown or ambiguous unit, the
 * same person twice, empty name) — and nothing is imported until the whole file is clean. Each new participant gets
 * a personal code.
 */
import { AppError } from '../../contracts/errors.js';
import type { ImportReport } from '../../contracts/training.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { insertParticipants, listParticipantRows, type ParticipantRow } from '../../db/repositories/training.js';
import { UnitMatcher } from '../../domain/training/unit-match.js';
import { parseRosterFile, ROSTER_TEXT, type RosterProblem } from '../../import/participants.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from './class-units.js';
import { newTrainingId } from './new-ids.js';
import { requireClass } from './require-class.js';
import { freshCode } from './save-participant.js';

export async function importParticipants(ctx: AppContext, actor: Actor, classId: string, file: { name: string; data: Buffer }, dryRun: boolean): Promise<ImportReport> {
  const parsed = await parseRosterFile(file.data, file.name);
  return inTransaction(ctx.database.db, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const units = await ClassUnits.load(trx, bundle.row.root_unit_id);
    const matcher = new UnitMatcher([...units.byId.values()]);
    const existing = await listParticipantRows(trx, classId);
    const onRoster = new Set(existing.map((p) => `${p.unit_id}\u0000${p.name}`));
    const seen = new Map<string, number>();
    const problems: RosterProblem[] = [...parsed.problems];
    const accepted: ParticipantRow[] = [];
    const taken = new Set(existing.map((p) => p.code));
    const now = ctx.clock().toISOString();
    for (const r of parsed.rows) {
      const match = matcher.match(r.unit);
      if (match.kind === 'unknown') {
        problems.push({ row: r.row, column: '单位', message: ROSTER_TEXT.unknownUnit(r.unit) });
        continue;
      }
      if (match.kind === 'ambiguous') {
        problems.push({ row: r.row, column: '单位', message: ROSTER_TEXT.ambiguousUnit(r.unit, match.candidates.slice(0, 4).map((id) => units.path(id).replace(/ \/ /g, '/'))) });
        continue;
      }
      const key = `${match.unitId}\u0000${r.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ row: r.row, column: '姓名', message: ROSTER_TEXT.duplicateInFile(first) });
        continue;
      }
      seen.set(key, r.row);
      if (onRoster.has(key)) {
        problems.push({ row: r.row, column: '姓名', message: ROSTER_TEXT.alreadyOnRoster });
        continue;
      }
      accepted.push({ class_id: classId, id: newTrainingId('p'), name: r.name, unit_id: match.unitId, post: r.post, phone: r.phone, code: freshCode(taken), created_at: now });
    }
    problems.sort((a, b) => a.row - b.row);
    const report: ImportReport = {
      dryRun,
      rows: parsed.rows.length + parsed.problems.filter((p) => p.row > 1).length,
      accepted: accepted.length,
      imported: 0,
      errors: problems.map((p) => ({ row: p.row, ...(p.column ? { column: p.column } : {}), message: p.message })),
    };
    if (dryRun) return report;
    if (problems.length > 0) {
      throw new AppError('invalid_roster', { details: report.errors.map((e) => ({ row: e.row, ...(e.column ? { path: e.column } : {}), message: e.message })) });
    }
    await insertParticipants(trx, accepted);
    await recordAudit(trx, ctx, actor, 'training.participants.import', 'training_class', classId, { file: file.name, imported: accepted.length });
    return { ...report, imported: accepted.length };
  });
}
