/** A campaign whose only interesting part is one instrument over one county (s1), for checks of an instrument's set-up. */
import type { CampaignDefinition, Instrument, RaterGroup } from '../../src/domain/types.js';

export function withOneInstrument(instrument: Instrument, raterGroups: RaterGroup[]): CampaignDefinition {
  return {
    id: 'c1',
    name: 'c1',
    precision: 2,
    tieJudgement: 'exact',
    units: [{ id: 'u1', code: null, name: '城区', level: 'county', parentId: null }],
    subjects: [{ id: 's1', kind: 'unit', unitId: 'u1', name: '城区' }],
    raterGroups,
    instruments: [instrument],
    rankings: [],
    sessions: [],
  };
}
