import { userError } from '../errors.js';
import { boolean, char, date, datetime, float, html, many2many, many2one, one2many, selection } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { existingRows, findRow, get } from '../orm/records.js';
import { sumOf } from './amounts.js';
import { refOrFalse } from './ir-model-data.js';
import { addressOf } from './res-partner.js';
import { procureOrder } from './sale-delivery.js';
import { orderLines } from './sale-order-line.js';
import { cancelPickings } from './stock-picking.js';

const total = (field: string) => (env: Env, row: Row) => sumOf(orderLines(env, 'sale.order.line', row.id).map((line) => Number(get(env, 'sale.order.line', line.id, field))));

function invoiceStatus(env: Env, row: Row): string {
  if (row.state !== 'sale' && row.state !== 'done') return 'no';
  const lines = orderLines(env, 'sale.order.line', row.id).filter((line) => !line.display_type);
  if (lines.some((line) => Number(get(env, 'sale.order.line', line.id, 'qty_to_invoice')) > 0)) return 'to invoice';
  if (lines.length > 0 && lines.every((line) => Number(get(env, 'sale.order.line', line.id, 'qty_invoiced')) >= Number(line.product_uom_qty))) return 'invoiced';
  return 'no';
}

function invoicesOf(env: Env, row: Row): number[] {
  const lineIds = new Set(orderLines(env, 'sale.order.line', row.id).map((line) => line.id));
  const moves = new Set<number>();
  for (const line of env.db.table('account.move.line').values()) {
    if (Array.isArray(line.sale_line_ids) && line.sale_line_ids.some((id) => lineIds.has(id))) moves.add(line.move_id as number);
  }
  return [...moves];
}

function confirmationRefusal(env: Env, order: Row): string | undefined {
  if (env.version <= 16) {
    return order.state === 'done' || order.state === 'cancel' ? 'It is not allowed to confirm an order in the following states: done, cancel' : undefined;
  }
  if (order.state !== 'draft' && order.state !== 'sent') return 'Some orders are not in a state requiring confirmation.';
  if (orderLines(env, 'sale.order.line', order.id).some((line) => !line.display_type && !line.product_id)) return 'A line on these orders missing a product, you cannot confirm it.';
  return undefined;
}

function confirm(env: Env, orders: readonly Row[]): boolean {
  for (const order of orders) {
    const refusal = confirmationRefusal(env, order);
    if (refusal) throw userError(refusal);
  }
  for (const order of orders) {
    order.state = 'sale';
    order.date_order = env.now;
    order.write_date = env.now;
    procureOrder(env, order.id);
  }
  return true;
}

function cancel(env: Env, orders: readonly Row[]): unknown {
  if (env.version >= 17 && orders.some((order) => order.locked === true)) throw userError('You cannot cancel a locked order. Please unlock it first.');
  if (env.version <= 18 && env.context.disable_cancel_warning !== true && orders.some((order) => order.state === 'sent' || order.state === 'sale')) {
    return {
      name: 'Cancel Sales Order',
      type: 'ir.actions.act_window',
      res_model: 'sale.order.cancel',
      view_mode: 'form',
      views: [[false, 'form']],
      target: 'new',
      context: { default_order_id: orders[0]!.id },
    };
  }
  for (const order of orders) {
    const pickings = [...env.db.table('stock.picking').values()].filter((picking) => picking.sale_id === order.id && picking.state !== 'done' && picking.state !== 'cancel');
    cancelPickings(env, pickings);
    for (const invoiceId of invoicesOf(env, order)) {
      const invoice = findRow(env, 'account.move', invoiceId);
      if (invoice?.state === 'draft') invoice.state = 'cancel';
    }
    order.state = 'cancel';
    order.write_date = env.now;
  }
  return true;
}

function setState(env: Env, orders: readonly Row[], values: Partial<Row>): void {
  for (const order of orders) Object.assign(order, values, { write_date: env.now });
}

const rows = (fn: (env: Env, orders: Row[]) => unknown) => ({
  run: (env: Env, ids: readonly number[], _args: Record<string, unknown>, model: Parameters<typeof existingRows>[1]) => fn(env, existingRows(env, model, ids)),
});

