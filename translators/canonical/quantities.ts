import type { Static, TString } from '@sinclair/typebox';
import { fields, text } from '../schema/fields.js';
import { decimalText } from './decimal-text.js';

// Quantities, weights and sizes: an exact decimal with its unit. Units are UN/ECE Recommendation 20 codes
// whatever the partner wrote; the partner's unit-of-measure table says which of its codes is which.

export function unitCode(description: string): TString {
  return text(description, { pattern: '^[A-Z0-9]{2,3}$', expects: 'a UN/ECE Recommendation 20 unit code of 2 or 3 capital letters or digits, like EA' });
}

export function quantity(description: string) {
  return fields(description, {
    value: decimalText('How many or how much, as an exact decimal: "12" or "2.5".'),
    unit: unitCode('The unit, as a UN/ECE Recommendation 20 code: EA each, KGM kilogram, LBR pound, MTQ cubic metre.'),
  });
}

export type Quantity = Static<ReturnType<typeof quantity>>;

export function dimensions(description: string) {
  return fields(description, {
    length: decimalText('The length, as an exact decimal.'),
    width: decimalText('The width, as an exact decimal.'),
    height: decimalText('The height, as an exact decimal.'),
    unit: unitCode('The unit of all three, as a UN/ECE Recommendation 20 code: CMT centimetre, INH inch.'),
  });
}
