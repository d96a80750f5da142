import { describe, expect, it } from '@jest/globals';
import { parseCanonical } from '../../translators/canonical/index.js';
import { goldenSamples, readExpected, readSample } from '../helpers/fixture-samples.js';
import { FIXTURES, fixtureOptions, mapSet, readSets } from './maps-x12-read.js';

// Every sample under test/fixtures/maps/x12 beside the canonical documents its transaction sets must become
// (NAME.json, one per set, in file order) and, where the partner's profile matters, its map options
// (NAME.options.json). Real samples from the shared corpus are listed with their origin in SOURCES.tsv,
// which gives the corpus path of those read in place rather than copied here.

const samples = goldenSamples(FIXTURES, '.x12');

describe('X12 maps on golden samples', () => {
  it.each(samples)('%s becomes its canonical documents', (sample) => {
    const sets = readSets(readSample(FIXTURES, sample).toString('utf8'));
    const expected = readExpected(FIXTURES, sample);
    expect(sets.flatMap((set) => set.diagnostics)).toEqual([]);
    const documents = sets.map((set) => {
      const result = mapSet(set, fixtureOptions(sample));
      if (!result.ok) throw new Error(`${sample} set ${set.source.setControlNumber}: ${JSON.stringify(result.problems, null, 2)}`);
      return result.value;
    });
    expect(documents).toEqual(expected);
    for (const document of documents) expect(parseCanonical(JSON.parse(JSON.stringify(document)))).toEqual({ ok: true, document });
  });
});
