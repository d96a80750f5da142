import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { add, compare, formatDecimal, multiply, parseDecimal, roundHalfUp, subtract, sum, type Decimal } from '../../translators/canonical/decimal.js';

/** The decimal written as `text`, which the test knows to be valid. */
function d(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** `value` written with its own number of decimals. */
const exact = (value: Decimal) => formatDecimal(value, value.scale);

describe('parseDecimal', () => {
  it.each([
    ['1234.50', 123450n, 2],
    ['-0.05', -5n, 2],
    ['7', 7n, 0],
    ['007.10', 710n, 2],
  ])('reads %s', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: { units, scale } });
  });

  it.each([
    ['', 'The text is empty; a decimal such as "1234.50" was expected.'],
    [' 12.5', '" 12.5" has spaces around it; write the decimal alone, such as "1234.50".'],
    ['1,234.50', '"1,234.50" has a comma; write no thousands separators and a point before the decimals, such as "1234.50".'],
    ['1e3', '"1e3" is not a decimal; write digits with an optional minus sign and a point before the decimals, such as "1234.50".'],
  ])('refuses %j and says why', (text, reason) => {
    expect(parseDecimal(text)).toEqual({ ok: false, code: 'DECIMAL_INVALID', reason });
  });

  it.each(['+1', '.5', '5.', '1.2.3', '--1', 'NaN', 'Infinity', '١٢'])('refuses %j', (text) => {
    expect(parseDecimal(text).ok).toBe(false);
  });
});

describe('arithmetic', () => {
  it('adds money exactly', () => {
    expect(exact(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(compare(add(d('0.1'), d('0.2')), d('0.3'))).toBe(0);
  });

  it('subtracts, going below zero', () => {
    expect(exact(subtract(d('10.00'), d('10.005')))).toBe('-0.005');
  });

  it('multiplies keeping every decimal', () => {
    expect(exact(multiply(d('1.25'), d('0.5')))).toBe('0.625');
    expect(exact(multiply(d('-3.25'), d('24')))).toBe('-78.00');
  });

  it('compares values whatever their number of decimals', () => {
    expect(compare(d('1.5'), d('1.50'))).toBe(0);
    expect(compare(d('-2'), d('1.99'))).toBe(-1);
    expect(compare(d('10'), d('9.999'))).toBe(1);
  });

  it('sums exactly, and nothing to zero', () => {
    expect(exact(sum(Array.from({ length: 10 }, () => d('0.1'))))).toBe('1.0');
    expect(exact(sum([]))).toBe('0');
  });

  it('holds amounts beyond the safe integers of JS numbers', () => {
    expect(exact(add(d('9007199254740993.01'), d('0.01')))).toBe('9007199254740993.02');
  });
});

describe('roundHalfUp and formatDecimal', () => {
  it.each([
    ['2.345', 2, '2.35'],
    ['2.344', 2, '2.34'],
    ['-2.345', 2, '-2.35'],
    ['-0.004', 2, '0.00'],
    ['0.5', 0, '1'],
    ['1234.5', 2, '1234.50'],
    ['0.07', 3, '0.070'],
  ])('writes %s at %i decimals as %s', (text, places, expected) => {
    expect(formatDecimal(d(text), places)).toBe(expected);
    expect(roundHalfUp(d(text), places).scale).toBe(places);
  });

  it('refuses a number of places that is not a whole number of zero or more', () => {
    expect(() => roundHalfUp(d('1.5'), -1)).toThrow(RangeError);
    expect(() => formatDecimal(d('1.5'), 1.5)).toThrow(RangeError);
  });

  it('agrees with rounding whole cents done on integers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (thousandths) => {
        const value = { units: thousandths, scale: 3 };
        const magnitude = thousandths < 0n ? -thousandths : thousandths;
        const cents = (magnitude + 5n) / 10n;
        expect(roundHalfUp(value, 2)).toEqual({ units: thousandths < 0n ? -cents : cents, scale: 2 });
      }),
    );
  });

  it('writes back what it read', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[1-9]\d{0,20}\.\d{1,6}$/), (text) => {
        expect(exact(d(text))).toBe(text);
      }),
    );
  });
});
