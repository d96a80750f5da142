import { Type, type Static } from '@sinclair/typebox';
import { fields, list, text } from '../schema/fields.js';
import { isSscc, wrongCheckDigit } from './check-digits.js';
import { calendarDate } from './dates.js';
import { Item } from './items.js';
import { dimensions, quantity } from './quantities.js';
import { withRule } from './rules.js';

// How a shipment is packed, level by level as a ship notice describes it: each order in the shipment,
// its pallets (the tare level), its cartons (the pack level), and the items in them. A shipment packed
// without pallets has cartons right under the order; one not packed at all has items there.

const Sscc = withRule(
  text('The SSCC-18 on the package label: 18 digits, the last a check digit. Write it without the (00) application identifier.', {
    pattern: '^\\d{18}$',
    expects: 'an SSCC-18 of 18 digits, like 003456789012345670',
  }),
  (code) => (isSscc(code) ? [] : [wrongCheckDigit('SSCC', code)]),
);

const ShippedItem = fields('Goods of one order line in this shipment or package.', {
  orderLineNumber: Type.Optional(text('The number of the order line these goods were ordered on.')),
  item: Item,
  quantity: quantity('How much of the item is shipped here.'),
});

const Carton = fields('A carton, case or other package (the pack level).', {
  sscc: Type.Optional(Sscc),
  trackingNumber: Type.Optional(text("The parcel carrier's tracking number of this package.")),
  grossWeight: Type.Optional(quantity('What the package weighs, packaging included.')),
  dimensions: Type.Optional(dimensions('The outside size of the package.')),
  items: list('What is in the package.', ShippedItem, { minItems: 1 }),
});

const Pallet = fields('A pallet or slip sheet carrying packages or loose goods (the tare level).', {
  sscc: Type.Optional(Sscc),
  grossWeight: Type.Optional(quantity('What the pallet weighs, pallet and wrapping included.')),
  dimensions: Type.Optional(dimensions('The outside size of the loaded pallet.')),
  cartons: Type.Optional(list('The packages on the pallet.', Carton, { minItems: 1 })),
  items: Type.Optional(list('Goods on the pallet that are not in a package.', ShippedItem, { minItems: 1 })),
});

export const ShippedOrder = fields('One order shipped, in whole or in part, with how its goods are packed.', {
  orderNumber: text("The buyer's purchase order number."),
  orderDate: Type.Optional(calendarDate('The day the order was placed.')),
  pallets: Type.Optional(list('The pallets of this order.', Pallet, { minItems: 1 })),
  cartons: Type.Optional(list('The packages of this order that are not on a pallet.', Carton, { minItems: 1 })),
  items: Type.Optional(list('Goods of this order shipped without a package.', ShippedItem, { minItems: 1 })),
});

export type ShippedOrder = Static<typeof ShippedOrder>;