export const saleOrder: ModelSpec = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  thread: true,
  nameSearch: ['client_order_ref'],
  fields: {
    name: char('Order Reference', { required: true, default: () => 'New' }),
    client_order_ref: char('Customer Reference'),
    origin: char('Source Document'),
    partner_id: many2one('Customer', 'res.partner', { required: true }),
    partner_invoice_id: many2one('Invoice Address', 'res.partner', { required: true }),
    partner_shipping_id: many2one('Delivery Address', 'res.partner', { required: true }),
    date_order: datetime('Order Date', { required: true, default: (env) => env.now }),
    validity_date: date('Expiration'),
    commitment_date: datetime('Delivery Date'),
    expected_date: datetime('Expected Date', { compute: (env, row) => row.commitment_date || env.now }),
    order_line: one2many('Order Lines', 'sale.order.line', 'order_id'),
    state: selection(
      'Status',
      [
        ['draft', 'Quotation'],
        ['sent', 'Quotation Sent'],
        ['sale', 'Sales Order'],
        ['done', 'Locked'],
        ['cancel', 'Cancelled'],
      ],
      { default: () => 'draft' },
    ),
    locked: boolean('Locked'),
    note: html('Terms and conditions'),
    currency_id: many2one('Currency', 'res.currency', { default: (env) => get(env, 'res.company', env.companyId, 'currency_id') }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    user_id: many2one('Salesperson', 'res.users', { default: (env) => env.uid }),
    amount_untaxed: float('Untaxed Amount', { compute: total('price_subtotal') }),
    amount_tax: float('Taxes', { compute: total('price_tax') }),
    amount_total: float('Total', { compute: total('price_total') }),
    invoice_status: selection(
      'Invoice Status',
      [
        ['upselling', 'Upselling Opportunity'],
        ['invoiced', 'Fully Invoiced'],
        ['to invoice', 'To Invoice'],
        ['no', 'Nothing to Invoice'],
      ],
      { compute: invoiceStatus },
    ),
    invoice_ids: many2many('Invoices', 'account.move', { compute: invoicesOf }),
    warehouse_id: many2one('Warehouse', 'stock.warehouse', { required: true, default: (env) => refOrFalse(env, 'stock.warehouse0') }),
    picking_ids: one2many('Transfers', 'stock.picking', 'sale_id'),
    procurement_group_id: many2one('Procurement Group', 'procurement.group'),
    carrier_id: many2one('Delivery Method', 'delivery.carrier'),
  },
  prepareCreate: (env, vals) => {
    if (typeof vals.partner_id === 'number') {
      if (vals.partner_invoice_id === undefined) vals.partner_invoice_id = addressOf(env, vals.partner_id, 'invoice');
      if (vals.partner_shipping_id === undefined) vals.partner_shipping_id = addressOf(env, vals.partner_id, 'delivery');
    }
    if (vals.name === 'New') vals.name = `S${String(env.db.nextNumber('sale.order')).padStart(5, '0')}`;
  },
  beforeUnlink: (_env, orders) => {
    if (orders.some((order) => order.state !== 'draft' && order.state !== 'cancel')) {
      throw userError('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
    }
  },
  methods: {
    action_confirm: rows(confirm),
    action_cancel: rows(cancel),
    action_quotation_sent: rows((env, orders) => {
      if (orders.some((order) => order.state !== 'draft')) throw userError('Only draft orders can be marked as sent directly.');
      setState(env, orders, { state: 'sent' });
      return undefined;
    }),
    action_draft: rows((env, orders) => {
      setState(
        env,
        orders.filter((order) => order.state === 'cancel' || order.state === 'sent'),
        { state: 'draft' },
      );
      return true;
    }),
    ...lockMethods(),
  },
};

/** 16 locks an order by moving it to `done`; 17+ by the `locked` flag (action_lock returns nothing). */
function lockMethods(): NonNullable<ModelSpec['methods']> {
  return {
    action_done: {
      ...rows((env, orders) => {
        setState(env, orders, { state: 'done' });
        return true;
      }),
      versions: { to: 16 },
    },
    action_lock: {
      ...rows((env, orders) => {
        setState(env, orders, { locked: true });
        return undefined;
      }),
      versions: { from: 17 },
    },
    action_unlock: rows((env, orders) => {
      setState(env, orders, env.version <= 16 ? { state: 'sale' } : { locked: false });
      return undefined;
    }),
  };
}
