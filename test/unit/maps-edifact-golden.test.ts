import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parseCanonical } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS } from '../../translators/maps/map-contract.js';
import { goldenSamples, readExpected, readSample } from '../helpers/fixture-samples.js';
import { mapFile } from './maps-edifact-support.js';

// Every golden EDIFACT sample of test/fixtures/maps/edifact beside the canonical JSON expected from it: one
// entry per message, the document or the problems that keep it out. Real partner samples, copied here or,
// when their licence forbids a copy, read in place from the shared corpus (SOURCES.tsv names where each came
// from), and samples written for D01B and the CPS hierarchy; a new partner sample is its NAME.json and its
// file or SOURCES.tsv row, not new test code.

const FOLDER = join(import.meta.dirname, '../fixtures/maps/edifact');
const samples = goldenSamples(FOLDER, '.edi');

describe('EDIFACT maps, golden files', () => {
  it('has samples of every message in both directories', () => {
    for (const prefix of ['orders-d96a', 'orders-d01b', 'desadv-d96a', 'desadv-d01b', 'invoic-d96a', 'invoic-d01b', 'iftsta-d96a', 'iftsta-d01b']) {
      expect(samples.some((name) => name.startsWith(prefix))).toBe(true);
    }
  });

  it.each(samples)('%s maps to the canonical JSON beside it', (name) => {
    const results = mapFile(readSample(FOLDER, name), DEFAULT_MAP_OPTIONS);
    expect(results).toEqual(readExpected(FOLDER, name));
    for (const result of results) {
      if (!(result as { problems?: unknown }).problems) expect(parseCanonical(result)).toMatchObject({ ok: true });
    }
  });
});
