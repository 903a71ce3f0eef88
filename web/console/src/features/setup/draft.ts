/** Editing a set-up in place: each change works on a copy, so React sees a new object. */
import { useCallback, useState } from 'react';
import type { CampaignSetup, Instrument } from './api.js';
import { checkRelativeWeights, checkWeights } from './weights.js';

export type Edit = (change: (draft: CampaignSetup) => void) => void;

export function useDraft(initial: CampaignSetup | null): [CampaignSetup | null, Edit, (next: CampaignSetup | null) => void] {
  const [draft, setDraft] = useState<CampaignSetup | null>(initial);
  const edit = useCallback<Edit>((change) => {
    setDraft((current) => {
      if (!current) return current;
      const copy = structuredClone(current);
      change(copy);
      return copy;
    });
  }, []);
  return [draft, edit, setDraft];
}

/** Every weight list the server would refuse, by where it is shown: a group weight not above 0, components not totalling 100. */
export function weightProblems(setup: CampaignSetup): string[] {
  const bad: string[] = [];
  for (const i of setup.instruments) if (!checkRelativeWeights(i.groupWeights.map((g) => g.weight)).ok) bad.push(`instrument:${i.id}`);
  for (const r of setup.rankings) if (!checkWeights(r.components.map((c) => c.weight)).ok) bad.push(`ranking:${r.id}`);
  return bad;
}

/** A fresh id not used in `taken`, as prefix-1, prefix-2, … */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The instrument items of a kind go to: the one already holding such items, else the template's. */
export function instrumentForItems(setup: CampaignSetup, kind: 'site' | 'case'): Instrument | undefined {
  const kindOf = new Map(setup.subjects.map((s) => [s.id, s.kind]));
  return (
    setup.instruments.find((i) => i.subjectIds.some((s) => kindOf.get(s) === kind)) ??
    setup.instruments.find((i) => i.id === (kind === 'site' ? 'i-observation' : 'i-case'))
  );
}

/** A bare set-up over the same subjects: one anonymous group, one grade instrument over the counties, one ranking. */
export function scratchFrom(template: CampaignSetup): CampaignSetup {
  const report = template.instruments.find((i) => i.kind === 'grade' && i.id === 'i-report');
  const countyIds = report?.subjectIds ?? template.subjects.filter((s) => s.kind === 'unit').map((s) => s.id);
  return {
    ...template,
    id: template.id.replace(/^lsp-/, 'c-'),
    name: template.name.replace(/基层治理“亮晒评”活动/, '测评活动'),
    subjects: template.subjects.filter((s) => countyIds.includes(s.id)),
    raterGroups: [{ id: 'g-1', name: '测评组', mode: 'anonymous' }],
    instruments: [
      {
        id: 'i-1',
        name: '等次评价',
        kind: 'grade',
        subjectIds: countyIds,
        groupWeights: [{ groupId: 'g-1', weight: '100' }],
        aggregation: { method: 'mean' },
        missingGroup: 'renormalize',
        allowAbstain: false,
        opinion: 'none',
        visibility: 'after-close',
        grades: [
          { key: 'good', label: '好', points: '100' },
          { key: 'fairly-good', label: '较好', points: '85' },
          { key: 'average', label: '一般', points: '70' },
          { key: 'poor', label: '差', points: '50' },
        ],
        quotaRules: [],
      },
    ],
    rankings: template.rankings.slice(0, 1).map((r) => ({
      ...r,
      components: [{ instrumentId: 'i-1', weight: '100' }],
      adjustmentInstrumentIds: [],
      tieBreaks: [],
    })),
  };
}
