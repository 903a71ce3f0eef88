/**
 * The training class of the Jincheng demo as the 2022 report tells it: 全市乡镇（街道）党（工）委书记基层治理能力提升专题培训班,
 * 15–17 June 2022 at the city party school, with the lessons the report names — the “云课堂” 同步课堂 that reached
 * 2,100+ cadres through the city, county and township party schools, the 书记论坛, a 专题辅导 by the task forces,
 * the 座谈会 with 12 speakers and 65 written reports, the 命题式研讨 on 7 topics and the 案例教学 of 6 cases.
 * Speakers are named by their post only, never by a person's name.
 */
import type { LessonKind } from '../domain/training/types.js';
import { JINCHENG_COUNTY_CODES } from './jincheng-names.js';

export const JINCHENG_CLASS_ID = 'tc-jincheng-2022-06';
export const JINCHENG_CLASS_NAME = '全市乡镇（街道）党（工）委书记基层治理能力提升专题培训班';
export const JINCHENG_CLASS_DAYS = { startsOn: '2022-06-15', endsOn: '2022-06-17' } as const;
/** Set up a week before it opened, after the campaign (China time). */
export const JINCHENG_CLASS_CREATED_AT = '2022-06-08T10:00:00+08:00';
/** 迟到宽限 and the share of 学时 a late arrival earns. */
export const JINCHENG_CLASS_RULES = { graceMinutes: 10, lateSharePercent: 50 } as const;

export interface DemoVenue {
  id: string;
  name: string;
  unitId: string;
}

export interface DemoLesson {
  id: string;
  kind: LessonKind;
  title: string;
  /** Beijing wall-clock time, "2022-06-15T08:30". */
  startsAt: string;
  endsAt: string;
  hours: string;
  /** The first is the main venue. */
  venueIds: string[];
  speakers: { name: string; title: string }[];
  materials: { title: string; note: string }[];
}

export const CITY_VENUE_ID = 'v-city';

/** The venue of a county's party school. */
export function countyVenueId(countyCode: string): string {
  return `v-${countyCode}`;
}

/**
 * The city party school (the main venue) and the six county party schools, in the report's county order, named as
 * the schools are: 中共城区委党校, 中共高平市委党校.
 */
export function jinchengVenues(countyNames: ReadonlyMap<string, string>): DemoVenue[] {
  return [
    { id: CITY_VENUE_ID, name: '中共晋城市委党校', unitId: 'u1405' },
    ...JINCHENG_COUNTY_CODES.map((code) => ({ id: countyVenueId(code), name: `中共${countyNames.get('u' + code) ?? code}委党校`, unitId: 'u' + code })),
  ];
}

/** The 12 townships whose secretaries speak at the 座谈会 (the other 65 hand in written reports). */
export const SEMINAR_SPEAKER_PLACES = [
  '城区北街街道', '城区钟家庄街道', '泽州县川底镇', '泽州县高都镇', '高平市北城街道', '高平市马村镇',
  '阳城县寺头乡', '阳城县董封乡', '陵川县古郊乡', '陵川县西河底镇', '沁水县龙港镇', '沁水县胡底乡',
];

const SEMINAR_SPEAKERS = SEMINAR_SPEAKER_PLACES.map((place) => ({ name: `${place}${place.endsWith('街道') ? '党工委书记' : '党委书记'}`, title: '现场发言' }));

export const TOPICS = [
  '村级集体经济壮大提质',
  '农村“带头人”队伍优化提升',
  '乡镇行政执法队伍建设',
  '党建引领农村网格治理',
  '党建联盟和党建共同体创建',
  '村（社区）干部星级化管理',
  '物业党建联建',
];

/** The report's 6 案例教学 cases; each is a case of the demo's library (jincheng-cases.ts). */
export const CASE_TEACHING: { title: string; unit: string; speakers: string[] }[] = [
  { title: '做实“一支队伍管执法”打通基层治理最后一公里', unit: '高平市东城街道', speakers: ['高平市东城街道党工委书记'] },
  { title: '“红色物业+酬金制”破解物业管理难题', unit: '城区开发区街道东圣社区', speakers: ['城区开发区街道党工委书记', '东圣社区党组织书记'] },
  { title: '创新财务委托管理模式全力提升乡村治理水平', unit: '沁水县端氏镇', speakers: ['沁水县端氏镇党委书记'] },
  { title: '党建引领由“乱”到“治”绘就基层治理新画卷', unit: '北石店镇刘家川村', speakers: ['北石店镇党委书记', '刘家川村党支部书记'] },
  { title: '全方位防范化解风险隐患全面筑牢基层发展基石', unit: '阳城县白桑镇', speakers: ['阳城县白桑镇党委书记'] },
  { title: '联创共建抱团发展壮大片区集体经济的实践与探索', unit: '陵川县附城镇丈河片区', speakers: ['陵川县附城镇党委书记', '丈河村党支部书记'] },
];

