/**
 * Typical cases (典型案例) in the words a county organisation department writes them in: a title, a summary, and a
 * body of 基本情况 / 主要做法 / 取得成效 / 经验启示, on a real township and village, with tags such as 集体经济, 物业管理,
 * 接诉即办, 网格化, 乡村治理, 红色物业 and 基层执法. Generated from phrase banks with a seeded random stream, so the
 * demo's library and the search benchmark's 10,000 cases are the same on every machine.
 */
import type { Random } from './random.js';

export interface CasePlace {
  county: string;
  township: string;
  /** A village or community of the township, or null for a township-wide case. */
  village: string | null;
}

export interface CaseText {
  title: string;
  summary: string;
  body: string;
  tags: string[];
  year: number;
}

interface Topic {
  tags: string[];
  titles: string[];
  problems: string[];
  measures: string[];
  effects: string[];
  lessons: string[];
}

const TOPICS: Topic[] = [
  {
    tags: ['集体经济', '乡村振兴'],
    titles: ['“村企联建”壮大村级集体经济', '盘活闲置资源 发展壮大集体经济', '“飞地抱团”破解集体经济薄弱难题', '土地托管让集体和农户双增收', '清化收盘活农村集体资产'],
    problems: ['村集体经济收入长期不足5万元，办事缺钱、服务乏力', '闲置校舍、撂荒土地无人经营，集体资产家底不清', '村级产业单打独斗、规模小、抗风险能力弱', '部分合同期限过长、租金明显偏低，集体资产流失'],
    measures: ['成立村股份经济合作社，将闲置资源折股量化到户', '开展农村集体资产“清化收”，逐项清理不规范合同', '由村党支部领办合作社，统一流转土地、统一种植、统一销售', '与周边企业签订联建协议，以资源入股获取保底收益', '探索“飞地抱团”模式，多村联合投资建设标准化厂房', '发展光伏、小杂粮加工等项目，形成稳定收入来源'],
    effects: ['村集体经济收入由不足5万元增至30余万元', '清理不规范合同40余份，收回资产资源价值200余万元', '带动120余户群众户均增收4000元以上', '集体经济“空壳村”全部清零'],
    lessons: ['发展集体经济关键在党组织的引领和带头人的担当', '要把清产核资作为壮大集体经济的基础工作抓实抓细', '抱团发展可以有效破解单村资源不足的瓶颈'],
  },
  {
    tags: ['红色物业', '物业管理'],
    titles: ['“红色物业”破解老旧小区管理难题', '党建引领物业服务 打通为民服务最后一米', '“红色物业+酬金制”提升小区治理水平', '物业党建联建让小区“管得住、管得好”'],
    problems: ['老旧小区无物业、无管理、无维护，群众投诉集中', '物业企业与业主矛盾突出，物业费收缴率不足四成', '小区停车乱、环境差、设施老化，居民意见大'],
    measures: ['推动物业企业成立党支部，社区党组织书记兼任物业党建指导员', '实行“酬金制”物业服务，收支向全体业主公开', '建立社区党组织、业委会、物业企业“三方联席”会议制度', '组织党员志愿者认领楼栋，参与小区日常管理', '对物业服务开展季度测评，结果与续聘挂钩'],
    effects: ['物业费收缴率由38%提高到92%', '小区环境明显改善，群众满意度达到96%以上', '化解物业矛盾纠纷60余件', '12个无物业小区全部实现专业化或准物业化管理'],
    lessons: ['物业管理是城市基层治理的重要阵地，必须把党的领导贯穿始终', '公开透明是赢得业主信任的基础', '多方联动才能形成共建共治共享的合力'],
  },
  {
    tags: ['接诉即办', '便民服务'],
    titles: ['“接诉即办”让群众诉求件件有回音', '12345热线诉求“一站式”办结', '“吹哨报到”快速回应群众急难愁盼', '民情直通车畅通诉求渠道'],
    problems: ['群众诉求渠道分散，部门之间推诿扯皮', '诉求办理时间长、反馈慢，群众获得感不强', '热线工单重复派发，基层疲于应付'],
    measures: ['建立“受理—派单—办理—反馈—回访”闭环流程', '乡镇（街道）设立接诉即办工作专班，每日调度', '对疑难诉求实行“街乡吹哨、部门报到”', '将诉求办理情况纳入干部年度考核', '每月分析高频诉求，推动“未诉先办”'],
    effects: ['诉求响应率达到100%，办结率提升至97.6%', '平均办理时限由7天缩短至2.5天', '群众满意率连续6个月位居全县前列', '推动解决供暖、停车、排水等民生难题300余件'],
    lessons: ['接诉即办的核心是把群众的事当成自己的事', '闭环管理和考核问效是提升办理质量的关键', '要从个案办理转向主动治理、未诉先办'],
  },
  {
    tags: ['网格化', '基层治理'],
    titles: ['“网格积分”激活基层治理末梢', '精细化网格管理让服务“零距离”', '党建引领网格治理“一网统管”', '“捆绑式”网格考核凝聚治理合力'],
    problems: ['网格划分粗放，网格员职责不清、力量不足', '网格员队伍年龄偏大，信息采集不及时', '群众参与治理的积极性不高'],
    measures: ['把全村划分为1个行政网格、3个区域网格、8个服务网格', '实行网格“捆绑式”积分考核，积分可兑换生活用品', '在网格内建立党小组，党员包联农户', '网格员每日走访，问题线索当日上报、限时办结', '依托综治平台实现网格事件“一网统管”'],
    effects: ['网格员累计走访农户1.2万余户次，收集问题800余条', '矛盾纠纷就地化解率达到95%以上', '群众主动参与志愿服务人数增加近3倍', '全年未发生一起越级上访事件'],
    lessons: ['网格是基层治理的最小单元，要把党的组织建在网格上', '积分激励能有效调动群众参与治理的积极性', '网格管理要做到定人、定责、定标准'],
  },
  {
    tags: ['乡村治理', '党建引领'],
    titles: ['党建引领由“乱”到“治”的蝶变', '“四议两公开”规范村级议事决策', '村规民约助推乡风文明', '“积分超市”激发乡村治理内生动力'],
    problems: ['村“两委”班子不团结，村务管理混乱，群众怨言多', '村级事务决策不规范，群众知情权、参与权落实不到位', '红白喜事大操大办，人情负担重'],
    measures: ['选优配强村党支部书记，整顿软弱涣散基层党组织', '严格落实“四议两公开”，重大事项全程纪实', '修订完善村规民约，成立红白理事会', '设立“积分超市”，将遵规守约情况量化积分', '建立村务监督委员会，每季度公开村级财务'],
    effects: ['村里从软弱涣散村转变为先进党组织', '村级重大事项决策群众参与率达到90%以上', '红白喜事平均花费下降40%', '连续两年被评为县级文明村'],
    lessons: ['抓好乡村治理，选好带头人是关键', '规范议事决策是凝聚民心的重要抓手', '移风易俗要发挥群众自治组织作用'],
  },
  {
    tags: ['基层执法', '综合执法'],
    titles: ['做实“一支队伍管执法”', '乡镇综合行政执法改革打通治理“最后一公里”', '“综合查一次”减轻企业负担', '赋权不减责 执法更规范'],
    problems: ['乡镇“看得见、管不着”，县直部门“管得着、看不见”', '执法力量分散，多头执法、重复检查问题突出', '执法人员业务不熟、程序不规范'],
    measures: ['整合安监、环保、城管等执法力量，组建乡镇综合行政执法队', '梳理赋权事项清单，明确乡镇与县直部门职责边界', '推行“综合查一次”，避免多头重复检查', '开展执法人员轮训和案卷评查', '建立执法与网格联动机制，网格发现、执法处置'],
    effects: ['查处各类违法行为200余起，执法效率提升50%以上', '涉企检查次数减少60%', '私搭乱建、占道经营等问题得到有效整治', '执法案卷合格率达到100%'],
    lessons: ['执法权下放要与能力提升同步推进', '清晰的权责清单是综合执法顺畅运行的前提', '执法要与服务相结合，寓管理于服务之中'],
  },
  {
    tags: ['矛盾调解', '平安建设'],
    titles: ['新时代“枫桥经验”的基层实践', '“一站式”矛盾纠纷调处化解中心', '全方位防范化解风险隐患', '“老娘舅”调解团化解邻里纠纷'],
    problems: ['土地、婚姻、邻里等矛盾纠纷易发多发', '矛盾纠纷调处力量分散，群众“多头跑”', '安全生产、防汛等风险隐患点多面广'],
    measures: ['建设矛盾纠纷调处化解中心，实现“只进一扇门”', '组建由老党员、老干部参加的“老娘舅”调解团', '建立风险隐患排查台账，实行销号管理', '每月开展一次矛盾纠纷大排查', '推行“人民调解+司法确认”衔接机制'],
    effects: ['排查化解矛盾纠纷500余件，调解成功率98%', '整改安全隐患130余处', '实现“小事不出村、大事不出镇”', '信访总量同比下降45%'],
    lessons: ['把矛盾化解在基层、解决在萌芽状态', '风险防控要坚持底线思维、关口前移', '发动群众是平安建设的最大依靠'],
  },
  {
    tags: ['人居环境', '乡村振兴'],
    titles: ['党员带头打造美丽宜居乡村', '“门前三包”整治农村人居环境', '“六乱”整治让村庄换新颜'],
    problems: ['村内垃圾乱堆、污水乱排，村容村貌较差', '群众环境卫生意识不强，整治成果难以巩固'],
    measures: ['实行党员“门前三包”责任制', '开展“美丽庭院”评比，每月挂牌公示', '建立保洁员队伍，垃圾日产日清', '组织开展“六乱”集中整治行动'],
    effects: ['清理陈年垃圾3000余吨，拆除残垣断壁50余处', '评选“美丽庭院”200余户', '村庄面貌焕然一新，吸引游客前来观光'],
    lessons: ['人居环境整治要坚持群众主体、党员带头', '长效机制是巩固整治成果的保障'],
  },
  {
    tags: ['干部队伍', '党建引领'],
    titles: ['“导师传帮带”培养年轻干部', '村（社区）干部星级化管理', '“头雁工程”锻造农村带头人队伍'],
    problems: ['村干部年龄老化、学历偏低，后继乏人', '年轻干部缺乏基层经验，处理复杂问题能力不足'],
    measures: ['选聘经验丰富的老书记担任导师，结对帮带年轻干部', '实行村干部星级化管理，星级与报酬挂钩', '建立村级后备力量库，定向培养', '组织年轻干部到信访、征拆等一线岗位历练'],
    effects: ['储备村级后备力量120余人', '35岁以下村干部占比提高到28%', '一批年轻干部走上村党组织书记岗位'],
    lessons: ['干部成长离不开实践历练和传帮带', '激励与约束并重才能激发干部队伍活力'],
  },
];

