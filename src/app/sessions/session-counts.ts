/** A session with its counts, verdict and per-group participation. */
import type { SessionOverview } from '../../contracts/sessions.js';
import type { SessionRecord } from '../../db/repositories/sessions.js';
import type { SessionTally } from '../../domain/results.js';
import { sessionVerdict } from '../../domain/session-verdict.js';
import type { CampaignDefinition } from '../../domain/types.js';
import { sessionView } from './session-view.js';

export function withCounts(def: CampaignDefinition, s: SessionRecord, counts: SessionTally | undefined, returned: Record<string, number>): SessionOverview {
  const issued = def.sessions.find((d) => d.id === s.id)?.issued ?? {};
  const ids = [...new Set([...Object.keys(s.expected), ...Object.keys(issued), ...Object.keys(returned)])];
  const groups = ids.map((groupId) => ({
    groupId,
    name: def.raterGroups.find((g) => g.id === groupId)?.name ?? groupId,
    expected: s.expected[groupId] ?? 0,
    issued: issued[groupId] ?? 0,
    returned: returned[groupId] ?? 0,
  }));
  return { ...sessionView(s), counts: counts ?? null, verdict: counts ? sessionVerdict(counts, s.present, s.status) : null, groups };
}
