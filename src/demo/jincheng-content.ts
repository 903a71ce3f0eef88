/**
 * What the Jincheng demo's class produced in its 命题式研讨 and 讲收获: the report's 7 topic groups, each of eleven
 * township (街道) party secretaries in the order of the division codes, with a reporter — the fourth group's is 高平市
 * 建宁乡党委书记, who presented it as the report tells — and two groups' outputs marked best; and a score of trainees'
 * reflections in their own words, some featured. Same seed, same groups and reflections, on every machine.
 */
import { TOPICS } from './jincheng-agenda.js';
import type { DemoParticipant } from './jincheng-trainees.js';
import { createRandom } from './random.js';

export interface DemoGroup {
  id: string;
  position: number;
  topic: string;
  memberIds: string[];
  reporterId: string;
  output: string;
  best: boolean;
}

export interface DemoReflection {
  id: string;
  participantId: string;
  lessonId: string | null;
  text: string;
  /** Beijing wall clock. */
  writtenAt: string;
  featured: boolean;
}

/** The group whose reporter the report names (第四组, 党建引领农村网格治理). */
const NAMED_REPORTER = { group: 4, name: '建宁乡党委书记' };

const OUTPUTS: Record<number, string> = {
  1: [
    '一、问题：部分村集体经济收入来源单一，依赖租赁和上级补助，“空壳村”“薄弱村”仍有一定比例；经营性资产底数不清，闲置资源盘活不够。',
    '二、思路：坚持“党建引领、片区联建、一村一策”，以清产核资为基础，把资源变资产、资金变股金、农民变股东。',
    '三、举措：1. 全面摸清“三资”底数，建立闲置资产台账；2. 推行片区党委统筹，相邻村抱团发展特色种植、光伏、乡村旅游；3. 规范村级财务委托代理，收益分配公开；4. 把集体经济增收纳入村干部星级化考评。',
    '四、目标：一年内全面消除集体经济收入 10 万元以下村，三年内培育一批 50 万元以上强村。',
  ].join('\n'),
  4: [
    '一、现状：全市已划分网格 1.2 万余个，但存在网格员身兼数职、信息上报多头、群众诉求“有人收、无人办”等问题。',
    '二、做法：以村（社区）党组织为核心，把党小组建在网格上，党员联系户、网格员兼任信息员，形成“村党组织—网格党小组—党员中心户”三级体系。',
    '三、机制：建立“网格吹哨、部门报到”响应机制，小事不出网格、大事不出村、难事乡镇统筹；网格事项清单化管理，办结情况每月公开评议。',
    '四、建议：统一网格信息平台，减少重复填报；落实网格员报酬保障，把网格工作实绩作为发展党员、评先选优的重要依据。',
  ].join('\n'),
};

/** Who could have written it: a township's (街道's) party secretary, any township cadre, a village's or a community's secretary, a 组织委员. */
type Writer = 'secretary' | 'township' | 'village' | 'community' | 'organiser' | 'any';

const WRITERS: Record<Writer, (p: DemoParticipant) => boolean> = {
  secretary: (p) => p.post === '党委书记' || p.post === '党工委书记',
  township: (p) => ['党委书记', '党工委书记', '镇长', '乡长', '办事处主任', '党委副书记', '党工委副书记', '组织委员', '党建办主任'].includes(p.post),
  village: (p) => p.post === '村党支部书记',
  community: (p) => p.post === '社区党组织书记',
  organiser: (p) => p.post === '组织委员',
  any: (p) => p.post !== '' && !/^市/.test(p.name),
};

