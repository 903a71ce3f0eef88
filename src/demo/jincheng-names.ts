/**
 * Names for the Jincheng demo, taken from the 2022 report where it names them (sites, cases), otherwise generic.
 * Raters are identified by role only — never by a real person's name.
 */

/** County codes of 晋城市 in the order the report lists them for the secretaries' reports. */
export const JINCHENG_COUNTY_CODES = ['140502', '140525', '140581', '140522', '140524', '140521'] as const;

/** 22 observation sites (实训点) by county code; the named ones are from the report, the rest are generic. */
export const OBSERVATION_SITES: Record<string, readonly string[]> = {
  '140502': ['城区东圣社区', '城区物业管理“酬金制”', '城区社区大食堂', '城区实训点4'],
  '140525': ['泽州县刘家川村', '泽州县网格“捆绑式”积分考核', '泽州县实训点3', '泽州县实训点4'],
  '140581': ['高平市沟北村', '高平市村级事务“五个管住”', '高平市市域治理现代化指挥中心', '高平市实训点4'],
  '140522': ['阳城县皇城·郭峪先行区', '阳城县乡村振兴党建联盟', '阳城县实训点3', '阳城县实训点4'],
  '140524': ['陵川县丈河片区', '陵川县阵地建设“五新八有十星”', '陵川县实训点3'],
  '140521': ['沁水县侯村', '沁水县郑庄镇“郑·能量槐芽工作室”', '沁水县实训点3'],
};

/** The case (案例) each county presented in the case-teaching session. */
export const CASES: Record<string, string> = {
  '140502': '城区东圣社区“红色物业+酬金制”与社区大食堂',
  '140525': '泽州县刘家川村“网格积分”',
  '140581': '高平市市域治理现代化指挥中心',
  '140522': '阳城县樊溪河畔共同富裕先行区',
  '140524': '陵川县丈河片区联合党委',
  '140521': '沁水县郑庄镇“导师传帮带”',
};

/** 工作专班: each task force signs with its own name. */
export const TASK_FORCES = [
  '组织体系建设专班',
  '村级集体经济专班',
  '农村带头人队伍专班',
  '网格化治理专班',
  '城市基层党建专班',
  '乡镇执法队伍建设专班',
] as const;

export const OBSERVATION_REASONS: Record<string, readonly string[]> = {
  'adj-brand': ['{name}特色品牌鲜明，经验可复制可推广', '{name}领题破题成效明显，形成制度成果'],
  'adj-people': ['{name}群众参与度高，现场反映良好', '{name}为民服务事项办结及时，群众满意'],
  'adj-innovation': ['{name}机制创新有突破，数字化手段运用到位', '{name}党建引领作用突出，做法务实管用'],
  'adj-records': ['{name}台账资料不够规范，部分记录缺失', '{name}制度上墙多、落实少，资料与实际不符'],
  'adj-rectify': ['{name}上次督导指出问题整改不到位', '{name}阵地功能发挥不充分，利用率偏低'],
};

export const OPINIONS = {
  high: [
    '{name}专项行动推进有力，特色亮点突出，建议总结提炼经验在全市推广。',
    '{name}书记抓基层治理责任落实到位，领题破题成效明显，群众认可度高。',
  ],
  middle: [
    '{name}各项任务按进度推进，基础工作扎实，但创新亮点还不够突出。',
    '{name}工作推进总体平稳，建议在网格治理和集体经济上再下功夫。',
  ],
  low: [
    '{name}部分重点任务进度滞后，台账不够规范，需加大督促力度。',
    '{name}工作谋划不够深入，短板弱项明显，建议对照清单逐项整改。',
  ],
} as const;
