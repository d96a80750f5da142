import { char, float, integer, many2many, many2one, selection } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { get } from '../orm/records.js';
import { lineAmounts } from './amounts.js';
import { productLabel } from './product.js';

const amounts = (env: Env, row: Row) => lineAmounts(env, row.quantity!, row.price_unit!, row.discount!, row.tax_ids!);

/** Customer documents and credit notes on our side count the other way round in the balance. */
function balance(env: Env, row: Row): number {
  const type = String(get(env, 'account.move', row.move_id!, 'move_type'));
  const subtotal = amounts(env, row).subtotal;
  return type === 'out_invoice' || type === 'in_refund' || type === 'out_receipt' ? -subtotal : subtotal;
}

function defaultPrice(env: Env, vals: Record<string, unknown>): number {
  if (typeof vals.product_id !== 'number') return 0;
  const type = String(get(env, 'account.move', vals.move_id as number, 'move_type'));
  const field = type.startsWith('in_') ? 'standard_price' : 'lst_price';
  return Number(get(env, 'product.product', vals.product_id, field)) || 0;
}

export const accountMoveLine: ModelSpec = {
  name: 'account.move.line',
  description: 'Journal Item',
  order: 'date desc, move_name desc, id',
  fields: {
    move_id: many2one('Journal Entry', 'account.move', { required: true, ondelete: 'cascade' }),
    move_name: char('Number', { compute: (env, row) => get(env, 'account.move', row.move_id!, 'name') }),
    date: char('Date', { compute: (env, row) => get(env, 'account.move', row.move_id!, 'date') }),
    sequence: integer('Sequence', { default: () => 10 }),
    product_id: many2one('Product', 'product.product', { ondelete: 'restrict' }),
    name: char('Label', { default: (env, vals) => (typeof vals.product_id === 'number' ? productLabel(env, vals.product_id) : false) }),
    quantity: float('Quantity', { default: () => 1 }),
    price_unit: float('Unit Price', { default: defaultPrice }),
    discount: float('Discount (%)'),
    product_uom_id: many2one('Unit of Measure', 'uom.uom', { default: (env, vals) => get(env, 'product.product', vals.product_id as number, 'uom_id') }),
    tax_ids: many2many('Taxes', 'account.tax'),
    price_subtotal: float('Subtotal', { compute: (env, row) => amounts(env, row).subtotal }),
    price_total: float('Total', { compute: (env, row) => amounts(env, row).total }),
    balance: float('Balance', { compute: balance }),
    debit: float('Debit', { compute: (env, row) => Math.max(0, balance(env, row)) }),
    credit: float('Credit', { compute: (env, row) => Math.max(0, -balance(env, row)) }),
    amount_currency: float('Amount in Currency', { compute: balance }),
    partner_id: many2one('Partner', 'res.partner', { default: (env, vals) => get(env, 'account.move', vals.move_id as number, 'partner_id') }),
    currency_id: many2one('Currency', 'res.currency', { default: (env, vals) => get(env, 'account.move', vals.move_id as number, 'currency_id') }),
    display_type: selection(
      'Display Type',
      [
        ['product', 'Product'],
        ['cogs', 'Cost of Goods Sold'],
        ['tax', 'Tax'],
        ['discount', 'Discount'],
        ['rounding', 'Rounding'],
        ['payment_term', 'Payment Term'],
        ['line_section', 'Section'],
        ['line_subsection', 'Subsection'],
        ['line_note', 'Note'],
        ['epd', 'Early Payment Discount'],
      ],
      { required: true, default: () => 'product' },
    ),
    sale_line_ids: many2many('Sales Order Lines', 'sale.order.line'),
    purchase_line_id: many2one('Purchase Order Line', 'purchase.order.line'),
  },
};
