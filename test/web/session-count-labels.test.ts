/**
 * One way of labelling a session's numbers everywhere: the console's 测评会 page and the printed 计票单 (and the
 * exports) say 份 for sheets, 张 per form, 项 per subject with the same words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNT_LABELS, COUNT_NOTE } from '../../src/http/pages/count-labels.js';
import { countLabels } from '../../web/console/src/features/sessions/messages.js';

describe('session count labels', () => {
  it('are the same words on the console and on the printed tally report', () => {
    for (const [key, zh] of Object.entries(COUNT_LABELS)) {
      assert.equal(countLabels[key as keyof typeof countLabels]?.zh, zh, key);
    }
    assert.equal(countLabels.countNote.zh, COUNT_NOTE);
  });

  it('say what each count counts, in both languages', () => {
    for (const key of ['issued', 'returned', 'sheetsWithInvalid'] as const) {
      assert.match(countLabels[key].zh, /份/);
      assert.match(countLabels[key].en, /sheets/);
    }
    for (const key of ['validBallots', 'invalidBallots'] as const) {
      assert.match(countLabels[key].zh, /张，按评价方式计/);
      assert.match(countLabels[key].en, /per form/);
    }
    assert.match(countLabels.abstentions.zh, /项，按测评对象计/);
    assert.match(countLabels.abstentions.en, /per subject/);
  });
});
