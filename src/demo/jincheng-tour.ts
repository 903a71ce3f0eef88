/**
 * The report's observation tour (现场观摩) in the Jincheng demo: the 22 sites of 观摩评 over three days, two neighbouring
 * counties a day (城区 and 泽州县 around the city; 高平市 and 陵川县 to the north and east; 阳城县 and 沁水县 to the
 * west), each stop with its theme and an address made of the real township and village names of the division data
 * where the site names a place, otherwise its county seat's; a team of 12 named by seat (观摩团成员01…12) with their
 * posts; and a review meeting (调度点评会) at the end of each county's round — attendees, a comment per site and the
 * remarks, no score. The observers' scores are the demo's ballots of the tour's session: the tour has no phone sheets.
 */
import type { Village } from '../divisions/china-villages.js';
import type { Unit } from '../domain/types.js';
import { OBSERVATION_SITES } from './jincheng-names.js';

export const JINCHENG_TOUR_ID = 'tour-jincheng-2022-06';
export const JINCHENG_TOUR_NAME = '晋城市基层治理现场观摩';

/** County seats (政府驻地), by county code. */
const COUNTY_SEATS: Record<string, string> = {
  '140502': '东街街道',
  '140525': '南村镇',
  '140581': '北城街道',
  '140522': '凤城镇',
  '140524': '崇文镇',
  '140521': '龙港镇',
};

/** Three days, two neighbouring counties a day, each county's sites in turn. */
const DAYS: { date: string; counties: [string, string] }[] = [
  { date: '2022-06-06', counties: ['140502', '140525'] },
  { date: '2022-06-07', counties: ['140581', '140524'] },
  { date: '2022-06-08', counties: ['140522', '140521'] },
];

/** Two visits before noon, two after, per county: a day of two counties is eight stops at most. */
const TIMES = ['08:30', '09:30', '10:30', '11:30', '14:30', '15:30', '16:30', '17:30'];

/**
 * Per site (in OBSERVATION_SITES order): its theme, and the place it names — a village or community (村、社区) or a
 * township (乡镇), looked up in the division data — or null for a site named by its work, which is given the county
 * seat's address.
 */
const SITE_DETAILS: Record<string, { theme: string; place: { village: string } | { township: string } | null }[]> = {
  '140502': [
    { theme: '“红色物业+酬金制”：党建引领老旧小区物业管理', place: { village: '东圣社区' } },
    { theme: '物业管理“酬金制”改革：收支公开、业主监督', place: null },
    { theme: '社区大食堂：“一老一小”就餐与邻里服务', place: null },
    { theme: '网格化管理与“接诉即办”', place: null },
  ],
  '140525': [
    { theme: '党建引领由“乱”到“治”的村级治理', place: { village: '刘家川村' } },
    { theme: '网格员“捆绑式”积分考核', place: null },
    { theme: '乡镇综合行政执法改革', place: null },
    { theme: '村级集体经济“清化收”', place: null },
  ],
  '140581': [
    { theme: '村规民约与积分制管理', place: { village: '沟北村' } },
    { theme: '村级事务“五个管住”', place: null },
    { theme: '市域社会治理现代化指挥中心：一网统管', place: null },
    { theme: '“一支队伍管执法”', place: null },
  ],
  '140522': [
    { theme: '皇城·郭峪共同富裕先行区：古村落保护与文旅融合', place: { village: '皇城村' } },
    { theme: '乡村振兴党建联盟：强村带弱村', place: null },
    { theme: '矛盾纠纷多元化解', place: null },
    { theme: '农村人居环境整治', place: null },
  ],
  '140524': [
    { theme: '丈河片区联合党委：抱团发展壮大集体经济', place: { village: '丈河村' } },
    { theme: '阵地建设“五新八有十星”', place: null },
    { theme: '太行山区生态治理与乡村旅游', place: null },
  ],
  '140521': [
    { theme: '侯村：村集体经济与乡风文明', place: { village: '侯村' } },
    { theme: '“郑·能量槐芽工作室”：导师传帮带培养村级后备力量', place: { township: '郑庄镇' } },
    { theme: '财务委托管理与村级“小微权力”监督', place: null },
  ],
};

/** The team: seats and posts, never persons. */
const OBSERVER_POSTS = [
  '市委组织部副部长',
  '市委组织部组织一科科长',
  '市委组织部组织二科科长',
  '市委组织部基层工作办公室主任',
  '市委政法委副书记',
  '市民政局副局长',
  '市农业农村局副局长',
  '市司法局副局长',
  '市住房和城乡建设局副局长',
  '市委宣传部副部长',
  '市纪委监委第二监督检查室副主任',
  '市委党校副校长',
];

const COMMENTS = [
  '{site}工作思路清晰、做法务实，{theme}特色鲜明，群众认可度高，经验值得在全市推广。',
  '{site}围绕“{theme}”领题破题，机制创新有突破，建议进一步总结提炼、形成制度成果。',
  '{site}基础扎实、台账完整，{theme}成效初显，下一步要在长效机制上再下功夫。',
  '{site}“{theme}”亮点突出，但部分资料与实际不够对应，要注重实效、防止“重展示轻落实”。',
];

const REMARKS = [
  '{county}专项行动推进有力，领题破题方向明确，观摩点各具特色。下一步要坚持问题导向，把观摩中发现的短板逐项整改到位，把成熟经验固化为制度。',
  '{county}党建引领基层治理的路径清晰，群众参与度高。要在集体经济发展、网格化管理上持续发力，防止“盆景”不成“风景”。',
];

