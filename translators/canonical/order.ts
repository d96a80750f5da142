import { Type, type Static } from '@sinclair/typebox';
import { fields, list, text } from '../schema/fields.js';
import { dateTime } from './dates.js';
import { Item } from './items.js';
import { repeatedLineNumbers } from './line-numbers.js';
import { money } from './money.js';
import { parties } from './parties.js';
import { Purpose } from './purpose.js';
import { quantity } from './quantities.js';
import { withRule } from './rules.js';
import { Source } from './source.js';
import { Transport } from './transport.js';

// A customer's order to a seller: inbound it becomes a sale order, outbound a purchase order goes to a supplier.

const OrderLine = fields('One line of the order: an item, how much of it, at what price.', {
  lineNumber: text('The number of the line as the buyer wrote it ("1", "0010"); ship notices and invoices refer to it.'),
  item: Item,
  quantity: quantity('How much is ordered, in the unit it is ordered in.'),
  unitPrice: Type.Optional(money('The price of one unit of the quantity, before allowances and charges.')),
});

export const Order = withRule(
  fields("A buyer's order for goods.", {
    kind: Type.Literal('order', { description: 'Says that this is an order.' }),
    source: Source,
    purpose: Purpose,
    orderNumber: text("The buyer's purchase order number: the key buyer, seller and warehouse find the order by."),
    dates: fields('When the order was placed and when the goods are wanted.', {
      ordered: dateTime('When the buyer placed the order.'),
      requestedShip: Type.Optional(dateTime('When the buyer asks the goods to be shipped.')),
      requestedDelivery: Type.Optional(dateTime('When the buyer asks the goods to arrive.')),
      shipNotBefore: Type.Optional(dateTime('The first day the goods may be shipped.')),
      shipNoLater: Type.Optional(dateTime('The last day the goods may be shipped.')),
      deliverNotBefore: Type.Optional(dateTime('The first day the goods may arrive.')),
      deliverNoLater: Type.Optional(dateTime('The last day the goods may arrive.')),
      cancelAfter: Type.Optional(dateTime('The order is cancelled if not shipped by then.')),
    }),
    parties: parties('Who takes part: buyer, seller, ship-to, bill-to and the others.'),
    transport: Type.Optional(Transport),
    lines: list('What is ordered, line by line.', OrderLine, { minItems: 1 }),
  }),
  (order) => repeatedLineNumbers(order.lines, '/lines'),
);

export type Order = Static<typeof Order>;
