/** The county-level units among a set-up's subjects (items belong to one of them), and how many other units. */
import { useMemo } from 'react';
import { useApi } from '../../api/useApi.js';
import { setupApi, type CampaignSetup } from './api.js';

export function useCounties(setup: CampaignSetup | null): { counties: { id: string; name: string }[]; townships: number } {
  const all = useApi(() => (setup ? setupApi.units('?level=county') : Promise.resolve([])), [setup?.rootUnitId]);
  return useMemo(() => {
    const unitIds = new Set((setup?.subjects ?? []).filter((s) => s.kind === 'unit').map((s) => s.unitId));
    const counties = (all.data ?? []).filter((u) => unitIds.has(u.id)).map((u) => ({ id: u.id, name: u.name }));
    return { counties, townships: Math.max(0, unitIds.size - counties.length) };
  }, [all.data, setup?.subjects]);
}
