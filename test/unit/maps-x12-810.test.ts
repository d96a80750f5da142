import { describe, expect, it } from '@jest/globals';
import { decimal, type Invoice, type Money } from '../../translators/canonical/index.js';
import { DEFAULT_MAP_OPTIONS } from '../../translators/maps/map-contract.js';
import { invoiceToX12810 } from '../../translators/maps/invoice-to-x12-810.js';
import { readSample } from '../helpers/fixture-samples.js';
import { FIXTURES, interchange, mapSet, readSets } from './maps-x12-read.js';

// The 810's money: exact decimals from implied-decimal amounts, a total that is the exact sum of its parts,
// and the amounts X12 cannot carry.

function invoiceOf(sample: string): Invoice {
  const [set] = readSets(readSample(FIXTURES, sample).toString('utf8'));
  const result = set && mapSet(set, DEFAULT_MAP_OPTIONS);
  if (!result?.ok) throw new Error(`${sample} did not map`);
  return result.value as Invoice;
}

function exact(text: string): decimal.Decimal {
  const parsed = decimal.parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const amount = (money: Money) => exact(money.amount);

describe('810 money', () => {
  it.each(['810-004010-full.x12', '810-005010-credit.x12'])('%s: TDS01 is exactly the lines, less allowances, plus charges and taxes', (sample) => {
    const invoice = invoiceOf(sample);
    const signed = (charges: Invoice['allowancesCharges']) => (charges ?? []).map((charge) => (charge.type === 'allowance' ? decimal.subtract({ units: 0n, scale: 0 }, amount(charge.amount)) : amount(charge.amount)));
    const parts = [
      ...invoice.lines.map((line) => decimal.multiply(exact(line.quantity.value), amount(line.unitPrice))),
      ...invoice.lines.flatMap((line) => [...signed(line.allowancesCharges), ...(line.taxes ?? []).map((tax) => amount(tax.amount))]),
      ...signed(invoice.allowancesCharges),
      ...(invoice.taxes ?? []).map((tax) => amount(tax.amount)),
    ];
    expect(decimal.compare(decimal.sum(parts), amount(invoice.totals.total))).toBe(0);
    expect(invoice.totals.total.amount).toBe('498.77');
  });

  it('reads TDS01 with its two implied decimals', () => {
    const [set] = readSets(interchange('810', '004010', ['BIG*20250305*INV-1', 'IT1*1*1*EA*125.5**BP*SKU-1', 'TDS*12550', 'CTT*1']));
    expect(set && mapSet(set, DEFAULT_MAP_OPTIONS)).toMatchObject({ ok: true, value: { totals: { total: { amount: '125.50', currency: 'USD' } } } });
  });

  it('refuses a line without a unit price', () => {
    const [set] = readSets(interchange('810', '004010', ['BIG*20250305*INV-1', 'IT1*1*1*EA***BP*SKU-1', 'TDS*12550', 'CTT*1']));
    expect(set && mapSet(set, DEFAULT_MAP_OPTIONS)).toEqual({
      ok: false,
      problems: [{ code: 'MAP_VALUE_MISSING', message: 'IT104, the unit price, is missing.', location: { segmentPosition: 3, element: 'IT104' } }],
    });
  });

  it('refuses to write a total with more decimals than TDS01 carries', () => {
    const invoice = invoiceOf('810-004010-full.x12');
    const overPrecise = { ...invoice, totals: { total: { amount: '498.775', currency: 'USD' } } };
    expect(invoiceToX12810(overPrecise, DEFAULT_MAP_OPTIONS)).toEqual({
      ok: false,
      problems: [
        {
          code: 'MAP_VALUE_INVALID',
          message: '498.775 at /totals/total/amount has more than two decimals, which X12 cannot carry in an amount with implied decimals.',
          location: { path: '/totals/total/amount' },
        },
      ],
    });
  });
});