const REFLECTIONS: { writer: Writer; lessonId: string | null; text: string; featured?: boolean }[] = [
  { writer: 'secretary', lessonId: 'l-0615-pm', text: '书记论坛上听了几位书记的发言，最大的感受是“书记讲给书记听”接地气、好借鉴。巴公镇把支部建在产业链上的做法，回去后我准备结合我们的蔬菜基地先试起来。', featured: true },
  { writer: 'any', lessonId: 'l-0615-am', text: '通过云课堂听了各县（市、区）的汇报和市委书记的点评，认识到抓基层治理必须一把手亲自抓，不能只停留在开会发文件上，要一件一件抓落实。' },
  { writer: 'any', lessonId: 'l-0616-am', text: '专班的政策解读把重点任务讲得很清楚，特别是村级集体经济的考核口径和时间节点。以前有些概念模糊，这次心里有数了。' },
  { writer: 'secretary', lessonId: 'l-0616-pm', text: '座谈会上部长和大家面对面交流，问题提得实、回应得也实。我们反映的网格员待遇问题，现场就明确了解决思路，很受鼓舞。', featured: true },
  { writer: 'secretary', lessonId: 'l-0617-am', text: '命题式研讨逼着我们把问题想深想透。我们组围绕网格治理讨论了整整一上午，大家各有各的招，最后形成的建议都是能落地的。' },
  { writer: 'township', lessonId: 'l-0617-pm', text: '案例教学中东城街道“一支队伍管执法”的经验对我启发很大。我们这里执法力量分散、多头执法的问题同样存在，回去要好好研究借鉴。', featured: true },
  { writer: 'community', lessonId: 'l-0617-pm', text: '“红色物业+酬金制”这个案例讲得很细，从党组织怎么牵头到物业费怎么收、怎么用都讲到了。我们社区老旧小区多，这个办法值得学。' },
  { writer: 'village', lessonId: null, text: '三天的培训安排得紧凑实在，既有理论辅导，又有案例剖析，还有面对面交流。作为一名新任村党支部书记，我最大的收获是明白了抓党建就是抓发展、抓治理。', featured: true },
  { writer: 'village', lessonId: null, text: '这次培训让我看到了差距。别的村能把集体经济搞起来，关键是支部班子有想法、敢担当。回村后我要先把班子带好，把党员队伍带起来。' },
  { writer: 'secretary', lessonId: 'l-0617-am', text: '研讨中大家对村干部星级化管理提了很多意见，我觉得评星要和群众评议结合起来，不能只看台账材料，要看群众满不满意。' },
  { writer: 'secretary', lessonId: null, text: '培训中学到的“书记抓、抓书记”这句话我记在了本子上。乡镇党委书记是第一责任人，抓基层治理不能等靠要，要主动作为。' },
  { writer: 'any', lessonId: 'l-0615-pm', text: '凤城镇书记讲的矛盾纠纷“一站式”化解很实用，群众有事找一个地方就能办成，这正是我们努力的方向。' },
  { writer: 'village', lessonId: 'l-0617-pm', text: '端氏镇创新财务委托管理的做法解决了村级财务不规范的老问题，既管住了钱，又减轻了村干部的负担，回去后准备向镇党委建议推广。' },
  { writer: 'any', lessonId: null, text: '通过学习，我对党建引领基层治理有了更系统的认识。今后要把学到的方法用到网格管理、矛盾化解、集体经济发展的具体工作中去。' },
  { writer: 'secretary', lessonId: 'l-0616-pm', text: '座谈会上 12 位书记的发言各有特色，有的讲产业，有的讲治理，有的讲队伍建设。听完之后我梳理了三条可以马上用的办法。' },
  { writer: 'secretary', lessonId: 'l-0617-am', text: '我们组讨论党建联盟和党建共同体，大家认为联建不能搞形式，要围绕产业链、项目链来联，真正做到资源共享、优势互补。' },
  { writer: 'village', lessonId: null, text: '培训结束了，但学习不能结束。我打算把这次培训的主要内容给村“两委”班子成员讲一遍，让大家都知道上级的要求和兄弟村的经验。', featured: true },
  { writer: 'village', lessonId: 'l-0617-pm', text: '刘家川村由“乱”到“治”的变化让人印象深刻。村支书讲到的“先治班子、再治村务”很有道理，一个好支部就是一个村的主心骨。' },
  { writer: 'township', lessonId: 'l-0615-am', text: '同步课堂让我们在县党校就能听到市里的授课，很方便。市委书记讲的基层治理“最后一公里”问题，正是我们乡镇天天面对的问题。' },
  { writer: 'organiser', lessonId: null, text: '作为组织委员，这次培训让我对村干部队伍建设有了新思路：选好人、育好人、管好人，把年轻有为的人才吸引到村干部队伍中来。' },
  { writer: 'secretary', lessonId: 'l-0617-pm', text: '附城镇丈河片区联创共建的案例说明，小村单打独斗难，抱团发展才有出路。我们这里几个村地缘相近，可以探索建立片区联合党委。' },
  { writer: 'any', lessonId: 'l-0616-am', text: '专题辅导讲到要把抓党建促基层治理纳入年度述职评议考核，这让我们更加明确了工作的重点和努力的方向。' },
];

/** Three to eight hours after the class ended, and the next day. */
const WRITTEN_AT = ['2022-06-17T19:', '2022-06-17T20:', '2022-06-17T21:', '2022-06-18T08:', '2022-06-18T09:', '2022-06-18T12:'];

export function jinchengGroups(participants: readonly DemoParticipant[]): DemoGroup[] {
  const secretaries = participants.filter((p) => p.post === '党委书记' || p.post === '党工委书记');
  const named = secretaries.findIndex((p) => p.name === NAMED_REPORTER.name);
  // Round robin in code order, turned so the named reporter falls in their group.
  const shift = named < 0 ? 0 : (((NAMED_REPORTER.group - 1 - named) % TOPICS.length) + TOPICS.length) % TOPICS.length;
  return TOPICS.map((topic, g) => {
    const members = secretaries.filter((_, i) => (i + shift) % TOPICS.length === g);
    const position = g + 1;
    const reporter = position === NAMED_REPORTER.group && named >= 0 ? secretaries[named]! : members[(g * 3) % members.length]!;
    return { id: `g-${position}`, position, topic, memberIds: members.map((m) => m.id), reporterId: reporter.id, output: OUTPUTS[position] ?? '', best: position in OUTPUTS };
  });
}

export function jinchengReflections(participants: readonly DemoParticipant[], seed: number): DemoReflection[] {
  const rng = createRandom(seed ^ 0x3e11ec7);
  const chosen = new Set<string>();
  return REFLECTIONS.map((r, i) => {
    const writers = participants.filter(WRITERS[r.writer]);
    let writer = rng.pick(writers);
    while (chosen.has(writer.id)) writer = rng.pick(writers);
    chosen.add(writer.id);
    const minute = String(rng.int(0, 59)).padStart(2, '0');
    return { id: `r-${String(i + 1).padStart(3, '0')}`, participantId: writer.id, lessonId: r.lessonId, text: r.text, writtenAt: `${WRITTEN_AT[i % WRITTEN_AT.length]}${minute}`, featured: r.featured === true };
  });
}