/** The six lessons, by start. */
export function jinchengLessons(venues: readonly DemoVenue[]): DemoLesson[] {
  const all = venues.map((v) => v.id);
  const city = [CITY_VENUE_ID];
  return [
    {
      id: 'l-0615-am',
      kind: 'synchronized',
      title: '“云课堂”汇报点评：县（市、区）委书记汇报，市委书记点评并作专题授课',
      startsAt: '2022-06-15T08:30',
      endsAt: '2022-06-15T11:30',
      hours: '3',
      venueIds: all,
      speakers: [
        ...['城区', '泽州县', '高平市', '阳城县', '陵川县', '沁水县'].map((county) => ({ name: `${county}委书记`, title: '汇报' })),
        { name: '市委书记', title: '逐一点评并作专题授课' },
      ],
      materials: [{ title: '各县（市、区）基层治理特色做法和工作成效汇报 PPT', note: '市县乡三级党校视频系统同步直播，覆盖县乡村三级' }],
    },
    {
      id: 'l-0615-pm',
      kind: 'forum',
      title: '书记论坛：书记讲给书记听、书记跟着书记学',
      startsAt: '2022-06-15T14:30',
      endsAt: '2022-06-15T17:30',
      hours: '3',
      venueIds: city,
      speakers: ['城区西街街道党工委书记', '泽州县巴公镇党委书记', '高平市米山镇党委书记', '阳城县凤城镇党委书记', '陵川县崇文镇党委书记', '沁水县郑庄镇党委书记'].map((name) => ({ name, title: '上讲台' })),
      materials: [],
    },
    {
      id: 'l-0616-am',
      kind: 'lecture',
      title: '专题辅导：抓党建促基层治理能力提升专项行动重点任务政策解读',
      startsAt: '2022-06-16T08:30',
      endsAt: '2022-06-16T11:30',
      hours: '3',
      venueIds: city,
      speakers: ['组织体系建设专班', '村级集体经济专班', '网格化治理专班'].map((group) => ({ name: `${group}负责同志`, title: '政策解读' })),
      materials: [{ title: '专项行动重点任务清单', note: '各专班印发' }],
    },
    {
      id: 'l-0616-pm',
      kind: 'seminar',
      title: '“面对面”座谈交流：乡镇（街道）党（工）委书记座谈会',
      startsAt: '2022-06-16T14:30',
      endsAt: '2022-06-16T17:30',
      hours: '3',
      venueIds: city,
      speakers: [{ name: '市委常委、市委组织部部长', title: '主持' }, ...SEMINAR_SPEAKERS],
      materials: [{ title: '乡镇（街道）党（工）委书记书面汇报', note: '65 名书记书面汇报' }],
    },
    {
      id: 'l-0617-am',
      kind: 'topic',
      title: '“命题式”互动研讨：分 7 组研讨重点难点课题',
      startsAt: '2022-06-17T08:30',
      endsAt: '2022-06-17T11:30',
      hours: '3',
      venueIds: city,
      speakers: [
        { name: '各研讨组推选的书记', title: '每组 1 名，登台交流研讨成果' },
        { name: '高平市建宁乡党委书记', title: '代表第四组交流“党建引领农村网格治理”' },
      ],
      materials: TOPICS.map((title, i) => ({ title, note: `第${'一二三四五六七'[i]}组` })),
    },
    {
      id: 'l-0617-pm',
      kind: 'case',
      title: '“实操型”案例教学：6 个精品案例实操解读',
      startsAt: '2022-06-17T14:30',
      endsAt: '2022-06-17T17:00',
      hours: '2.5',
      venueIds: city,
      speakers: CASE_TEACHING.flatMap((c) => c.speakers.map((name) => ({ name, title: '案例解读' }))),
      materials: CASE_TEACHING.map((c) => ({ title: `《${c.title}》`, note: `${c.unit}；典型案例库收录` })),
    },
  ];
}
