/**
 * The Jincheng demo: 晋城市基层治理“亮晒评”活动（2022年6月） on the real division data, with deterministic ballots.
 * Same seed, same campaign, same ballots, on every machine.
 */
import type { Ballot, CampaignDefinition } from '../domain/types.js';
import { loadDivisionTree } from '../divisions/china-division.js';
import { jinchengBallots } from './jincheng-ballots.js';
import { jinchengDefinition } from './jincheng-definition.js';

export { JINCHENG_INVALID_BALLOT_ID } from './jincheng-ballots.js';
export { CAMPAIGN_CREATED_AT, JINCHENG_CITY_ID, SESSION_DATES, SESSION_IDS, ROSTER } from './jincheng-definition.js';
export { INSTRUMENT_IDS } from '../domain/liangshaiping/instruments.js';
export { GROUP_IDS } from '../domain/liangshaiping/rater-groups.js';

export const JINCHENG_DEFAULT_SEED = 20220617;

export interface JinchengDemo {
  definition: CampaignDefinition;
  ballots: Ballot[];
}

export function buildJinchengDemo(options: { seed?: number } = {}): JinchengDemo {
  const definition = jinchengDefinition(loadDivisionTree({ cityCode: '1405' }));
  return { definition, ballots: jinchengBallots(definition, options.seed ?? JINCHENG_DEFAULT_SEED) };
}
