import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { decimal, type Invoice } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS } from '../../translators/maps/map-contract.js';
import { goldenSamples, readExpected, readSample } from '../helpers/fixture-samples.js';
import { MAPS, readMessages, withoutControlNumbers, writeInterchange } from './maps-edifact-support.js';

// EDIFACT -> canonical -> EDIFACT -> canonical gives the same document, control numbers aside, for every
// golden sample the maps accept: ORDERS, DESADV, INVOIC and IFTSTA, in D96A and D01B. What is written is
// read back by the validating reader without a finding, with a point or a comma as decimal mark.

const FOLDER = join(import.meta.dirname, '../fixtures/maps/edifact');
// Accepted as the golden test checks them to be, so that a sample missing from the corpus fails its own case.
const accepted = goldenSamples(FOLDER, '.edi').filter((name) => (readExpected(FOLDER, name) as unknown[]).every((result) => !(result as { problems?: unknown }).problems));

describe('EDIFACT maps, round trip', () => {
  it('covers every message in both directories', () => {
    for (const prefix of ['orders-d96a', 'orders-d01b', 'desadv-d96a', 'desadv-d01b', 'invoic-d96a', 'invoic-d01b', 'iftsta-d96a', 'iftsta-d01b']) {
      expect(accepted.some((name) => name.startsWith(prefix))).toBe(true);
    }
  });

  describe.each(['.', ','] as const)('with "%s" as decimal mark', (mark) => {
    it.each(accepted)('%s', async (name) => {
      for (const { type, source, tree } of readMessages(readSample(FOLDER, name))) {
        const map = MAPS[type];
        if (!map) throw new Error(`No EDIFACT map for ${type}`);
        const first = map.inbound(tree, source, DEFAULT_MAP_OPTIONS);
        if (!first.ok) throw new Error(JSON.stringify(first.problems));
        const written = map.outbound(first.value, { ...DEFAULT_MAP_OPTIONS, syntaxIdentifier: 'UNOC', decimalMark: mark });
        if (!written.ok) throw new Error(JSON.stringify(written.problems));
        const text = await writeInterchange({ type, source, segments: written.value, decimal: mark });
        const [again, ...more] = readMessages(Buffer.from(text, 'latin1'));
        expect(more).toEqual([]);
        expect(again?.diagnostics).toEqual([]);
        const second = again && map.inbound(again.tree, again.source, DEFAULT_MAP_OPTIONS);
        expect(second?.ok && withoutControlNumbers(second.value)).toEqual(withoutControlNumbers(first.value));
      }
    });
  });

  it('keeps money exact: the MOA 79 of an invoice is the sum of its lines MOA 203, before and after', async () => {
    const [message] = readMessages(readSample(FOLDER, 'invoic-d96a-sums.edi'));
    if (!message) throw new Error('invoic-d96a-sums.edi holds a message');
    const sums = (invoice: Invoice) => ({
      lines: decimal.sum(invoice.lines.map((line) => parsed(line.amount?.amount ?? '0'))),
      stated: parsed(invoice.totals.lines?.amount ?? ''),
    });
    const first = MAPS.INVOIC?.inbound(message.tree, message.source, DEFAULT_MAP_OPTIONS);
    if (!first?.ok) throw new Error('the sample maps');
    const { lines, stated } = sums(first.value as Invoice);
    expect(decimal.compare(lines, stated)).toBe(0);
    expect(decimal.formatDecimal(stated, 2)).toBe('114.75');
    const written = MAPS.INVOIC?.outbound(first.value, DEFAULT_MAP_OPTIONS);
    if (!written?.ok) throw new Error('the invoice is written');
    expect(written.value).toContainEqual({ tag: 'MOA', elements: [['79', '114.75']] });
  });
});

function parsed(text: string): decimal.Decimal {
  const result = decimal.parseDecimal(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}
