/**
 * 测评会有效性: the quorum and over-return rules of a session, stated with its own numbers so the office can read
 * why a session counts, does not count yet, or must be rerun.
 */
import type { SessionTally, Message } from './results.js';
import type { SessionVerdict } from '../contracts/sessions.js';

export function sessionVerdict(counts: SessionTally, recordedPresent: number | null): SessionVerdict {
  const needed = Math.floor(counts.expected / 2) + 1;
  const fromReturned = recordedPresent === null;
  const presentZh = fromReturned ? `收回 ${counts.returned} 份（未登记实到人数，以收回份数计）` : `实到 ${counts.present} 人`;
  const presentEn = fromReturned ? `${counts.returned} returned (no head count recorded; returned sheets stand for it)` : `${counts.present} present`;
  let explanation: Message;
  if (counts.overReturned) {
    explanation = {
      zh: `测评会无效，须重新组织：收回 ${counts.returned} 份，多于发出的 ${counts.issued} 份。`,
      en: `The session is void and must be rerun: ${counts.returned} sheets came back but only ${counts.issued} were issued.`,
    };
  } else if (!counts.quorumMet) {
    explanation = {
      zh: `未达到法定人数：应到 ${counts.expected} 人，须超过半数（至少 ${needed} 人），${presentZh}。`,
      en: `No quorum: ${counts.expected} expected, more than half (at least ${needed}) must be present; ${presentEn}.`,
    };
  } else {
    explanation = {
      zh: `有效：应到 ${counts.expected} 人，${presentZh}，超过半数；发出 ${counts.issued} 份，收回 ${counts.returned} 份，未超出。`,
      en: `Valid: ${counts.expected} expected, ${presentEn}, more than half; ${counts.issued} issued, ${counts.returned} returned, not more.`,
    };
  }
  return {
    status: counts.status,
    quorum: { met: counts.quorumMet, present: counts.present, expected: counts.expected, needed, presentFromReturned: fromReturned },
    overReturn: { void: counts.overReturned, issued: counts.issued, returned: counts.returned },
    explanation,
  };
}
