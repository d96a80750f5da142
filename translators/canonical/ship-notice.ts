import { Type, type Static } from '@sinclair/typebox';
import { fields, list, text, wholeNumber } from '../schema/fields.js';
import { dateTime } from './dates.js';
import { ShippedOrder } from './packaging.js';
import { parties } from './parties.js';
import type { Problem } from './problem.js';
import { Purpose } from './purpose.js';
import { quantity } from './quantities.js';
import { repeatedValues, withRule, type PlacedValue } from './rules.js';
import { Source } from './source.js';
import { Transport } from './transport.js';

// The advance ship notice: what left, when, with which carrier, and how it is packed. Inbound it prepares
// a receipt; outbound it tells the customer what a done delivery holds.

export const ShipNotice = withRule(
  fields('An advance ship notice (ASN): what was shipped and how it is packed.', {
    kind: Type.Literal('ship-notice', { description: 'Says that this is a ship notice.' }),
    source: Source,
    purpose: Purpose,
    shipmentId: text("The shipper's number for the shipment: the key the notice is found by."),
    billOfLading: Type.Optional(text('The bill of lading number the carrier signed for the shipment.')),
    proNumber: Type.Optional(text("The carrier's PRO number, which tracks a truck shipment.")),
    dates: fields('When the notice was written, the goods left and are expected.', {
      issued: dateTime('When the shipper wrote the notice.'),
      shipped: Type.Optional(dateTime('When the goods left.')),
      estimatedDelivery: Type.Optional(dateTime('When the goods are expected to arrive.')),
    }),
    parties: parties('Who takes part: ship-from, ship-to, carrier, buyer and the others.'),
    transport: Type.Optional(Transport),
    packageCount: Type.Optional(wholeNumber('How many packages and pallets the carrier received (the lading quantity).', { minimum: 1 })),
    grossWeight: Type.Optional(quantity('What the whole shipment weighs, packaging included.')),
    volume: Type.Optional(quantity('The space the whole shipment takes up.')),
    orders: list('The orders in the shipment, each with its packages and items.', ShippedOrder, { minItems: 1 }),
  }),
  (notice) => repeatedSsccs(notice.orders),
);

export type ShipNotice = Static<typeof ShipNotice>;

/** One label on two packages: the receiving warehouse could book only one of them. */
function repeatedSsccs(orders: readonly ShippedOrder[]): Problem[] {
  return repeatedValues(ssccs(orders)).map(({ value, path, firstPath }) => ({
    code: 'SSCC_REPEATED',
    path,
    reason: `SSCC ${value} is already on the package at ${firstPath}; every pallet and carton needs its own label.`,
  }));
}

function ssccs(orders: readonly ShippedOrder[]): PlacedValue[] {
  const placed: PlacedValue[] = [];
  const add = (sscc: string | undefined, path: string) => {
    if (sscc !== undefined) placed.push({ value: sscc, path: `${path}/sscc` });
  };
  orders.forEach((order, orderIndex) => {
    const orderPath = `/orders/${orderIndex}`;
    order.pallets?.forEach((pallet, palletIndex) => {
      const palletPath = `${orderPath}/pallets/${palletIndex}`;
      add(pallet.sscc, palletPath);
      pallet.cartons?.forEach((carton, cartonIndex) => add(carton.sscc, `${palletPath}/cartons/${cartonIndex}`));
    });
    order.cartons?.forEach((carton, cartonIndex) => add(carton.sscc, `${orderPath}/cartons/${cartonIndex}`));
  });
  return placed;
}