export interface DemoTourStop {
  subjectId: string;
  theme: string;
  address: string;
  plannedTime: string;
}

export interface DemoTourDay {
  date: string;
  label: string;
  stops: DemoTourStop[];
}

export interface DemoTourReview {
  unitId: string;
  heldOn: string;
  place: string;
  attendees: string[];
  siteComments: Record<string, string>;
  remarks: string;
}

export interface DemoTour {
  id: string;
  name: string;
  days: DemoTourDay[];
  observers: { name: string; roleName: string }[];
  reviews: DemoTourReview[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 城区委 → 城区区委, 泽州县 → 泽州县委, 高平市 → 高平市委. */
const committee = (county: string) => (county.endsWith('区') ? `${county}区委` : `${county}委`);
/** A village's own name from its committee's: 东圣社区居委会 → 东圣社区, 刘家川村委会 → 刘家川村, 侯村村委会 → 侯村. */
function villageName(registered: string): string {
  const community = /^(.+?)(居民委员会|居委会)$/.exec(registered);
  if (community) return community[1]!;
  const village = /^(.+?)(村民委员会|村委会)$/.exec(registered);
  if (!village) return registered;
  return village[1]!.endsWith('村') ? village[1]! : `${village[1]!}村`;
}

/**
 * `units`: the demo's units (the city, its counties and townships); `villages`: the city's village-level names. A site
 * naming a place is placed where the division data has it (a village is looked for in its county first, then in the
 * city: 刘家川村 is in 北石店镇, which the data files under 城区); a place the data lacks falls back to the seat.
 */
export function jinchengTour(units: readonly Unit[], villages: readonly Village[]): DemoTour {
  const byId = new Map(units.map((u) => [u.id, u]));
  const county = (code: string) => {
    const u = units.find((x) => x.code === code && x.level === 'county');
    if (!u) throw new Error(`division data lacks county ${code}`);
    return u;
  };
  const townshipOf = (countyId: string, name: string) => units.find((u) => u.level === 'township' && u.parentId === countyId && u.name === name);
  const cityName = units.find((u) => u.level === 'city')?.name ?? '晋城市';
  const address = (countyCode: string, place: (typeof SITE_DETAILS)[string][number]['place']): string => {
    const c = county(countyCode);
    const seat = `山西省${cityName}${c.name}${COUNTY_SEATS[countyCode] ?? ''}`;
    if (place === null) return seat;
    if ('township' in place) return townshipOf(c.id, place.township) ? `山西省${cityName}${c.name}${place.township}` : seat;
    const named = (v: Village) => villageName(v.name) === place.village;
    const inCounty = villages.filter((v) => named(v) && byId.get(v.townshipId)?.parentId === c.id);
    const found = inCounty.length === 1 ? inCounty[0] : villages.filter(named).length === 1 ? villages.find(named) : undefined;
    const township = found ? byId.get(found.townshipId) : undefined;
    const townshipCounty = township ? byId.get(township.parentId ?? '') : undefined;
    if (!found || !township || !townshipCounty) return seat;
    return `山西省${cityName}${townshipCounty.name}${township.name}${villageName(found.name)}`;
  };

  const days: DemoTourDay[] = DAYS.map((day) => {
    const stops: DemoTourStop[] = day.counties.flatMap((code) =>
      (OBSERVATION_SITES[code] ?? []).map((_, i) => {
        const detail = SITE_DETAILS[code]![i]!;
        return { subjectId: `site-${code}-${i + 1}`, theme: detail.theme, address: address(code, detail.place), plannedTime: '' };
      }),
    );
    stops.forEach((s, i) => void (s.plannedTime = TIMES[i]!));
    return { date: day.date, label: day.counties.map((code) => county(code).name).join('、'), stops };
  });

  const observers = OBSERVER_POSTS.map((roleName, i) => ({ name: `观摩团成员${pad(i + 1)}`, roleName }));

  const reviews: DemoTourReview[] = DAYS.flatMap((day, d) =>
    day.counties.map((code, k) => {
      const c = county(code);
      const sites = (OBSERVATION_SITES[code] ?? []).map((name, i) => ({ subjectId: `site-${code}-${i + 1}`, name, theme: SITE_DETAILS[code]![i]!.theme }));
      const siteComments: Record<string, string> = {};
      sites.forEach((s, i) => {
        siteComments[s.subjectId] = COMMENTS[(i + d + k) % COMMENTS.length]!.replaceAll('{site}', s.name).replaceAll('{theme}', s.theme.split('：')[0]!.replace(/[“”]/g, ''));
      });
      return {
        unitId: c.id,
        heldOn: day.date,
        place: `${committee(c.name)}党校报告厅`,
        attendees: [`观摩团成员（${observers.length} 人）`, `${committee(c.name)}书记`, `${committee(c.name)}组织部部长`, `${c.name}各乡镇（街道）党（工）委书记`, '市委组织部组织二科'],
        siteComments,
        remarks: REMARKS[(d + k) % REMARKS.length]!.replaceAll('{county}', c.name),
      };
    }),
  );

  return { id: JINCHENG_TOUR_ID, name: JINCHENG_TOUR_NAME, days, observers, reviews };
}
