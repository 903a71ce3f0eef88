/**
 * 测评会有效性: the quorum and over-return rules of a session, stated with its own numbers so the office can read
 * why a session counts, does not count yet, or must be rerun — and what to do about it.
 */
import type { SessionTally, Message } from './results.js';
import type { SessionVerdict } from '../contracts/sessions.js';
import type { Session } from './types.js';

type JudgedCounts = Pick<SessionTally, 'expected' | 'issued' | 'returned' | 'present' | 'quorumMet' | 'overReturned' | 'status'>;

export function sessionVerdict(counts: JudgedCounts, recordedPresent: number | null, sessionStatus: Session['status']): SessionVerdict {
  const needed = Math.floor(counts.expected / 2) + 1;
  const fromReturned = recordedPresent === null;
  const presentZh = fromReturned ? `收回 ${counts.returned} 份（未登记实到人数，以收回份数计）` : `实到 ${counts.present} 人`;
  const presentEn = fromReturned ? `${counts.returned} returned (no head count recorded; returned sheets stand for it)` : `${counts.present} present`;
  let explanation: Message;
  if (counts.overReturned && sessionStatus !== 'closed') {
    // Still open: sheets handed out unrecorded can yet be recorded, so "rerun" is the last resort, said in the next step.
    explanation = {
      zh: `测评会目前无效：收回 ${counts.returned} 份，多于发出的 ${counts.issued} 份。`,
      en: `The session is void for now: ${counts.returned} sheets came back but only ${counts.issued} were issued.`,
    };
  } else if (counts.overReturned) {
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
    nextStep: nextStep(counts, fromReturned, needed, sessionStatus),
  };
}

/** What the office does about a verdict that is not 有效; null when there is nothing to do (or nothing yet). */
function nextStep(counts: JudgedCounts, fromReturned: boolean, needed: number, sessionStatus: Session['status']): Message | null {
  if (counts.status === 'valid' || sessionStatus === 'draft') return null;
  if (sessionStatus === 'closed') {
    return counts.overReturned
      ? {
          zh: '本场已结束，其选票不计入任何结果。请新建一场测评会，重新发放测评码或纸质票后重新测评。',
          en: 'This session is closed and its ballots count in no result. Create a new session and run the rating again with new codes or paper sheets.',
        }
      : {
          zh: '本场已结束，未达到法定人数，其选票不计入任何结果。请新建一场测评会重新组织测评。',
          en: 'This session closed without a quorum; its ballots count in no result. Create a new session and run the rating again.',
        };
  }
  if (counts.overReturned) {
    return {
      zh: `请先核对纸质票实际发出的份数：如有纸质票发出时未登记，请补记“纸质发出”份数，发出不少于收回的 ${counts.returned} 份后本场恢复有效；如确实多收回了票，请结束本场并新建测评会重新测评（已录入的选票不能删除）。`,
      en: `First check how many paper sheets were really handed out: if sheets went out unrecorded, record them under “paper sheets issued”; once at least ${counts.returned} are issued the session counts again. If more sheets really came back than went out, close this session and run it again in a new one (entered ballots cannot be deleted).`,
    };
  }
  return fromReturned
    ? {
        zh: `请登记实到人数：未登记时以收回份数代替，须超过半数（至少 ${needed} 人）本场才有效。`,
        en: `Record the head count: until then the returned sheets stand for it, and more than half (at least ${needed}) must be present for the session to count.`,
      }
    : {
        zh: `实到人数不足 ${needed} 人。如登记有误，请更正实到人数；如确实不足，本场结束后其选票不计入结果，须另行组织。`,
        en: `Fewer than ${needed} present. If the head count is wrong, correct it; if it is right, the session's ballots will count in no result once it closes, and it must be run again.`,
      };
}
