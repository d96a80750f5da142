import { describe, expect, it } from '@jest/globals';
import type { CanonicalDocument } from '../../translators/canonical/index.js';
import { goldenSamples, readSample } from '../helpers/fixture-samples.js';
import { FIXTURES, fixtureOptions, mapSet, mapsOf, readSets, writeInterchange } from './maps-x12-read.js';

// EDI -> canonical -> EDI -> canonical gives the same document: every golden sample, every transaction set,
// both versions. The written interchange must also pass the validator untouched, as a partner's would.

function withoutControlNumbers(document: CanonicalDocument): unknown {
  const { interchangeControlNumber: _i, groupControlNumber: _g, setControlNumber: _s, ...source } = document.source;
  return { ...document, source };
}

const samples = goldenSamples(FIXTURES, '.x12');

describe('X12 maps round trip', () => {
  it.each(samples)('%s comes back the same', async (sample) => {
    const options = fixtureOptions(sample);
    for (const set of readSets(readSample(FIXTURES, sample).toString('utf8'))) {
      const first = mapSet(set, options);
      if (!first.ok) throw new Error(JSON.stringify(first.problems));
      const written = mapsOf(set.id).outbound(first.value, options);
      if (!written?.ok) throw new Error(JSON.stringify(written));
      const [again] = readSets(await writeInterchange(set.id, set.source, written.value));
      expect(again?.diagnostics).toEqual([]);
      const second = again && mapSet(again, options);
      if (!second?.ok) throw new Error(JSON.stringify(second));
      expect(withoutControlNumbers(second.value)).toEqual(withoutControlNumbers(first.value));
    }
  });
});
