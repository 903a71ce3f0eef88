/** 双人录入核对: the comparison of a second clerk's entry with the stored sheet (compareSheets is pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSheets } from '../../src/app/ballots/compare-sheets.js';
import type { StoredPaperSheet } from '../../src/contracts/paper.js';
import type { PaperEntryInput } from '../../src/contracts/api.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import type { Rating } from '../../src/domain/types.js';
import { smallDefinition } from '../helpers/db.js';

const index = indexDefinition(smallDefinition());

function stored(rating: Rating): StoredPaperSheet {
  return { sheetNumber: '7', raterGroupId: 'g-force', raterName: '李四', boundUnitId: null, receipt: 'R', valid: true, ballots: [{ instrumentId: 'i-observe', ratings: [rating], problems: [] }] };
}
function entered(rating: Rating): PaperEntryInput {
  return { sheetNumber: '7', raterGroupId: 'g-force', raterName: '李四', boundUnitId: null, ballots: [{ instrumentId: 'i-observe', ratings: [rating] }] } as PaperEntryInput;
}

const site = 's-site1';
const bonus = (points: string, reason: string) => ({ itemId: 'a1', points, reason });

describe('double entry compares everything a clerk types', () => {
  it('matches the same score and the same adjustments, in any order', () => {
    const a = { subjectId: site, score: '88', adjustments: [bonus('2', '台账规范'), bonus('1', '群众评价好')] };
    const b = { subjectId: site, score: '88.0', adjustments: [bonus('1', '群众评价好'), bonus('2.0', '台账规范')] };
    assert.deepEqual(compareSheets(index, stored(a), entered(b)), []);
  });

  it('lists a different adjustment: its points, its reason, or one left out', () => {
    const a = { subjectId: site, score: '88', adjustments: [bonus('2', '台账规范')] };
    for (const other of [[bonus('3', '台账规范')], [bonus('2', '台账不规范')], []]) {
      const mismatches = compareSheets(index, stored(a), entered({ subjectId: site, score: '88', adjustments: other }));
      assert.equal(mismatches.length, 1, JSON.stringify(other));
      assert.equal(mismatches[0]!.subjectId, site);
      assert.match(mismatches[0]!.stored, /亮点 \+2（台账规范）/);
    }
  });

  it('lists a different written opinion', () => {
    const mismatches = compareSheets(index, stored({ subjectId: site, score: '88', opinion: '亮点突出' }), entered({ subjectId: site, score: '88', opinion: '亮点不突出' }));
    assert.equal(mismatches.length, 1);
    assert.match(mismatches[0]!.entered, /亮点不突出/);
  });
});
