/**
 * 纸质票录入表: what a clerk's entry page needs to type a session's paper ballots — per rater group, the instruments
 * it answers, their subjects on the agenda, grades, score range and criteria, adjustment items and caps, whether each
 * takes a written opinion (评价意见), the quota rules with concrete counts, and the units a sheet can be bound to (回避)
 * with the subjects each one takes off the sheet.
 */
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { requireSession } from '../sessions/require-session.js';
import { agendaFor } from './build-sheet.js';
import { formAdjustments } from './get-ballot-form.js';
import type { AppContext } from '../context.js';
import { subjectsOnBallot } from '../../domain/conflicts.js';
import { indexDefinition, type DefinitionIndex } from '../../domain/definition-index.js';
import { allowedCount, describeRuleForBallot } from '../../domain/quota.js';
import { UNIT_LEVEL_ORDER, type Instrument, type Subject } from '../../domain/types.js';
import { PAPER_DEFECTS } from '../../domain/ballot-problems.js';
import type { BoundUnitChoice } from '../../contracts/paper.js';
import type { FormInstrument } from '../../contracts/paper.js';
import type { PaperForm } from '../../contracts/paper.js';

export async function paperForm(ctx: AppContext, sessionId: string): Promise<PaperForm> {
  const session = await requireSession(ctx, sessionId);
  const campaign = await requireCampaign(ctx, session.campaignId);
  const def = await requireDefinition(ctx, session.campaignId);
  const index = indexDefinition(def);
  const groups = def.raterGroups
    .map((g) => ({ group: g, instrumentIds: agendaFor(index, session, g.id) }))
    .filter((x) => x.instrumentIds.length > 0)
    .map(({ group, instrumentIds }) => {
      const sheet = instrumentIds.map((id) => {
        const instrument = index.instruments.get(id)!;
        return { instrument, subjects: subjectsOnBallot(index, instrument, null, { ...session, issued: {} }) };
      });
      const choices = boundUnitChoices(index, sheet.flatMap((x) => x.subjects));
      const choiceIds = new Set(choices.map((c) => c.unitId));
      return {
        groupId: group.id,
        name: group.name,
        mode: group.mode,
        boundUnits: choices,
        instruments: sheet.map(({ instrument, subjects }) => formInstrument(index, instrument, subjects, choiceIds)),
      };
    });
  return {
    session: { sessionId: session.id, name: session.name, status: session.status, campaignId: campaign.id, campaignName: campaign.name },
    groups,
    paperDefects: [...PAPER_DEFECTS],
  };
}

function formInstrument(index: DefinitionIndex, instrument: Instrument, subjects: Subject[], choiceIds: ReadonlySet<string>): FormInstrument {
  const n = subjects.length;
  const labels = instrument.kind === 'grade' ? new Map(instrument.grades.map((g) => [g.key, g.label])) : undefined;
  const adjustments = instrument.kind === 'grade' ? null : instrument.adjustments;
  return {
    instrumentId: instrument.id,
    name: instrument.name,
    kind: instrument.kind,
    keyboardEntry: true,
    allowAbstain: instrument.allowAbstain,
    opinion: instrument.opinion,
    grades: instrument.kind === 'grade' ? instrument.grades.map((g) => ({ key: g.key, label: g.label })) : null,
    score:
      instrument.kind === 'score'
        ? { min: instrument.min, max: instrument.max, step: instrument.step, criteria: instrument.criteria?.map((c) => ({ id: c.id, label: c.label, maxPoints: c.maxPoints })) ?? null }
        : null,
    adjustments:
      adjustments === null
        ? null
        : formAdjustments(adjustments),
    subjects: subjects.map((s) => ({ subjectId: s.id, name: s.name, conflictUnitIds: unitChain(index, s.unitId).filter((u) => choiceIds.has(u)) })),
    rules:
      instrument.kind === 'grade'
        ? instrument.quotaRules.map((r) => ({
            ruleId: r.id,
            label: r.label,
            grades: r.grades,
            bound: r.bound,
            base: r.base,
            allowed: r.base === 'all' ? allowedCount(r, n) : null,
            allowedByN: Array.from({ length: n + 1 }, (_, k) => allowedCount(r, k)),
            forBallot: describeRuleForBallot(r, n, labels),
          }))
        : [],
  };
}

/** The unit and its ancestors: a rater bound to any of them has a conflict with a subject of this unit. */
function unitChain(index: DefinitionIndex, unitId: string): string[] {
  const chain: string[] = [];
  let current: string | null = unitId;
  for (let guard = 0; current !== null && guard < 64; guard++) {
    chain.push(current);
    current = index.units.get(current)?.parentId ?? null;
  }
  return chain;
}

/**
 * The units that make sense as a sheet's bound unit: those above or at some of the sheet's subjects. A unit above all of
 * them (the city) would empty the sheet and is left out. Ordered by level, then by first appearance among the subjects.
 */
function boundUnitChoices(index: DefinitionIndex, subjects: Subject[]): BoundUnitChoice[] {
  const distinct = new Map(subjects.map((s) => [s.id, s]));
  const conflicts = new Map<string, number>();
  for (const s of distinct.values()) for (const u of unitChain(index, s.unitId)) conflicts.set(u, (conflicts.get(u) ?? 0) + 1);
  const units = [...conflicts]
    .filter(([id, count]) => count < distinct.size && index.units.has(id))
    .map(([id]) => index.units.get(id)!);
  const order = new Map([...conflicts.keys()].map((id, i) => [id, i]));
  units.sort((a, b) => UNIT_LEVEL_ORDER.indexOf(a.level) - UNIT_LEVEL_ORDER.indexOf(b.level) || order.get(a.id)! - order.get(b.id)!);
  const labelled = units.map((u) => {
    const parent = u.parentId === null ? undefined : index.units.get(u.parentId);
    return { unitId: u.id, name: u.name, label: parent ? `${u.name}（${parent.name}）` : u.name, code: u.code };
  });
  const seen = new Map<string, number>();
  for (const c of labelled) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  return labelled.map(({ unitId, name, label, code }) => ({ unitId, name, label: seen.get(label)! > 1 ? `${label} ${code ?? unitId}` : label }));
}
