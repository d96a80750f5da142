import { char, datetime, float, integer, many2many, many2one, one2many, selection, text } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { get } from '../orm/records.js';
import { lineAmounts } from './amounts.js';
import { productLabel } from './product.js';
import { receiveOrder } from './purchase-receipt.js';
import { invoicedQuantity, movedQuantity } from './sale-order-line.js';

function qtyToInvoice(env: Env, row: Row): number {
  const state = get(env, 'purchase.order', row.order_id!, 'state');
  if ((state !== 'purchase' && state !== 'done') || row.display_type) return 0;
  const policy = get(env, 'product.product', row.product_id!, 'purchase_method');
  const basis = policy === 'purchase' ? Number(row.product_qty) : movedQuantity(env, 'purchase_line_id', row.id);
  return basis - invoicedQuantity(env, (line) => line.purchase_line_id === row.id);
}

/** The vendor's price from the product's vendor list, else the product's cost. */
function defaultPrice(env: Env, vals: Record<string, unknown>): number {
  if (typeof vals.product_id !== 'number') return 0;
  const vendor = get(env, 'purchase.order', vals.order_id as number, 'partner_id');
  const template = get(env, 'product.product', vals.product_id, 'product_tmpl_id');
  const seller = [...env.db.table('product.supplierinfo').values()].find((info) => info.partner_id === vendor && (info.product_id === vals.product_id || info.product_tmpl_id === template));
  return seller ? Number(seller.price) : Number(get(env, 'product.product', vals.product_id, 'standard_price')) || 0;
}

const amounts = (env: Env, row: Row) => lineAmounts(env, row.product_qty!, row.price_unit!, row.discount ?? 0, row[env.names.purchaseLineTaxes]!);
const uomDefault = (env: Env, vals: Record<string, unknown>) => get(env, 'product.product', vals.product_id as number, env.version >= 19 ? 'uom_id' : 'uom_po_id');

export const purchaseOrderLine: ModelSpec = {
  name: 'purchase.order.line',
  description: 'Purchase Order Line',
  order: 'order_id, sequence, id',
  fields: {
    order_id: many2one('Order Reference', 'purchase.order', { required: true, ondelete: 'cascade' }),
    sequence: integer('Sequence', { default: () => 10 }),
    display_type: selection('Display Type', [
      ['line_section', 'Section'],
      ['line_note', 'Note'],
    ]),
    product_id: many2one('Product', 'product.product'),
    name: text('Description', { required: true, default: (env, vals) => (typeof vals.product_id === 'number' ? productLabel(env, vals.product_id) : false) }),
    product_qty: float('Quantity', { required: true, default: (_env, vals) => (vals.display_type ? 0 : 1) }),
    product_uom_qty: float('Total Quantity', { compute: (_env, row) => Number(row.product_qty) }),
    product_uom: many2one('Unit of Measure', 'uom.uom', { default: uomDefault }),
    product_uom_id: many2one('Unit', 'uom.uom', { default: uomDefault }),
    price_unit: float('Unit Price', { required: true, default: defaultPrice }),
    discount: float('Discount (%)'),
    taxes_id: many2many('Taxes', 'account.tax'),
    tax_ids: many2many('Taxes', 'account.tax'),
    date_planned: datetime('Expected Arrival', { default: (env, vals) => get(env, 'purchase.order', vals.order_id as number, 'date_planned') || env.now }),
    price_subtotal: float('Subtotal', { compute: (env, row) => amounts(env, row).subtotal }),
    price_tax: float('Tax', { compute: (env, row) => amounts(env, row).tax }),
    price_total: float('Total', { compute: (env, row) => amounts(env, row).total }),
    qty_received: float('Received Qty', { compute: (env, row) => movedQuantity(env, 'purchase_line_id', row.id) }),
    qty_invoiced: float('Billed Qty', { compute: (env, row) => invoicedQuantity(env, (line) => line.purchase_line_id === row.id) }),
    qty_to_invoice: float('To Invoice Quantity', { compute: qtyToInvoice }),
    partner_id: many2one('Partner', 'res.partner', { compute: (env, row) => get(env, 'purchase.order', row.order_id!, 'partner_id') }),
    state: char('Status', { compute: (env, row) => get(env, 'purchase.order', row.order_id!, 'state') }),
    move_ids: one2many('Reservation', 'stock.move', 'purchase_line_id'),
  },
  constraints: [
    {
      sql: true,
      fields: ['display_type', 'product_id', 'product_uom', 'product_uom_id', 'date_planned'],
      check: (env, row) =>
        !row.display_type && (!row.product_id || !row[env.names.purchaseLineUom] || !row.date_planned) ? 'Missing required fields on accountable purchase order line.' : undefined,
    },
  ],
  afterCreate: (env, row) => {
    if (get(env, 'purchase.order', row.order_id!, 'state') === 'purchase') receiveOrder(env, row.order_id as number);
  },
  afterWrite: (env, row, vals) => {
    if (vals.product_qty !== undefined && get(env, 'purchase.order', row.order_id!, 'state') === 'purchase') receiveOrder(env, row.order_id as number);
  },
};
