/** The fields of a stored session that leave the server. */
import type { SessionView } from '../../contracts/sessions.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';

export function sessionView(s: SessionRecord): SessionView {
  return {
    id: s.id,
    campaignId: s.campaignId,
    name: s.name,
    instrumentIds: s.instrumentIds,
    agenda: s.agenda ?? null,
    expected: s.expected,
    paperIssued: s.paperIssued,
    present: s.present,
    status: s.status,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
  };
}
