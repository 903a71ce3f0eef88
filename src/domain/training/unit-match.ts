/**
 * 单位匹配: a roster names a trainee's unit as people write it — "南村镇", "泽州县南村镇", "泽州县/南村镇/南村村", or
 * its division code — and it is matched against the class's units. A name that several units share (two 南村村 in
 * two townships) is ambiguous and must be written with the unit above it; nothing is guessed.
 */

export interface MatchUnit {
  id: string;
  code: string | null;
  name: string;
  parentId: string | null;
}

export type UnitMatch = { kind: 'found'; unitId: string } | { kind: 'unknown' } | { kind: 'ambiguous'; candidates: string[] };

const SEPARATORS = /[\s/\\|>、，,·\-—]+/g;

export function normaliseUnitText(text: string): string {
  return text.replace(SEPARATORS, '');
}

export class UnitMatcher {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byCode = new Map<string, string>();

  /** `units`: the class's city and everything below it. */
  constructor(units: readonly MatchUnit[]) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const unit of units) {
      if (unit.code) this.byCode.set(unit.code, unit.id);
      // Every chain of names ending at this unit: 南村村, 南村镇南村村, 泽州县南村镇南村村, 晋城市泽州县南村镇南村村.
      let key = '';
      let current: MatchUnit | undefined = unit;
      for (let guard = 0; current && guard < 16; guard++) {
        key = normaliseUnitText(current.name) + key;
        let ids = this.byKey.get(key);
        if (!ids) this.byKey.set(key, (ids = new Set()));
        ids.add(unit.id);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
    }
  }

  match(text: string): UnitMatch {
    const trimmed = text.trim();
    if (/^\d{6,12}$/.test(trimmed)) {
      const byCode = this.byCode.get(trimmed);
      return byCode ? { kind: 'found', unitId: byCode } : { kind: 'unknown' };
    }
    const ids = this.byKey.get(normaliseUnitText(trimmed));
    if (!ids || ids.size === 0) return { kind: 'unknown' };
    if (ids.size === 1) return { kind: 'found', unitId: [...ids][0]! };
    return { kind: 'ambiguous', candidates: [...ids].sort() };
  }
}
