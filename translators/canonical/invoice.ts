import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, list, text } from '../schema/fields.js';
import { dateTime } from './dates.js';
import { AllowanceCharge, InvoiceTotals, PaymentTerms, Tax } from './invoice-amounts.js';
import { Item } from './items.js';
import { repeatedLineNumbers } from './line-numbers.js';
import { money } from './money.js';
import { parties } from './parties.js';
import { Purpose } from './purpose.js';
import { quantity } from './quantities.js';
import { withRule } from './rules.js';
import { Source } from './source.js';

// A seller's bill for goods shipped: inbound it becomes a draft vendor bill, outbound a posted customer
// invoice goes to the customer.

const InvoiceLine = fields('One line of the invoice: an item, how much, at what price.', {
  lineNumber: text('The number of the line on the invoice.'),
  orderLineNumber: Type.Optional(text('The number of the order line the goods were ordered on.')),
  item: Item,
  quantity: quantity('How much is invoiced.'),
  unitPrice: money('The price of one unit of the quantity.'),
  amount: Type.Optional(money('The amount of the line: quantity times unit price, after its own allowances and charges.')),
  allowancesCharges: Type.Optional(list('Allowances and charges on this line only.', AllowanceCharge, { minItems: 1 })),
  taxes: Type.Optional(list('Taxes on this line only.', Tax, { minItems: 1 })),
});

export const Invoice = withRule(
  fields("A seller's invoice or credit note.", {
    kind: Type.Literal('invoice', { description: 'Says that this is an invoice.' }),
    source: Source,
    purpose: Purpose,
    invoiceType: choice('Whether the buyer owes or is owed the amount.', {
      invoice: 'The buyer owes the amount.',
      'credit-note': 'The buyer is owed the amount, for returns, damages or overbilling.',
      'debit-note': 'The buyer owes an amount in addition to an earlier invoice.',
    }),
    invoiceNumber: text("The seller's invoice number: the key the invoice is found by."),
    orderNumber: Type.Optional(text("The buyer's purchase order number the invoice is for.")),
    shipmentId: Type.Optional(text("The shipper's number for the shipment invoiced.")),
    billOfLading: Type.Optional(text('The bill of lading number of the shipment invoiced.')),
    dates: fields('When the invoice was written and the goods shipped.', {
      invoiced: dateTime('The date of the invoice.'),
      shipped: Type.Optional(dateTime('When the goods invoiced were shipped.')),
    }),
    parties: parties('Who takes part: seller, buyer, bill-to, remit-to and the others.'),
    terms: Type.Optional(PaymentTerms),
    lines: list('What is invoiced, line by line.', InvoiceLine, { minItems: 1 }),
    allowancesCharges: Type.Optional(list('Allowances and charges on the invoice as a whole.', AllowanceCharge, { minItems: 1 })),
    taxes: Type.Optional(list('Taxes on the invoice as a whole.', Tax, { minItems: 1 })),
    totals: InvoiceTotals,
  }),
  (invoice) => repeatedLineNumbers(invoice.lines, '/lines'),
);

export type Invoice = Static<typeof Invoice>;
