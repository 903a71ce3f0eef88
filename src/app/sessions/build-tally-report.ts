/**
 * 计票单: one session's count — issued, returned, valid, invalid, abstentions, per-subject grade counts and scores
 * from this session's ballots only, the invalid ballots with their reasons, and the session's verdict. The printable
 * page and the xlsx are renderings of this one object.
 */
import type { TallyReport } from '../../contracts/tally-report.js';
import { listBallotsForTally } from '../../db/repositories/ballots.js';
import { presentNumber } from '../../domain/present.js';
import { sessionVerdict } from '../../domain/session-verdict.js';
import { tallyCampaign } from '../../domain/tally.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { AppContext } from '../context.js';
import { requireSession } from './require-session.js';

export async function buildTallyReport(ctx: AppContext, sessionId: string): Promise<TallyReport> {
  const record = await requireSession(ctx, sessionId);
  const campaign = await requireCampaign(ctx, record.campaignId);
  const def = await requireDefinition(ctx, record.campaignId);
  const session = def.sessions.find((s) => s.id === sessionId)!;
  const all = await listBallotsForTally(ctx.database.db, def.id, def.instruments);
  const ballots = all.filter((b) => b.sessionId === sessionId);
  // Counted as cast: the report shows what came in even when the verdict leaves it out of the results.
  const tally = tallyCampaign({ ...def, sessions: [{ ...session, status: 'open' }] }, ballots);
  const counts = tally.sessions[0]!;
  const sheetPrefix = `paper:${sessionId}:`;
  const byId = new Map(ballots.map((b) => [b.id, b]));
  const returnedByGroup = new Map<string, Set<string>>();
  for (const b of ballots) {
    const sheets = returnedByGroup.get(b.raterGroupId) ?? new Set<string>();
    sheets.add(b.sheetId);
    returnedByGroup.set(b.raterGroupId, sheets);
  }
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const subjects = new Map(def.subjects.map((s) => [s.id, s]));
  const agenda = session.agenda ? new Set(session.agenda) : null;
  const groupIds = [...new Set([...Object.keys(session.expected), ...Object.keys(session.issued), ...returnedByGroup.keys()])];
  return {
    campaign: { campaignId: campaign.id, name: campaign.name },
    session: { sessionId, name: record.name, status: record.status, openedAt: record.openedAt, closedAt: record.closedAt },
    generatedAt: ctx.clock().toISOString(),
    counts: {
      expected: counts.expected,
      issued: counts.issued,
      returned: counts.returned,
      present: counts.present,
      validBallots: counts.validBallots,
      invalidBallots: counts.invalidBallots,
      sheetsWithInvalid: counts.sheetsWithInvalid,
      abstentions: counts.abstentions,
    },
    verdict: sessionVerdict(counts, record.present, record.status),
    counted: record.status !== 'closed' || counts.status === 'valid',
    groups: def.raterGroups
      .filter((g) => groupIds.includes(g.id))
      .map((g) => ({ groupId: g.id, name: g.name, expected: session.expected[g.id] ?? 0, issued: session.issued[g.id] ?? 0, returned: returnedByGroup.get(g.id)?.size ?? 0 })),
    instruments: tally.instruments
      .filter((it) => record.instrumentIds.includes(it.instrumentId))
      .map((it) => {
        const instrument = instruments.get(it.instrumentId)!;
        return {
          instrumentId: it.instrumentId,
          name: instrument.name,
          kind: instrument.kind,
          grades: instrument.kind === 'grade' ? instrument.grades.map((g) => ({ key: g.key, label: g.label })) : null,
          subjects: it.subjects
            .filter((s) => agenda === null || agenda.has(s.subjectId))
            .map((s) => {
              const shown = s.score === null ? null : presentNumber(s.score, def.precision);
              return {
                subjectId: s.subjectId,
                name: subjects.get(s.subjectId)?.name ?? s.subjectId,
                valueCount: s.groups.reduce((n, g) => n + g.count, 0),
                abstentions: s.abstentions,
                gradeCounts: instrument.kind === 'grade' && s.gradeCounts ? instrument.grades.map((g) => s.gradeCounts![g.key] ?? 0) : null,
                score: shown?.display ?? null,
                exact: shown?.exact ?? null,
              };
            }),
        };
      }),
    invalidBallots: tally.invalidBallots.map((b) => {
      const ballot = byId.get(b.ballotId)!;
      return {
        channel: b.channel,
        // A paper sheet's number lets the clerk find the paper; an online ballot keeps no identifier here.
        sheetNumber: ballot.channel !== 'paper' ? null : ballot.sheetId.startsWith(sheetPrefix) ? ballot.sheetId.slice(sheetPrefix.length) : ballot.sheetId,
        instrumentId: ballot.instrumentId,
        instrumentName: instruments.get(ballot.instrumentId)?.name ?? ballot.instrumentId,
        reasons: b.problems.map((p) => ({ zh: p.message.zh, en: p.message.en })),
      };
    }).sort((a, b) => (a.sheetNumber ?? '').localeCompare(b.sheetNumber ?? '', 'zh-CN', { numeric: true })),
  };
}
