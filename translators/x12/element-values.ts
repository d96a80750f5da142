import type { ElementType } from './specs/spec-types.js';

// Whether a value is well formed for its X12 data type. Lengths of numbers count digits only: a sign and a
// decimal point are not part of an N or R element's length.

/** Length as X12 counts it for the type. */
export function valueLength(type: ElementType, value: string): number {
  if (type === 'R' || type.startsWith('N')) {
    let digits = 0;
    for (let index = 0; index < value.length; index += 1) {
      const code = value.charCodeAt(index);
      if (code >= 48 && code <= 57) digits += 1;
    }
    return digits;
  }
  return value.length;
}

const IMPLIED_DECIMAL = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)$/;
/** 005010 allows exponential notation in R elements. */
const DECIMAL_WITH_EXPONENT = /^-?(?:\d+\.?\d*|\.\d+)(?:E-?\d+)?$/;

export function isNumber(type: ElementType, value: string, exponentAllowed: boolean): boolean {
  if (type === 'R') return (exponentAllowed ? DECIMAL_WITH_EXPONENT : DECIMAL).test(value);
  return IMPLIED_DECIMAL.test(value);
}

const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** Control characters are never data in X12; everything else a partner's character set may allow. -1 when there is none. */
export function firstInvalidCharacter(value: string): number {
  return value.search(CONTROL_CHARACTER);
}
