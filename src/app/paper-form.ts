/**
 * 纸质票录入表: what a clerk's entry page needs to type a session's paper ballots — per rater group, the instruments
 * it answers, their subjects on the agenda, grades or score range, and the quota rules with concrete counts.
 */
import { requireCampaign, requireDefinition } from './load-campaign.js';
import { requireSession } from './manage-sessions.js';
import { agendaFor } from './build-sheet.js';
import type { AppContext } from './context.js';
import { subjectsOnBallot } from '../domain/conflicts.js';
import { indexDefinition } from '../domain/definition-index.js';
import { allowedCount, describeRuleForBallot } from '../domain/quota.js';
import type { Message } from '../domain/results.js';

export interface FormInstrument {
  instrumentId: string;
  name: string;
  kind: 'grade' | 'score' | 'adjustments';
  /** The page types plain grades and plain scores; criteria and adjustments need the office console. */
  keyboardEntry: boolean;
  allowAbstain: boolean;
  grades: { key: string; label: string }[] | null;
  score: { min: string; max: string; step: string } | null;
  subjects: { subjectId: string; name: string }[];
  /** `allowed` is the concrete count for a rule over all subjects; a rule over rated subjects depends on abstentions. */
  rules: { ruleId: string; label: string; grades: string[]; bound: 'max' | 'min'; allowed: number | null; forBallot: Message }[];
}

export interface PaperForm {
  session: { sessionId: string; name: string; status: string; campaignId: string; campaignName: string };
  groups: { groupId: string; name: string; mode: 'anonymous' | 'named'; instruments: FormInstrument[] }[];
}

export async function paperForm(ctx: AppContext, sessionId: string): Promise<PaperForm> {
  const session = await requireSession(ctx, sessionId);
  const campaign = await requireCampaign(ctx, session.campaignId);
  const def = await requireDefinition(ctx, session.campaignId);
  const index = indexDefinition(def);
  const groups = def.raterGroups
    .map((g) => ({ group: g, instrumentIds: agendaFor(index, session, g.id) }))
    .filter((x) => x.instrumentIds.length > 0)
    .map(({ group, instrumentIds }) => ({
      groupId: group.id,
      name: group.name,
      mode: group.mode,
      instruments: instrumentIds.map((id): FormInstrument => {
        const instrument = index.instruments.get(id)!;
        const subjects = subjectsOnBallot(index, instrument, null, { ...session, issued: {} });
        const labels = instrument.kind === 'grade' ? new Map(instrument.grades.map((g) => [g.key, g.label])) : undefined;
        return {
          instrumentId: id,
          name: instrument.name,
          kind: instrument.kind,
          keyboardEntry: instrument.kind === 'grade' || (instrument.kind === 'score' && instrument.criteria === null && instrument.adjustments === null),
          allowAbstain: instrument.allowAbstain,
          grades: instrument.kind === 'grade' ? instrument.grades.map((g) => ({ key: g.key, label: g.label })) : null,
          score: instrument.kind === 'score' ? { min: instrument.min, max: instrument.max, step: instrument.step } : null,
          subjects: subjects.map((s) => ({ subjectId: s.id, name: s.name })),
          rules: instrument.kind === 'grade' ? instrument.quotaRules.map((r) => ({ ruleId: r.id, label: r.label, grades: r.grades, bound: r.bound, allowed: r.base === 'all' ? allowedCount(r, subjects.length) : null, forBallot: describeRuleForBallot(r, subjects.length, labels) })) : [],
        };
      }),
    }));
  return { session: { sessionId: session.id, name: session.name, status: session.status, campaignId: campaign.id, campaignName: campaign.name }, groups };
}
