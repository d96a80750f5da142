import { char, float, integer, many2many, many2one, one2many, selection, text } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { findRow, get } from '../orm/records.js';
import { lineAmounts } from './amounts.js';
import { productLabel } from './product.js';
import { procureOrder } from './sale-delivery.js';

export function orderLines(env: Env, model: string, orderId: number): Row[] {
  return [...env.db.table(model).values()].filter((line) => line.order_id === orderId).sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
}

/** Quantity moved by done moves of the line, in the given direction (outgoing for sales, incoming for purchases). */
export function movedQuantity(env: Env, field: 'sale_line_id' | 'purchase_line_id', lineId: number): number {
  let quantity = 0;
  for (const move of env.db.table('stock.move').values()) {
    if (move[field] !== lineId || move.state !== 'done') continue;
    // A return (goods coming back to the warehouse on a sale line) takes its quantity off again.
    const returned = field === 'sale_line_id' && get(env, 'stock.location', move.location_dest_id!, 'usage') === 'internal';
    const done = Number(get(env, 'stock.move', move.id, env.names.moveDone));
    quantity += returned ? -done : done;
  }
  return quantity;
}

/** Quantity on invoices that are not cancelled, credit notes counted negative. */
export function invoicedQuantity(env: Env, matches: (line: Row) => boolean): number {
  let quantity = 0;
  for (const line of env.db.table('account.move.line').values()) {
    if (!matches(line)) continue;
    const move = findRow(env, 'account.move', line.move_id as number);
    if (!move || move.state === 'cancel') continue;
    quantity += String(move.move_type).endsWith('refund') ? -Number(line.quantity) : Number(line.quantity);
  }
  return quantity;
}

function toInvoice(env: Env, row: Row): number {
  if (get(env, 'sale.order', row.order_id!, 'state') !== 'sale' || row.display_type) return 0;
  const policy = get(env, 'product.product', row.product_id!, 'invoice_policy');
  const basis = policy === 'delivery' ? movedQuantity(env, 'sale_line_id', row.id) : Number(row.product_uom_qty);
  return basis - invoicedQuantity(env, (line) => Array.isArray(line.sale_line_ids) && line.sale_line_ids.includes(row.id));
}

const amounts = (env: Env, row: Row) => lineAmounts(env, row.product_uom_qty!, row.price_unit!, row.discount!, row[env.names.saleLineTaxes]!);
const uomDefault = (env: Env, vals: Record<string, unknown>) => get(env, 'product.product', vals.product_id as number, 'uom_id');

export const saleOrderLine: ModelSpec = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  displayName: (env, row) => `${String(get(env, 'sale.order', row.order_id!, 'name'))} - ${String(row.name || '')}`,
  fields: {
    order_id: many2one('Order Reference', 'sale.order', { required: true, ondelete: 'cascade' }),
    sequence: integer('Sequence', { default: () => 10 }),
    display_type: selection('Display Type', [
      ['line_section', 'Section'],
      ['line_subsection', 'Subsection'],
      ['line_note', 'Note'],
    ]),
    product_id: many2one('Product', 'product.product', { ondelete: 'restrict' }),
    name: text('Description', { required: true, default: (env, vals) => (typeof vals.product_id === 'number' ? productLabel(env, vals.product_id) : false) }),
    product_uom_qty: float('Quantity', { required: true, default: (_env, vals) => (vals.display_type ? 0 : 1) }),
    product_uom: many2one('Unit of Measure', 'uom.uom', { default: uomDefault }),
    product_uom_id: many2one('Unit', 'uom.uom', { default: uomDefault }),
    price_unit: float('Unit Price', { default: (env, vals) => get(env, 'product.product', vals.product_id as number, 'lst_price') || 0 }),
    discount: float('Discount (%)'),
    tax_id: many2many('Taxes', 'account.tax'),
    tax_ids: many2many('Taxes', 'account.tax'),
    customer_lead: float('Lead Time', { required: true, default: () => 0 }),
    price_subtotal: float('Subtotal', { compute: (env, row) => amounts(env, row).subtotal }),
    price_tax: float('Total Tax', { compute: (env, row) => amounts(env, row).tax }),
    price_total: float('Total', { compute: (env, row) => amounts(env, row).total }),
    qty_delivered: float('Delivery Quantity', { compute: (env, row) => movedQuantity(env, 'sale_line_id', row.id) }),
    qty_invoiced: float('Invoiced Quantity', {
      compute: (env, row) => invoicedQuantity(env, (line) => Array.isArray(line.sale_line_ids) && line.sale_line_ids.includes(row.id)),
    }),
    qty_to_invoice: float('Quantity To Invoice', { compute: toInvoice }),
    state: char('Order Status', { compute: (env, row) => get(env, 'sale.order', row.order_id!, 'state') }),
    move_ids: one2many('Stock Moves', 'stock.move', 'sale_line_id'),
  },
  constraints: [
    {
      sql: true,
      fields: ['display_type', 'product_id', 'product_uom', 'product_uom_id'],
      check: (env, row) => (!row.display_type && (!row.product_id || !row[env.names.saleLineUom]) ? 'Missing required fields on accountable sale order line.' : undefined),
    },
    {
      sql: true,
      fields: ['display_type', 'product_id', 'price_unit', 'product_uom_qty'],
      check: (_env, row) =>
        row.display_type && (row.product_id || Number(row.price_unit) !== 0 || Number(row.product_uom_qty) !== 0) ? 'Forbidden values on non-accountable sale order line' : undefined,
    },
  ],
  // Lines added to, or increased on, a confirmed order are procured at once, as sale_stock does.
  afterCreate: (env, row) => {
    if (get(env, 'sale.order', row.order_id!, 'state') === 'sale') procureOrder(env, row.order_id as number);
  },
  afterWrite: (env, row, vals) => {
    if (vals.product_uom_qty !== undefined && get(env, 'sale.order', row.order_id!, 'state') === 'sale') procureOrder(env, row.order_id as number);
  },
};
