/**
 * The Jincheng demo's 典型案例库: the 6 cases of the report's 案例教学 (each county's one, presented by its township and
 * village secretaries, and rated in 案例评), the projects the report shows in its pictures, and a few dozen other
 * cases of the city's townships generated from case-text.ts — all published — plus three drafts the office is still
 * writing. Same seed, same library, on every machine.
 */
import type { Unit } from '../domain/types.js';
import { CASE_TEACHING } from './jincheng-agenda.js';
import { caseText } from './case-text.js';
import { createRandom } from './random.js';
import type { Village } from '../divisions/china-villages.js';

export interface DemoCase {
  id: string;
  unitId: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  year: number;
  published: boolean;
  /** The county whose 案例评 item this case is (the report's 案例教学 cases), by division code; null otherwise. */
  caseRatingCounty: string | null;
}

/** When the office entered the library: before the class (China time). */
export const JINCHENG_CASES_CREATED_AT = '2022-06-10T09:00:00+08:00';

/** The report's 6 案例教学 cases: their township (a unit of the division data) and the county whose 案例评 they are. */
const TEACHING: { unitId: string; county: string; tags: string[]; summary: string; body: string }[] = [
  {
    unitId: 'u140581002',
    county: '140581',
    tags: ['基层执法', '综合执法'],
    summary: '高平市东城街道整合城管、市场监管、自然资源等执法力量，组建街道综合行政执法队，实行“一支队伍管执法”，以网格发现、执法处置的联动机制，解决了街道“看得见、管不着”的难题。',
    body: [
      '一、基本情况\n东城街道地处高平市城区，辖12个社区（村），常住人口5.6万人。过去，街道执法力量分散在多个县直部门，存在多头执法、重复检查和执法空白并存的问题，占道经营、私搭乱建等群众反映强烈的问题长期得不到解决。',
      '二、主要做法\n一是整合力量。将城管、市场监管、自然资源、生态环境等派驻力量统一纳入街道综合行政执法队，由街道统一指挥调度。二是明确权责。梳理形成赋权事项清单103项，逐项明确街道与部门的职责边界，做到“一张清单管到底”。三是网格联动。网格员日常巡查发现问题，通过平台推送执法队，执法队限时到场处置，结果反馈网格员回访群众。四是规范执法。推行执法全过程记录，每月开展案卷评查，执法人员持证上岗率100%。',
      '三、取得成效\n一年来，街道综合行政执法队查处各类违法行为260余起，涉企检查次数减少六成，占道经营、私搭乱建等问题得到有效整治，群众满意度明显提升。',
      '四、经验启示\n执法权下放要放得下、接得住、管得好；清晰的权责清单和顺畅的联动机制，是打通基层治理“最后一公里”的关键。',
    ].join('\n\n'),
  },
  {
    unitId: 'u140502009',
    county: '140502',
    tags: ['红色物业', '物业管理', '社区治理'],
    summary: '城区开发区街道东圣社区推行“红色物业+酬金制”，物业企业成立党支部，收支向业主公开，以社区大食堂为突破口打造市场化、示范性的社区服务窗口，破解老旧小区物业管理难题。',
    body: [
      '一、基本情况\n东圣社区有居民小区9个，其中老旧小区5个。此前部分小区长期无物业管理，环境脏乱、设施老化，业主与物业之间矛盾频发，物业费收缴率不足四成。',
      '二、主要做法\n一是党建引领。推动辖区物业企业成立党支部，社区党组织书记兼任物业党建指导员，建立社区党组织、业委会、物业企业“三方联席”会议制度。二是推行酬金制。物业服务费在扣除约定酬金后全部用于小区服务，收支情况每季度向全体业主公开，接受监督。三是服务延伸。以社区大食堂为突破口，为老年人、双职工家庭提供助餐服务，打造一批市场化、示范性的社区服务窗口。四是党员参与。组织在职党员到社区报到，认领楼栋长、单元长岗位，参与小区日常管理。',
      '三、取得成效\n物业费收缴率由38%提高到92%，小区环境明显改善，化解物业矛盾纠纷60余件，社区大食堂日均就餐300余人次，群众满意度达到96%以上。',
      '四、经验启示\n物业管理是城市基层治理的重要阵地，公开透明是赢得业主信任的基础，把党的领导嵌入物业服务，才能让小区“管得住、管得好”。',
    ].join('\n\n'),
  },
  {
    unitId: 'u140521103',
    county: '140521',
    tags: ['集体经济', '财务管理', '乡村治理'],
    summary: '沁水县端氏镇创新村级财务委托管理模式，成立镇农村集体“三资”委托代理服务中心，实行村账镇管、资金非现金结算和财务公开，从源头上规范村级财务，提升乡村治理水平。',
    body: [
      '一、基本情况\n端氏镇辖28个行政村，过去村级财务管理不规范，白条入账、坐收坐支等问题时有发生，群众对村级财务疑虑较多，成为影响干群关系的突出问题。',
      '二、主要做法\n一是委托代理。成立镇农村集体“三资”委托代理服务中心，在村集体资金所有权、使用权、审批权不变的前提下，实行“村账镇管”。二是非现金结算。全面推行村级资金非现金结算，杜绝大额现金支付。三是清化收。开展农村集体资产“清化收”，清理不规范合同，收回被侵占资产资源。四是阳光公开。每月在村务公开栏和微信群公开财务收支，接受群众监督。',
      '三、取得成效\n清理不规范合同40余份，收回资产资源价值200余万元；村级财务问题信访量下降八成，集体经济收入稳步增长。',
      '四、经验启示\n规范村级财务是乡村治理的基础工程，制度约束与阳光公开相结合，才能让群众明白、干部清白。',
    ].join('\n\n'),
  },
  {
    // 刘家川村 of 北石店镇: the report calls it 泽州县's, the division data places 北石店镇 in 城区.
    unitId: 'u140502100',
    county: '140525',
    tags: ['网格化', '乡村治理', '党建引领'],
    summary: '北石店镇刘家川村把全村划分为1个行政网格、3个区域网格、8个服务网格，实行网格“捆绑式”积分考核，党员包联农户，推动村庄由“乱”到“治”。',
    body: [
      '一、基本情况\n刘家川村曾经是有名的“问题村”，村“两委”班子不团结，村容村貌脏乱，群众上访不断。',
      '二、主要做法\n一是配强班子。选优配强村党支部书记，整顿软弱涣散基层党组织，重大事项严格落实“四议两公开”。二是网格划分。把全村划分为1个行政网格、3个区域网格、8个服务网格，在网格内建立党小组，党员包联农户。三是积分考核。实行网格“捆绑式”积分考核，网格员与网格内农户同奖同罚，积分可到“积分超市”兑换生活用品。四是民意导向。网格员深入居民家中，就旧车棚改造等事项征求群众意见建议，群众的事群众商量着办。',
      '三、取得成效\n村庄从软弱涣散村转变为先进党组织，矛盾纠纷就地化解率达到95%以上，连续两年未发生越级上访。',
      '四、经验启示\n把党的组织建在网格上，把积分激励用在群众中，党建引领才能落到治理的最末梢。',
    ].join('\n\n'),
  },
  {
    unitId: 'u140522111',
    county: '140522',
    tags: ['矛盾调解', '平安建设', '风险防范'],
    summary: '阳城县白桑镇建立风险隐患排查“一本台账”，设立矛盾纠纷调处化解中心，推行“人民调解+司法确认”，全方位防范化解风险隐患，筑牢基层发展基石。',
    body: [
      '一、基本情况\n白桑镇地处山区，地质灾害、防汛、安全生产等风险点多面广，土地、邻里等矛盾纠纷易发多发。',
      '二、主要做法\n一是台账管理。建立风险隐患排查台账，每月开展一次大排查，实行销号管理。二是一站式调处。建设矛盾纠纷调处化解中心，群众“只进一扇门”。三是多元调解。组建由老党员、老干部参加的调解团，推行“人民调解+司法确认”衔接机制。四是群防群治。网格员、护林员、水管员“多员合一”，风险早发现、早报告、早处置。',
      '三、取得成效\n排查整改安全隐患130余处，化解矛盾纠纷300余件，调解成功率98%，信访总量同比下降45%。',
      '四、经验启示\n风险防控要坚持底线思维、关口前移，把矛盾化解在基层、解决在萌芽状态。',
    ].join('\n\n'),
  },
  {
    unitId: 'u140524102',
    county: '140524',
    tags: ['集体经济', '党建联建', '乡村振兴'],
    summary: '陵川县附城镇坚持“组织联建、片区共建”，成立丈河片区联合党委，带动周边9个村抱团发展，一体推进特色康养旅游，壮大片区集体经济。',
    body: [
      '一、基本情况\n丈河片区地处太行山腹地，周边各村资源相近、规模偏小，过去各自为战，集体经济薄弱。',
      '二、主要做法\n一是组织联建。以丈河村为核心成立片区联合党委，统筹片区规划、项目和人才。二是产业共建。整合片区山水、民宿和农产品资源，一体发展特色康养旅游。三是利益联结。各村以资源入股成立联营公司，收益按股分红。四是人才共育。片区内村干部交叉任职、结对帮带。',
      '三、取得成效\n片区9个村集体经济收入全部超过10万元，带动群众户均增收4000元以上，康养旅游年接待游客10万余人次。',
      '四、经验启示\n抱团发展可以有效破解单村资源不足的瓶颈，联合党委是片区共建的“主心骨”。',
    ].join('\n\n'),
  },
];

