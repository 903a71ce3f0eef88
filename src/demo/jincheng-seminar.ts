/**
 * The Jincheng class's 座谈会: the 12 townships whose secretaries speak (named by post, never by a person), and the
 * written reports of the other 65 townships — some accepted, some submitted and waiting, the rest missing with the
 * office's reminder. Deterministic: the same plan on every machine.
 */
import type { Unit } from '../domain/types.js';
import { SEMINAR_SPEAKER_PLACES } from './jincheng-agenda.js';

export interface DemoSpeaker {
  id: string;
  name: string;
  unitId: string | null;
  post: string;
  topic: string;
}

export interface DemoReport {
  id: string;
  unitId: string;
  /** "泽州县 南村镇". */
  place: string;
  status: 'missing' | 'submitted' | 'accepted';
  /** China time. */
  submittedAt: string | null;
  acceptedAt: string | null;
  remindedAt: string | null;
  reminders: number;
}

export const SEMINAR_REPORT_TITLE = '乡镇（街道）党（工）委书记座谈会书面交流材料';

const SPEAKER_TOPICS = [
  '网格化治理让群众诉求“件件有回音”',
  '老旧小区“红色物业”破解管理难题',
  '村级集体经济“一村一策”增收路径',
  '乡镇综合行政执法队伍“一支队伍管执法”',
  '党建联盟推动片区抱团发展',
  '村干部星级化管理激发干事活力',
  '农村“带头人”队伍梯次培养',
  '矛盾纠纷多元化解“不出村”',
  '土地流转与特色产业融合发展',
  '驻村工作队与村“两委”协同机制',
  '基层减负与精准考核',
  '生态治理与乡村旅游联动',
];

export interface JinchengSeminar {
  speakers: DemoSpeaker[];
  reports: DemoReport[];
}

export function buildJinchengSeminar(units: readonly Unit[]): JinchengSeminar {
  const byId = new Map(units.map((u) => [u.id, u]));
  const placeOf = (u: Unit) => `${byId.get(u.parentId ?? '')?.name ?? ''}${u.name}`;
  const townships = units.filter((u) => u.level === 'township').sort((a, b) => a.id.localeCompare(b.id));
  const byPlace = new Map(townships.map((u) => [placeOf(u), u]));
  const speakers = SEMINAR_SPEAKER_PLACES.map((place, i): DemoSpeaker => {
    const post = place.endsWith('街道') ? '党工委书记' : '党委书记';
    return { id: `sp-${String(i + 1).padStart(2, '0')}`, name: `${place}${post}`, unitId: byPlace.get(place)?.id ?? null, post, topic: SPEAKER_TOPICS[i % SPEAKER_TOPICS.length]! };
  });
  const speaking = new Set(speakers.map((s) => s.unitId));
  const reports = townships
    .filter((u) => !speaking.has(u.id))
    .slice(0, 65)
    .map((u, i): DemoReport => {
      // 11 accepted and 7 submitted: each with a generated PDF, whose rendering the demo's start-up pays for.
      const accepted = i % 6 === 0;
      const submitted = accepted || i % 9 === 4;
      const minute = String((i * 7) % 60).padStart(2, '0');
      const county = byId.get(u.parentId ?? '')?.name ?? '';
      return {
        id: `rp-${u.id.slice(1)}`,
        unitId: u.id,
        place: `${county} ${u.name}`,
        status: accepted ? 'accepted' : submitted ? 'submitted' : 'missing',
        submittedAt: submitted ? `2022-06-1${4 + (i % 2)}T${String(9 + (i % 8)).padStart(2, '0')}:${minute}:00+08:00` : null,
        acceptedAt: accepted ? `2022-06-16T${String(8 + (i % 3)).padStart(2, '0')}:${minute}:00+08:00` : null,
        remindedAt: submitted ? null : '2022-06-16T08:30:00+08:00',
        reminders: submitted ? 0 : i % 3 === 0 ? 2 : 1,
      };
    });
  return { speakers, reports };
}
