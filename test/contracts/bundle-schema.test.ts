import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/contracts/bundle.js';
import { buildJinchengDemo } from '../../src/demo/jincheng.js';
import { presentTally } from '../../src/domain/present.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { BUNDLE_SCHEMA_PATH, bundleSchemaText } from '../../scripts/write-bundle-schema.js';

describe('the documented bundle format', () => {
  it('docs/bundle.schema.json is the schema the code enforces (run `npm run docs:schema` after changing it)', () => {
    assert.equal(readFileSync(BUNDLE_SCHEMA_PATH, 'utf8'), bundleSchemaText());
  });

  it('accepts a real exported bundle and refuses a tampered one, with any JSON Schema validator', () => {
    const { definition, ballots } = buildJinchengDemo();
    const bundle = JSON.parse(JSON.stringify({ format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: '2022-06-30T00:00:00.000Z', definition, ballots, results: presentTally(definition, tallyCampaign(definition, ballots)) }));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(BUNDLE_SCHEMA_PATH, 'utf8')));
    assert.equal(validate(bundle), true, JSON.stringify(validate.errors?.slice(0, 3)));
    bundle.ballots[0].channel = 'fax';
    assert.equal(validate(bundle), false);
  });
});
