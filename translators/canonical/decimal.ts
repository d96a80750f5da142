// Exact decimals for money, quantities and rates. A JS number cannot hold 0.1 exactly, so amounts travel
// as text ("1234.50") and are computed here on bigint: the value is `units` divided by 10 to the `scale`.

export interface Decimal {
  /** The digits as one integer: 1234.50 is 123450n at scale 2. */
  readonly units: bigint;
  /** How many of those digits are decimals. */
  readonly scale: number;
}

/** What a decimal may look like as text: an optional minus sign, digits, and a point followed by digits. */
export const DECIMAL_PATTERN = '^-?\\d+(?:\\.\\d+)?$';

const DECIMAL = new RegExp(DECIMAL_PATTERN);

export type DecimalParse =
  | { readonly ok: true; readonly value: Decimal }
  | { readonly ok: false; readonly code: 'DECIMAL_INVALID'; readonly reason: string };

export function parseDecimal(text: string): DecimalParse {
  if (DECIMAL.test(text)) {
    const [whole, decimals = ''] = text.split('.') as [string, string?];
    return { ok: true, value: { units: BigInt(whole + decimals), scale: decimals.length } };
  }
  return { ok: false, code: 'DECIMAL_INVALID', reason: whyNotDecimal(text) };
}

function whyNotDecimal(text: string): string {
  if (text === '') return 'The text is empty; a decimal such as "1234.50" was expected.';
  if (text.trim() !== text) return `"${text}" has spaces around it; write the decimal alone, such as "1234.50".`;
  if (text.includes(',')) return `"${text}" has a comma; write no thousands separators and a point before the decimals, such as "1234.50".`;
  return `"${text}" is not a decimal; write digits with an optional minus sign and a point before the decimals, such as "1234.50".`;
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: atScale(a, scale) + atScale(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

/** Exact: the product keeps every decimal of both (1.25 x 0.5 = 0.625); round it where the business says. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; 1.5 and 1.50 are equal. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const difference = atScale(a, scale) - atScale(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total: Decimal = { units: 0n, scale: 0 };
  for (const value of values) total = add(total, value);
  return total;
}

/**
 * To `places` decimals, halves away from zero as commercial rounding does: 2.345 is 2.35 and -2.345 is
 * -2.35. A value with fewer decimals keeps its value and gains trailing zeros.
 */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`Decimal places must be a whole number of zero or more, not ${places}.`);
  if (value.scale <= places) return { units: atScale(value, places), scale: places };
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.units < 0n ? -value.units : value.units;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return { units: value.units < 0n ? -rounded : rounded, scale: places };
}

/** The value as text with exactly `places` decimals, rounded half-up when it has more: 1234.5 at 2 is "1234.50". */
export function formatDecimal(value: Decimal, places: number): string {
  const { units } = roundHalfUp(value, places);
  const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
  const sign = units < 0n ? '-' : '';
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** The units of `value` at a scale at least its own. */
function atScale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}