const OPENINGS = ['近年来，', '今年以来，', '专项行动开展以来，', '为破解基层治理难题，'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const FOLLOW_UPS = ['坚持每月调度、每季度通报，确保各项措施落地见效。', '明确责任人和完成时限，实行台账式管理。', '党员干部带头示范，群众广泛参与。', '形成了可复制、可推广的工作机制。'];
const RESOLVE: ((where: string) => string)[] = [
  (w) => `${w}党组织把破解这一难题作为抓党建促基层治理能力提升专项行动的重要内容，领题破题、攻坚突破。`,
  (w) => `${w}坚持问题导向，把这项工作列为“书记项目”，主要负责同志亲自研究、亲自推动。`,
  (w) => `为此，${w}成立工作专班，制定实施方案，明确时间表和路线图。`,
  (w) => `${w}在深入调研的基础上，先行试点、逐步推开，探索出一套行之有效的办法。`,
];
const OUTCOME: ((where: string) => string)[] = [
  (w) => `${w}基层治理能力明显提升。`,
  (w) => `群众的获得感、幸福感、安全感不断增强，${w}面貌焕然一新。`,
  (w) => `${w}的做法得到上级肯定，多次在全县作经验交流。`,
  (w) => `干群关系更加融洽，${w}各项工作走在全县前列。`,
];

/** What a longer case adds once its measures are told: how the work was deepened and kept going. */
const DEEPENING = [
  '在此基础上，镇党委定期召开专题会议，研究解决推进中的重点难点问题。',
  '坚持县级领导包联、乡镇班子成员包村、村干部包户的责任体系，层层压实责任。',
  '把专项行动任务分解为具体事项，逐项建立工作台账，实行清单化管理、销号式推进。',
  '注重发挥老党员、老干部、乡贤能人作用，引导群众从“旁观者”变为“参与者”。',
  '依托党员活动室、新时代文明实践站等阵地，常态化开展政策宣讲和志愿服务。',
  '建立健全督查考核机制，将工作成效纳入村干部绩效考核，考核结果与报酬挂钩。',
  '主动对接县直部门，争取项目和资金支持，形成上下联动、部门协同的工作格局。',
  '及时总结提炼经验做法，形成制度性成果，推动由“盆景”变“风景”。',
  '通过入户走访、院坝会、恳谈会等形式广泛听取群众意见，做到问需于民、问计于民。',
  '运用微信群、村务公开栏等载体，及时公开工作进展，接受群众监督。',
  '针对群众反映集中的问题，实行“马上办、限时办、跟踪办”，做到件件有回音。',
  '组织村干部赴先进地区考察学习，拓宽发展思路，提升履职能力。',
];

/** The topics' tags, for a filter list. */
export const CASE_TAGS: readonly string[] = [...new Set(TOPICS.flatMap((t) => t.tags))];

function pickSome<T>(rng: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function placeName(place: CasePlace): string {
  return place.village ? `${place.township}${place.village}` : place.township;
}

/**
 * One case's text. `sections` repeats the body's 做法 and 成效 paragraphs to reach a length (1: a few hundred
 * characters; 8: a few thousand).
 */
export function caseText(rng: Random, place: CasePlace, options: { sections?: number; topic?: number } = {}): CaseText {
  const topic = TOPICS[options.topic ?? rng.int(0, TOPICS.length - 1)]!;
  const where = placeName(place);
  const title = `${where}：${rng.pick(topic.titles)}`;
  const problem = rng.pick(topic.problems);
  const [m1, m2, m3] = pickSome(rng, topic.measures, 3);
  const effect = rng.pick(topic.effects);
  const summary = `${rng.pick(OPENINGS)}${where}针对${problem}的问题，${m1}，${m2}，${effect}。`;
  const sections = options.sections ?? 1;
  const paragraphs = [`一、基本情况\n${place.county}${where}${rng.pick(OPENINGS)}坚持以党建引领基层治理。过去，${problem}，群众反映强烈。${rng.pick(RESOLVE)(where)}`];
  const measures = ['二、主要做法'];
  for (let s = 0; s < sections; s++) {
    if (s === 0) {
      pickSome(rng, topic.measures, Math.min(3, topic.measures.length)).forEach((m, i) => {
        measures.push(`${NUMERALS[i]}是${m}。${rng.pick(FOLLOW_UPS)}`);
      });
    } else {
      measures.push(pickSome(rng, DEEPENING, 3).join(''));
    }
  }
  paragraphs.push(measures.join('\n'));
  const effects = ['三、取得成效'];
  effects.push(`${pickSome(rng, topic.effects, 2).join('；')}。${m3 ? `通过${m3.replace(/，.*$/, '')}，` : ''}${rng.pick(OUTCOME)(where)}`);
  paragraphs.push(effects.join('\n'));
  paragraphs.push(`四、经验启示\n${pickSome(rng, topic.lessons, 2).join('；')}。`);
  return { title, summary, body: paragraphs.join('\n\n'), tags: [...topic.tags], year: rng.int(2019, 2022) };
}
