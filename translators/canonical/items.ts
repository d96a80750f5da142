import { Type, type Static } from '@sinclair/typebox';
import { fields, list, text } from '../schema/fields.js';
import { isGtin, wrongCheckDigit } from './check-digits.js';
import { withRule } from './rules.js';

// What the goods are: a GS1 number, the buyer's and the vendor's own item numbers, and for traced goods
// the lot and serial numbers. At least one number is needed for Odoo to find the product.

const Gtin = withRule(
  text('GS1 trade item number: GTIN-8, GTIN-12 (a UPC-A code), GTIN-13 (EAN) or GTIN-14 (cases), the last digit a check digit. A compressed UPC-E is written as its GTIN-12.', {
    pattern: '^(?:\\d{8}|\\d{12,14})$',
    expects: 'a GTIN of 8, 12, 13 or 14 digits, like 00012345678905',
  }),
  (code) => (isGtin(code) ? [] : [wrongCheckDigit('GTIN', code)]),
);

export const Item = withRule(
  fields('What the goods are, by the numbers buyer, vendor and GS1 give them.', {
    gtin: Type.Optional(Gtin),
    buyerItem: Type.Optional(text("The buyer's item number (SKU) for the goods.")),
    vendorItem: Type.Optional(text("The vendor's or manufacturer's item number (style, part or catalogue number).")),
    description: Type.Optional(text('The goods in words, as the partner described them.')),
    lot: Type.Optional(text('The production lot or batch the goods come from.')),
    serialNumbers: Type.Optional(list('The serial numbers of the individual units.', text('One serial number.'), { minItems: 1 })),
  }),
  (item) =>
    item.gtin ?? item.buyerItem ?? item.vendorItem
      ? []
      : [{ code: 'ITEM_UNIDENTIFIED', path: '', reason: 'The item has no GTIN, buyer item number or vendor item number, so the product cannot be found.' }],
);

export type Item = Static<typeof Item>;
