/**
 * 选票表单: what a rater's phone shows for one token — the instruments the token's group answers in its session, the
 * subjects on this very ballot (agenda minus 回避), each quota rule as a concrete count for this ballot's size, and the
 * bonus/deduction items with their caps where an instrument takes adjustments.
 * It carries nothing about other raters; an anonymous token names no person.
 */
import type { BallotForm, BallotFormRequest } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { subjectsOnBallot } from '../../domain/conflicts.js';
import type { DefinitionIndex } from '../../domain/definition-index.js';
import { allowedCount, describeRuleForBallot, ruleTitle } from '../../domain/quota.js';
import type { AdjustmentConfig, Instrument, Session } from '../../domain/types.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';
import { agendaFor } from './build-sheet.js';
import type { AppContext } from '../context.js';
import { findToken } from './find-token.js';
import type { Caller } from './guess-guard.js';

type FormInstrument = BallotForm['instruments'][number];

/** A form with its JSON text, written once per group of raters (see `shownInstruments`). */
export interface WrittenForm {
  form: BallotForm;
  json: string;
}

export async function getBallotForm(ctx: AppContext, input: BallotFormRequest, caller: Caller): Promise<WrittenForm> {
  const token = await findToken(ctx, input, caller);
  // Its submission will not read it again when it comes to this server (token-lookup.ts).
  if (input.token !== undefined) ctx.tokens.keepRedeemed(token);
  // The kept definition (definition-cache.ts): a room of raters redeeming at once must not reload it per phone. Its
  // session's status is a snapshot; the status shown is the one read with the token (find-token.ts), in the same query.
  const { index, session: kept } = await ctx.definitions.forSheet(token.campaignId, token.sessionId, token.boundUnitId);
  const def = index.def;
  const group = index.groups.get(token.raterGroupId);
  if (!group) throw new AppError('not_found');
  const used = token.status === 'used';
  const bound = token.boundUnitId !== null && index.units.has(token.boundUnitId) ? token.boundUnitId : null;
  const shown = used ? NONE : shownInstruments(index, kept, group.id, bound);
  const head = {
    campaign: { name: def.name },
    session: { id: kept.id, name: kept.name, status: token.sessionStatus },
    token: { status: used ? ('used' as const) : ('issued' as const), receipt: used ? token.receipt : null },
    group: { name: group.name, mode: group.mode, raterName: group.mode === 'named' ? token.raterName : null },
  };
  // The same text JSON.stringify writes for the whole form: the head's fields, then the instruments' kept text.
  const json = `${JSON.stringify(head).slice(0, -1)},"instruments":${shown.json}}`;
  return { form: { ...head, instruments: shown.instruments }, json };
}

interface Shown {
  instruments: FormInstrument[];
  json: string;
}

const NONE: Shown = { instruments: [], json: '[]' };

/**
 * The instruments a group's raters see in a session (with a bound unit, that unit's), and their JSON: the same for
 * every rater of the group, so presented and written once per kept definition — a room of 21,000 raters redeeming
 * built and wrote them once each, ~30 µs of the main thread a phone. Kept with the definition's index, so a changed
 * set-up (a new index) presents them again. Shared between answers: never changed once made.
 */
const shownByDefinition = new WeakMap<DefinitionIndex, Map<string, Shown>>();

function shownInstruments(index: DefinitionIndex, session: SessionRecord, groupId: string, bound: string | null): Shown {
  let kept = shownByDefinition.get(index);
  if (!kept) shownByDefinition.set(index, (kept = new Map()));
  const key = `${session.id}\n${groupId}\n${bound ?? ''}`;
  let shown = kept.get(key);
  if (!shown) {
    // The agenda as the rule checker sees it (the definition's session), so the form's n is the n `checkBallot` uses.
    const agendaSession = index.sessions.get(session.id) ?? null;
    const instruments = agendaFor(index, session, groupId).map((id) => presentInstrument(index, index.instruments.get(id)!, bound, agendaSession));
    shown = { instruments, json: JSON.stringify(instruments) };
    kept.set(key, shown);
  }
  return shown;
}

function presentInstrument(index: DefinitionIndex, instrument: Instrument, bound: string | null, session: Session | null): FormInstrument {
  const subjects = subjectsOnBallot(index, instrument, bound, session);
  const n = subjects.length;
  const base: FormInstrument = {
    id: instrument.id,
    name: instrument.name,
    kind: instrument.kind,
    allowAbstain: instrument.allowAbstain,
    opinion: instrument.opinion,
    grades: null,
    score: null,
    adjustments: null,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    rules: [],
  };
  if (instrument.kind === 'score') {
    base.score = {
      min: instrument.min,
      max: instrument.max,
      step: instrument.step,
      criteria: instrument.criteria?.map((c) => ({ id: c.id, label: c.label, maxPoints: c.maxPoints })) ?? null,
    };
  }
  const adjustments = instrument.kind === 'grade' ? null : instrument.adjustments;
  if (adjustments !== null) {
    base.adjustments = formAdjustments(adjustments);
  }
  if (instrument.kind !== 'grade') return base;
  const labels = new Map(instrument.grades.map((g) => [g.key, g.label]));
  base.grades = instrument.grades.map((g) => ({ key: g.key, label: g.label }));
  base.rules = instrument.quotaRules.map((rule) => ({
    id: rule.id,
    title: ruleTitle(rule, labels),
    grades: rule.grades,
    bound: rule.bound,
    base: rule.base,
    allowed: allowedCount(rule, n),
    allowedByRated: rule.base === 'rated' ? Array.from({ length: n + 1 }, (_, k) => allowedCount(rule, k)) : null,
    description: describeRuleForBallot(rule, n, labels),
  }));
  return base;
}

/** The adjustments a form shows (the phone ballot and the paper entry alike): items, steps, caps and their reading. */
export function formAdjustments(config: AdjustmentConfig): NonNullable<BallotForm['instruments'][number]['adjustments']> {
  return {
    items: config.items.map((a) => ({ id: a.id, label: a.label, direction: a.direction, maxPoints: a.maxPoints, ...(a.step === undefined ? {} : { step: a.step }) })),
    maxTotalBonus: config.maxTotalBonus,
    maxTotalDeduction: config.maxTotalDeduction,
    capReading: config.capReading ?? 'ceiling',
  };
}
