/**
 * 大屏看板: what the room's big screen may show for a session — participation per rater group while voting, then,
 * as each instrument's `visibility` allows, the subjects ranked and the rankings with tiers. Anonymity: nothing per
 * rater; a group with 1–2 returned sheets shows no count, and a subject scored by fewer than 3 ballots shows no score.
 *
 * The room never hears a verdict: whether the session is void or below quorum goes to the office console, which
 * decides what to do. While a count does not add up (more sheets back than issued), or once a closed session turns out
 * not to count, the board holds: one neutral line, no numbers, no results, until the office acts.
 */
import { MESSAGES } from '../../contracts/messages.js';
import type { ScreenBoard } from '../../contracts/screen.js';
import { countReturnedSheets } from '../../db/repositories/ballots.js';
import { issuedCounts, type SessionRecord } from '../../db/repositories/sessions.js';
import { formatFixed, type Fraction } from '../../domain/exact.js';
import { MIN_VALUES_SHOWN, presentTally } from '../../domain/present.js';
import type { Message } from '../../domain/results.js';
import { judgeSession } from '../../domain/tally.js';
import type { Instrument } from '../../domain/types.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { AppContext } from '../context.js';
import { computeTally } from '../results/compute-tally.js';
import { requireSession } from './require-session.js';

const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

function waitingFor(visibility: Instrument['visibility'], status: SessionRecord['status'], allVoted: boolean): Message | null {
  if (status === 'draft') return MESSAGES.screenBeforeOpen;
  if (visibility === 'live') return null;
  if (status === 'closed') return null;
  if (visibility === 'after-all-voted') return allVoted ? null : MESSAGES.screenAfterAllVoted;
  return MESSAGES.screenAfterClose;
}

/** The neutral line the screen shows instead of a count the office must look at first; null when all is in order. */
function holdFor(status: SessionRecord['status'], judged: ReturnType<typeof judgeSession>): Message | null {
  if (judged.overReturned) return status === 'closed' ? MESSAGES.screenClosedChecking : MESSAGES.screenChecking;
  if (status === 'closed' && judged.status !== 'valid') return MESSAGES.screenClosedChecking;
  return null;
}