/** The projects the report shows in its pictures (not among the 案例教学 cases). */
const PICTURED: Omit<DemoCase, 'published' | 'caseRatingCounty'>[] = [
  {
    id: 'jc-case-pic-1',
    unitId: 'u140522101',
    title: '樊溪河畔共同富裕先行区',
    summary: '阳城县领题推进“樊溪河畔共同富裕先行区”建设，组建先行区联合党委，推动皇城、郭峪、史山、大桥、沟底五村产业共建、成果共享、村民共富。',
    body: '阳城县依托皇城相府等文旅资源，组建先行区联合党委，统一规划五村产业布局，发展文旅、康养和特色农业，村集体与村民按股分红，实现产业共建、成果共享、村民共富。',
    tags: ['集体经济', '党建联建', '共同富裕'],
    year: 2022,
  },
  {
    id: 'jc-case-pic-2',
    unitId: 'u140581',
    title: '全省首个县级市域治理现代化指挥中心',
    summary: '高平市深度整合大数据中心、综治中心网格、政务服务热线、新媒体互动栏目等资源，建成全省首个县级市域治理现代化指挥中心。',
    body: '指挥中心汇聚网格事件、12345热线诉求和新媒体留言，统一受理、分级派单、限时办结、全程督办，实现市域治理“一网统管”，群众诉求平均办理时限明显缩短。',
    tags: ['接诉即办', '网格化', '数字治理'],
    year: 2022,
  },
  {
    id: 'jc-case-pic-3',
    unitId: 'u140521102',
    title: '郑庄镇“导师传帮带”',
    summary: '沁水县郑庄镇推行“导师传帮带”制度，依托“导师智库+槐芽工作室”工作机制，建立三个“郑·能量槐芽工作室”，帮带年轻干部在项目一线成长。',
    body: '郑庄镇选聘经验丰富的站所负责人担任导师，带领年轻干部到项目施工现场、信访接待一线传授经验，一批年轻干部在急难险重任务中快速成长。',
    tags: ['干部队伍', '党建引领'],
    year: 2022,
  },
  {
    id: 'jc-case-pic-4',
    unitId: 'u140502009',
    title: '社区大食堂打造示范性服务窗口',
    summary: '城区以社区大食堂为突破口，探索城市社区精细化管理新模式，成功打造一批市场化、示范性的社区服务窗口。',
    body: '社区大食堂由社区党组织牵头、引入专业餐饮企业运营，为老年人提供助餐优惠，为双职工家庭提供便民餐食，带动家政、托育等服务进社区。',
    tags: ['便民服务', '社区治理'],
    year: 2022,
  },
];

