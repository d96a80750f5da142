import { Type } from '@sinclair/typebox';
import { choice, fields, text, wholeNumber } from '../schema/fields.js';
import { calendarDate } from './dates.js';
import { decimalText } from './decimal-text.js';
import { money } from './money.js';

// The money side of an invoice besides its lines' prices: allowances and charges, taxes, payment terms
// and totals. Amounts are stated as the partner sent them, never recomputed here.

export const AllowanceCharge = fields('An amount taken off (allowance) or added (charge).', {
  type: choice('Whether the amount is taken off or added.', {
    allowance: 'Taken off: a discount, a promotion, a rebate.',
    charge: 'Added: freight, handling, a surcharge.',
  }),
  reason: Type.Optional(
    choice('What it is for.', {
      discount: 'A discount on price or volume.',
      promotion: 'A promotional or advertising allowance.',
      freight: 'The cost of transport.',
      'fuel-surcharge': 'The fuel surcharge of a carrier.',
      handling: 'Handling, labelling or other services.',
      packaging: 'Packing materials or special packaging.',
      insurance: 'Insurance of the goods.',
      other: 'Something else; the description says what.',
    }),
  ),
  description: Type.Optional(text('What it is for, in the words of the partner.')),
  percent: Type.Optional(decimalText('The percentage it is calculated at, when it is one: "2.5" for 2.5 %.')),
  amount: money('The amount taken off or added, as a positive number.'),
});

export const Tax = fields('A tax on the invoice or a line.', {
  type: choice('Which tax.', {
    sales: 'Sales tax.',
    'value-added': 'Value added tax (VAT).',
    'goods-and-services': 'Goods and services tax (GST, HST).',
    excise: 'Excise duty.',
    other: 'Another tax; the description says which.',
  }),
  description: Type.Optional(text('The tax in the words of the partner, such as the jurisdiction it is paid to.')),
  rate: Type.Optional(decimalText('The tax rate as a percentage: "19.00" for 19 %.')),
  taxableAmount: Type.Optional(money('The amount the tax is calculated on.')),
  amount: money('The amount of tax.'),
});

export const PaymentTerms = fields('When the invoice is due and any discount for paying early.', {
  description: Type.Optional(text('The terms in words, such as "2% 10 net 30".')),
  netDays: Type.Optional(wholeNumber('How many days after the invoice date the full amount is due.', { minimum: 0 })),
  netDueDate: Type.Optional(calendarDate('The day the full amount is due.')),
  discountPercent: Type.Optional(decimalText('The discount for paying early, as a percentage: "2" for 2 %.')),
  discountDays: Type.Optional(wholeNumber('How many days after the invoice date the discount can be taken.', { minimum: 0 })),
  discountDueDate: Type.Optional(calendarDate('The last day the discount can be taken.')),
});

export const InvoiceTotals = fields('The totals of the invoice, as the partner stated them.', {
  lines: Type.Optional(money('The sum of the line amounts.')),
  allowances: Type.Optional(money('The sum of all allowances.')),
  charges: Type.Optional(money('The sum of all charges.')),
  taxes: Type.Optional(money('The sum of all taxes.')),
  total: money('The total of the invoice: lines less allowances, plus charges and taxes.'),
  payable: Type.Optional(money('The amount to pay when it differs from the total, such as after a prepayment.')),
});
