import type { Problem } from './problem.js';

// GS1 check digits (GS1 General Specifications 7.9): the last digit of a GTIN, GLN or SSCC is computed from
// the others, so a mistyped or misread number is caught before it reaches a receipt or a label.

/** The check digit for `payload` (the digits before it): weights 3 and 1 alternate from the right. */
export function gs1CheckDigit(payload: string): number {
  let total = 0;
  for (let index = 0; index < payload.length; index += 1) {
    const weight = (payload.length - index) % 2 === 1 ? 3 : 1;
    total += Number(payload[index]) * weight;
  }
  return (10 - (total % 10)) % 10;
}

/** Digits only, `lengths` long, and the last digit is the right check digit. */
function isGs1Number(code: string, lengths: readonly number[]): boolean {
  if (!/^\d+$/.test(code) || !lengths.includes(code.length)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 (cases and other trade units). */
export function isGtin(code: string): boolean {
  return isGs1Number(code, [8, 12, 13, 14]);
}

/** SSCC-18, the serial shipping container code printed on carton and pallet labels. */
export function isSscc(code: string): boolean {
  return isGs1Number(code, [18]);
}

/** GLN, the 13-digit global location number of a company or one of its sites. */
export function isGln(code: string): boolean {
  return isGs1Number(code, [13]);
}

/** The refusal of `code`, digits of the right length whose last digit is not its check digit. */
export function wrongCheckDigit(name: string, code: string): Problem {
  const expected = gs1CheckDigit(code.slice(0, -1));
  return {
    code: 'CHECK_DIGIT_WRONG',
    path: '',
    reason: `The ${name} ${code} ends in ${code.slice(-1)} but its check digit is ${expected}; the number is mistyped or misread.`,
  };
}