/** The library: the 6 teaching cases (`jc-case-1`…`jc-case-6`, in the agenda's order), the pictured ones, 32 more, 3 drafts. */
export function jinchengCases(units: readonly Unit[], villages: readonly Village[], seed: number): DemoCase[] {
  const teaching: DemoCase[] = CASE_TEACHING.map((c, i) => ({
    id: `jc-case-${i + 1}`,
    unitId: TEACHING[i]!.unitId,
    title: c.title,
    summary: TEACHING[i]!.summary,
    body: TEACHING[i]!.body,
    tags: TEACHING[i]!.tags,
    year: 2022,
    published: true,
    caseRatingCounty: TEACHING[i]!.county,
  }));
  const pictured = PICTURED.map((c) => ({ ...c, published: true, caseRatingCounty: null }));
  const rng = createRandom(seed ^ 0x0ca5e5);
  const byId = new Map(units.map((u) => [u.id, u]));
  const townships = units.filter((u) => u.level === 'township');
  const others: DemoCase[] = [];
  for (let i = 0; i < 35; i++) {
    const township = townships[(i * 29 + 3) % townships.length]!;
    const own = villages.filter((v) => v.townshipId === township.id);
    const village = own.length > 0 && rng.chance(0.6) ? rng.pick(own).name.replace(/(村民委员会|村委会)$/, '村').replace(/(居民委员会|居委会)$/, '') : null;
    const text = caseText(rng, { county: byId.get(township.parentId ?? '')?.name ?? '', township: township.name, village }, { sections: rng.int(1, 3) });
    others.push({ id: `jc-case-${String(i + 7).padStart(2, '0')}`, unitId: township.id, ...text, published: i < 32, caseRatingCounty: null });
  }
  return [...teaching, ...pictured, ...others];
}
