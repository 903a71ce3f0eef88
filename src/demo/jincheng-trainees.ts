/**
 * The class's roster in the Jincheng demo: the 2,100+ cadres the report's 同步课堂 reached, generated from the real
 * division data — every village's (社区's) party secretary under their township, each township's secretary, head,
 * deputy secretary, 组织委员 and 党建办主任, four cadres of each county's organisation department and party school,
 * and the city office's staff. Everyone is named by post and place ("南村镇党委书记", "刘家川村党支部书记"), never by a
 * person's name; nobody has a phone on the roster. Personal codes come from the seed, so every machine prints the
 * same roster.
 */
import type { Unit } from '../domain/types.js';
import type { Village } from '../divisions/china-villages.js';
import type { Random } from './random.js';

export interface DemoParticipant {
  id: string;
  name: string;
  unitId: string;
  post: string;
  /** 个人签到码, XXXX-XXXX. */
  code: string;
}

/** Crockford base 32, as the server's personal codes (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CITY_STAFF = [
  '市委组织部副部长',
  '市委组织部组织一科科长',
  '市委组织部组织一科副科长',
  '市委组织部组织二科科长',
  '市委组织部组织二科副科长',
  '市专项行动办公室综合组组长',
  '市委党校培训处处长',
  '市委党校培训处副处长',
];

/** 区委, 县委, 市委: a county-level unit's party committee by the last character of its name. */
function committee(countyName: string): string {
  return `${countyName.slice(-1)}委`;
}

function countyStaff(countyName: string): { name: string; post: string }[] {
  const c = committee(countyName);
  return ['组织部部长', '组织部副部长', '组织部组织科科长', '党校常务副校长'].map((post) => ({ name: `${countyName}委${post}`, post: `${c}${post}` }));
}

function townshipStaff(township: string): { name: string; post: string }[] {
  const street = township.endsWith('街道');
  const head = street ? '办事处主任' : township.endsWith('乡') ? '乡长' : '镇长';
  const party = street ? '党工委' : '党委';
  return [`${party}书记`, head, `${party}副书记`, '组织委员', '党建办主任'].map((post) => ({ name: `${township}${post}`, post }));
}

/** "刘家川村委会" → 刘家川村 with 村党支部书记; "东圣社区居委会" → 东圣社区 with 社区党组织书记. */
export function villageSecretary(registered: string): { name: string; post: string } {
  const place = registered.replace(/(村民委员会|村委会)$/, '村').replace(/(居民委员会|居委会)$/, '');
  const community = place.endsWith('社区');
  return { name: `${place}${community ? '党组织书记' : '党支部书记'}`, post: community ? '社区党组织书记' : '村党支部书记' };
}

export function personalCode(rng: Random, taken: Set<string>): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 8; i++) s += CROCKFORD[rng.int(0, 31)];
    const code = `${s.slice(0, 4)}-${s.slice(4)}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/**
 * The roster, in the order of the division codes: the city's staff, then each county with its townships, each
 * township's cadres followed by its villages' secretaries.
 */
export function jinchengTrainees(rng: Random, units: readonly Unit[], villages: readonly Village[]): DemoParticipant[] {
  const byCode = [...units].sort((a, b) => (a.code ?? a.id).localeCompare(b.code ?? b.id));
  const villagesOf = new Map<string, Village[]>();
  for (const v of villages) (villagesOf.get(v.townshipId) ?? villagesOf.set(v.townshipId, []).get(v.townshipId)!).push(v);
  const people: { name: string; post: string; unitId: string }[] = [];
  const city = byCode.find((u) => u.parentId === null);
  if (city) people.push(...CITY_STAFF.map((post) => ({ name: post, post, unitId: city.id })));
  for (const county of byCode.filter((u) => u.level === 'county')) {
    people.push(...countyStaff(county.name).map((p) => ({ ...p, unitId: county.id })));
    for (const township of byCode.filter((u) => u.parentId === county.id)) {
      people.push(...townshipStaff(township.name).map((p) => ({ ...p, unitId: township.id })));
      for (const v of villagesOf.get(township.id) ?? []) people.push({ ...villageSecretary(v.name), unitId: township.id });
    }
  }
  const taken = new Set<string>();
  return people.map((p, i) => ({ id: `p-${String(i + 1).padStart(4, '0')}`, ...p, code: personalCode(rng, taken) }));
}
