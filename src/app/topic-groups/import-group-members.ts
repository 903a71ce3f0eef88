/**
 * 导入分组名单: a dry run lists every bad row by its line — a group that does not exist, a person not on the roster
 * (by 姓名 + 单位, or 个人签到码), the same person twice, someone already in another group (unless moves are allowed),
 * two 汇报人 for one group — and nothing is imported until the whole file is clean. Imported rows add members to their
 * groups (nobody is taken out of a group the file does not mention); a row marked 汇报人 makes them the reporter.
 */
import { AppError } from '../../contracts/errors.js';
import type { ImportReport } from '../../contracts/training.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { updateTopicGroupRow, type TopicGroupRow } from '../../db/repositories/topic-groups.js';
import type { ParticipantRow } from '../../db/repositories/training.js';
import { UnitMatcher } from '../../domain/training/unit-match.js';
import { GROUP_LIST_TEXT, groupNumber, parseGroupList, type GroupListProblem, type GroupListRow } from '../../import/topic-groups.js';
import { ROSTER_TEXT } from '../../import/participants.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { ClassUnits } from '../training/class-units.js';
import { normalisePersonalCode } from '../training/new-ids.js';
import { requireClass } from '../training/require-class.js';
import { loadGroups } from './list-topic-groups.js';
import { placeMembers } from './set-group-members.js';

type Found<T> = { ok: true; value: T } | { ok: false; problem: Omit<GroupListProblem, 'row'> };

function findGroup(groups: readonly TopicGroupRow[], r: GroupListRow): Found<TopicGroupRow> {
  const byTopic = r.topic ? groups.find((g) => g.topic === r.topic) : undefined;
  if (r.topic && !byTopic) return { ok: false, problem: { column: '议题', message: GROUP_LIST_TEXT.unknownGroup(r.topic) } };
  let byNumber: TopicGroupRow | undefined;
  if (r.group) {
    const n = groupNumber(r.group);
    byNumber = n !== null ? groups.find((g) => g.position === n) : groups.find((g) => g.topic === r.group);
    if (!byNumber) return { ok: false, problem: { column: '组别', message: GROUP_LIST_TEXT.unknownGroup(r.group) } };
  }
  if (byTopic && byNumber && byTopic.id !== byNumber.id) return { ok: false, problem: { column: '组别', message: GROUP_LIST_TEXT.groupsDisagree } };
  return { ok: true, value: (byTopic ?? byNumber)! };
}

export async function importGroupMembers(ctx: AppContext, actor: Actor, classId: string, file: { name: string; data: Buffer }, options: { dryRun: boolean; move: boolean }): Promise<ImportReport> {
  const parsed = await parseGroupList(file.data, file.name);
  return inTransaction(ctx.database.db, async (trx) => {
    const { row: cls } = await requireClass(trx, classId);
    const units = await ClassUnits.load(trx, cls.root_unit_id);
    const matcher = new UnitMatcher([...units.byId.values()]);
    const { groups, groupOf, roster } = await loadGroups(trx, classId);
    const byCode = new Map(roster.map((p) => [p.code, p]));
    const byPlace = new Map(roster.map((p) => [`${p.unit_id}\u0000${p.name}`, p]));

    const findPerson = (r: GroupListRow): Found<ParticipantRow> => {
      if (r.code) {
        const code = normalisePersonalCode(r.code);
        const person = code ? byCode.get(code) : undefined;
        return person ? { ok: true, value: person } : { ok: false, problem: { column: '个人签到码', message: GROUP_LIST_TEXT.unknownCode } };
      }
      const match = matcher.match(r.unit);
      if (match.kind === 'unknown') return { ok: false, problem: { column: '单位', message: ROSTER_TEXT.unknownUnit(r.unit) } };
      if (match.kind === 'ambiguous') return { ok: false, problem: { column: '单位', message: ROSTER_TEXT.ambiguousUnit(r.unit, match.candidates.slice(0, 4).map((id) => units.path(id).replace(/ \/ /g, '/'))) } };
      const person = byPlace.get(`${match.unitId}\u0000${r.name}`);
      return person ? { ok: true, value: person } : { ok: false, problem: { column: '姓名', message: GROUP_LIST_TEXT.unknownPerson(r.name, units.path(match.unitId)) } };
    };

    const problems: GroupListProblem[] = [...parsed.problems];
    const placed = new Map<string, { group: TopicGroupRow; person: ParticipantRow }>();
    const firstRow = new Map<string, number>();
    const reporterRow = new Map<string, number>();
    const reporters = new Map<string, string>();
    for (const r of parsed.rows) {
      const group = findGroup(groups, r);
      if (!group.ok) {
        problems.push({ row: r.row, ...group.problem });
        continue;
      }
      const person = findPerson(r);
      if (!person.ok) {
        problems.push({ row: r.row, ...person.problem });
        continue;
      }
      const p = person.value;
      const g = group.value;
      const first = firstRow.get(p.id);
      if (first !== undefined) {
        problems.push({ row: r.row, column: '姓名', message: GROUP_LIST_TEXT.duplicateInFile(first) });
        continue;
      }
      firstRow.set(p.id, r.row);
      const current = groupOf.get(p.id);
      if (current !== undefined && current !== g.id && !options.move) {
        problems.push({ row: r.row, column: '组别', message: GROUP_LIST_TEXT.inOtherGroup(groups.find((x) => x.id === current)?.topic ?? '') });
        continue;
      }
      if (r.reporter) {
        const marked = reporterRow.get(g.id);
        if (marked !== undefined) {
          problems.push({ row: r.row, column: '汇报人', message: GROUP_LIST_TEXT.secondReporter(marked) });
          continue;
        }
        reporterRow.set(g.id, r.row);
        reporters.set(g.id, p.id);
      }
      placed.set(p.id, { group: g, person: p });
    }
    problems.sort((a, b) => a.row - b.row);
    const report: ImportReport = {
      dryRun: options.dryRun,
      rows: parsed.rows.length + parsed.problems.filter((p) => p.row > 1).length,
      accepted: placed.size,
      imported: 0,
      errors: problems.map((p) => ({ row: p.row, ...(p.column ? { column: p.column } : {}), message: p.message })),
    };
    if (options.dryRun) return report;
    if (problems.length > 0) {
      throw new AppError('invalid_groups', { details: report.errors.map((e) => ({ row: e.row, ...(e.column ? { path: e.column } : {}), message: e.message })) });
    }
    const now = ctx.clock().toISOString();
    for (const g of groups) {
      const ids = [...placed.values()].filter((x) => x.group.id === g.id).map((x) => x.person.id);
      if (ids.length > 0) await placeMembers(trx, classId, g, ids, groups, groupOf, now);
    }
    for (const [groupId, reporterId] of reporters) await updateTopicGroupRow(trx, classId, groupId, { reporter_id: reporterId, updated_at: now });
    await recordAudit(trx, ctx, actor, 'training.group.import', 'training_class', classId, { file: file.name, imported: placed.size, move: options.move });
    return { ...report, imported: placed.size };
  });
}
