import { describe, expect, it } from '@jest/globals';
import { gs1CheckDigit, isGln, isGtin, isSscc } from '../../translators/canonical/check-digits.js';

// Valid numbers from GS1's own examples and real packages; each wrong one differs in one digit.

describe('GS1 check digits', () => {
  it.each([
    ['96385074', 'GTIN-8'],
    ['036000291452', 'GTIN-12 (UPC-A)'],
    ['4006381333931', 'GTIN-13 (EAN)'],
    ['10012345678902', 'GTIN-14'],
  ])('accepts %s, a %s', (code) => {
    expect(isGtin(code)).toBe(true);
  });

  it.each([
    ['96385075', 'a wrong check digit'],
    ['036000291453', 'a wrong check digit'],
    ['4006381333932', 'a wrong check digit'],
    ['400638133393', 'eleven digits'],
    ['1234567890', 'ten digits'],
    ['40063813339.1', 'a point'],
    ['', 'nothing'],
  ])('refuses GTIN %j with %s', (code) => {
    expect(isGtin(code)).toBe(false);
  });

  it('checks SSCC-18', () => {
    expect(isSscc('106141411234567897')).toBe(true);
    expect(isSscc('106141411234567898')).toBe(false);
    expect(isSscc('06141411234567897')).toBe(false);
  });

  it('checks GLN', () => {
    expect(isGln('1234567890128')).toBe(true);
    expect(isGln('1234567890123')).toBe(false);
    expect(isGln('00012345678905')).toBe(false);
  });

  it('computes the digit to append', () => {
    expect(gs1CheckDigit('10614141123456789')).toBe(7);
    expect(gs1CheckDigit('0360002914')).toBe(gs1CheckDigit('360002914'));
  });
});