export async function screenBoard(ctx: AppContext, sessionId: string): Promise<ScreenBoard> {
  const session = await requireSession(ctx, sessionId);
  const campaign = await requireCampaign(ctx, session.campaignId);
  const def = await requireDefinition(ctx, session.campaignId);
  const issued = await issuedCounts(ctx.database.db, sessionId);
  const returned = await countReturnedSheets(ctx.database.db, sessionId);
  const returnedTotal = total(returned);
  const judged = judgeSession({ ...session, issued }, returnedTotal);
  const header = { sessionId, name: session.name, status: session.status, campaignName: campaign.name };
  const hold = holdFor(session.status, judged);
  if (hold !== null) {
    return {
      session: header,
      hold,
      participation: null,
      instruments: session.instrumentIds.map((id) => {
        const instrument = def.instruments.find((i) => i.id === id)!;
        return { instrumentId: id, name: instrument.name, visibility: instrument.visibility, visible: false, waiting: hold, subjects: [] };
      }),
      rankings: [],
      provisional: session.status !== 'closed',
    };
  }
  const groupIds = new Set([...Object.keys(session.expected), ...Object.keys(issued), ...Object.keys(returned)]);
  const allVoted = judged.issued > 0 && returnedTotal >= judged.issued;

  const instrumentsById = new Map(def.instruments.map((i) => [i.id, i]));
  const plan = session.instrumentIds.map((id) => {
    const instrument = instrumentsById.get(id)!;
    return { instrument, waiting: waitingFor(instrument.visibility, session.status, allVoted) };
  });
  const visibleIds = new Set(plan.filter((p) => p.waiting === null).map((p) => p.instrument.id));
  const computed = visibleIds.size > 0 ? await computeTally(ctx, def.id) : null;
  const agenda = session.agenda ? new Set(session.agenda) : null;
  const subjects = new Map(def.subjects.map((s) => [s.id, s]));

  const instruments = plan.map(({ instrument, waiting }) => {
    const it = computed?.tally.instruments.find((t) => t.instrumentId === instrument.id);
    const rows = waiting !== null || !it ? [] : it.subjects
      .filter((s) => agenda === null || agenda.has(s.subjectId))
      .map((s) => {
        const count = s.groups.reduce((n, g) => n + g.count, 0);
        const hidden = count < MIN_VALUES_SHOWN;
        return { subjectId: s.subjectId, name: subjects.get(s.subjectId)?.name ?? s.subjectId, exact: hidden ? null : s.score, hidden };
      });
    return {
      instrumentId: instrument.id,
      name: instrument.name,
      visibility: instrument.visibility,
      visible: waiting === null,
      waiting,
      subjects: rankRows(rows, def.precision),
    };
  });

  let rankings: ScreenBoard['rankings'] = [];
  if (computed) {
    const presented = presentTally(computed.def, computed.tally);
    const agendaUnits = agenda === null ? null : new Set([...agenda].map((id) => subjects.get(id)?.unitId));
    const thin = new Set(
      computed.tally.instruments
        .filter((it) => it.subjects.some((s) => {
          const count = s.groups.reduce((n, g) => n + g.count, 0);
          return count > 0 && count < MIN_VALUES_SHOWN;
        }))
        .map((it) => it.instrumentId),
    );
    rankings = def.rankings
      .filter((r) => r.components.every((c) => visibleIds.has(c.instrumentId)) && r.adjustmentInstrumentIds.every((id) => visibleIds.has(id)))
      .map((spec) => {
        const p = presented.rankings.find((r) => r.rankingId === spec.id)!;
        const hidden = [...spec.components.map((c) => c.instrumentId), ...spec.adjustmentInstrumentIds].some((id) => thin.has(id));
        return {
          rankingId: spec.id,
          name: spec.name,
          hiddenForAnonymity: hidden,
          rows: hidden ? [] : p.rows
            .filter((row) => agendaUnits === null || agendaUnits.has(row.unitId))
            .map((row) => ({ rank: row.rank, name: row.name, total: row.total.display, tierLabel: row.tierLabel, tierTie: row.tierTie })),
        };
      });
  }

  return {
    session: header,
    hold: null,
    participation: {
      expected: judged.expected,
      issued: judged.issued,
      returned: returnedTotal,
      groups: def.raterGroups.filter((g) => groupIds.has(g.id)).map((g) => {
        const n = returned[g.id] ?? 0;
        const hidden = n > 0 && n < MIN_VALUES_SHOWN;
        return { groupId: g.id, name: g.name, expected: session.expected[g.id] ?? 0, issued: issued[g.id] ?? 0, returned: hidden ? null : n, hiddenForAnonymity: hidden };
      }),
    },
    instruments,
    rankings,
    provisional: session.status !== 'closed',
  };
}

/** Descending by exact score; equal scores share a rank (1, 2, 2, 4); hidden and unscored subjects come last, unranked. */
function rankRows(rows: { subjectId: string; name: string; exact: Fraction | null; hidden: boolean }[], precision: number): ScreenBoard['instruments'][number]['subjects'] {
  const scored = rows.filter((r) => r.exact !== null).sort((a, b) => b.exact!.compare(a.exact!));
  const rest = rows.filter((r) => r.exact === null);
  const out: ScreenBoard['instruments'][number]['subjects'] = [];
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    const rank = prev && prev.exact!.equals(r.exact!) ? out[i - 1]!.rank : i + 1;
    out.push({ rank, subjectId: r.subjectId, name: r.name, score: formatFixed(r.exact!, precision), hiddenForAnonymity: false });
  });
  for (const r of rest) out.push({ rank: 0, subjectId: r.subjectId, name: r.name, score: null, hiddenForAnonymity: r.hidden });
  return out;
}
