import { userError } from '../errors.js';
import { boolean, char, datetime, float, html, many2many, many2one, one2many, selection } from '../orm/fields.js';
import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { MethodSpec, ModelSpec, Row } from '../orm/model-spec.js';
import { existingRows, get } from '../orm/records.js';
import { sumOf } from './amounts.js';
import { refOrFalse } from './ir-model-data.js';
import { receiveOrder } from './purchase-receipt.js';
import { orderLines } from './sale-order-line.js';
import { cancelPickings } from './stock-picking.js';

const lines = (env: Env, row: Row) => orderLines(env, 'purchase.order.line', row.id);
const total = (field: string) => (env: Env, row: Row) => sumOf(lines(env, row).map((line) => Number(get(env, 'purchase.order.line', line.id, field))));
const lineValue = (env: Env, line: Row, field: string) => Number(get(env, 'purchase.order.line', line.id, field));

function invoicesOf(env: Env, row: Row): number[] {
  const lineIds = new Set(lines(env, row).map((line) => line.id));
  const moves = new Set<number>();
  for (const line of env.db.table('account.move.line').values()) if (lineIds.has(line.purchase_line_id as number)) moves.add(line.move_id as number);
  return [...moves];
}

function invoiceStatus(env: Env, row: Row): string {
  if (row.state !== 'purchase' && row.state !== 'done') return 'no';
  const goods = lines(env, row).filter((line) => !line.display_type);
  if (goods.some((line) => lineValue(env, line, 'qty_to_invoice') > 0)) return 'to invoice';
  if (goods.length > 0 && goods.every((line) => lineValue(env, line, 'qty_invoiced') >= Number(line.product_qty))) return 'invoiced';
  return 'no';
}

/** button_confirm skips orders that are not draft or sent, as Odoo does, and approves the others. */
function confirm(env: Env, orders: readonly Row[]): boolean {
  for (const order of orders) {
    if (order.state !== 'draft' && order.state !== 'sent') continue;
    Object.assign(order, { state: 'purchase', date_approve: env.now, write_date: env.now });
    receiveOrder(env, order.id);
  }
  return true;
}

function cancel(env: Env, orders: readonly Row[]): undefined {
  for (const order of orders) {
    if (invoicesOf(env, order).some((id) => !['draft', 'cancel'].includes(String(get(env, 'account.move', id, 'state'))))) {
      throw userError('Unable to cancel this purchase order. You must first cancel the related vendor bills.');
    }
    const moves = [...env.db.table('stock.move').values()].filter((move) => lines(env, order).some((line) => line.id === move.purchase_line_id));
    if (moves.some((move) => move.state === 'done')) throw userError(`Unable to cancel purchase order ${String(order.name)} as some receptions have already been done.`);
    cancelPickings(
      env,
      [...env.db.table('stock.picking').values()].filter((picking) => picking.purchase_id === order.id && picking.state !== 'cancel'),
    );
    Object.assign(order, { state: 'cancel', write_date: env.now });
  }
  return undefined;
}

function createBill(env: Env, orders: readonly Row[]): Record<string, unknown> {
  const billIds: number[] = [];
  for (const order of orders) {
    const invoiceable = lines(env, order).filter((line) => lineValue(env, line, 'qty_to_invoice') > 0);
    if (invoiceable.length === 0) continue;
    const commands = invoiceable.map((line) => [
      0,
      0,
      {
        product_id: line.product_id,
        name: `${String(order.name)}: ${String(line.name)}`,
        quantity: lineValue(env, line, 'qty_to_invoice'),
        price_unit: line.price_unit,
        product_uom_id: line[env.names.purchaseLineUom],
        tax_ids: [[6, 0, line[env.names.purchaseLineTaxes] ?? []]],
        purchase_line_id: line.id,
      },
    ]);
    const vals = { move_type: 'in_invoice', partner_id: order.partner_id, ref: order.partner_ref, invoice_origin: order.name, currency_id: order.currency_id, invoice_line_ids: commands };
    billIds.push(...createRecords(env, 'account.move', [vals]));
  }
  if (billIds.length === 0) {
    throw userError('There is no invoiceable line. If a product has a control policy based on received quantity, please make sure that a quantity has been received.');
  }
  const action: Record<string, unknown> = { name: 'Vendor Bills', type: 'ir.actions.act_window', res_model: 'account.move', context: { default_move_type: 'in_invoice' } };
  if (billIds.length === 1) return { ...action, view_mode: 'form', views: [[false, 'form']], res_id: billIds[0] };
  return { ...action, view_mode: 'list,form', domain: [['id', 'in', billIds]] };
}

const onRows = (work: (env: Env, orders: Row[]) => unknown, extra: Partial<MethodSpec> = {}): MethodSpec => ({
  ...extra,
  run: (env, ids, _args, model) => work(env, existingRows(env, model, ids)),
});

const write = (values: Partial<Row>, result?: unknown) => (env: Env, orders: Row[]) => {
  for (const order of orders) Object.assign(order, values, { write_date: env.now });
  return result;
};

export const purchaseOrder: ModelSpec = {
  name: 'purchase.order',
  description: 'Purchase Order',
  order: 'priority desc, id desc',
  thread: true,
  nameSearch: ['partner_ref'],
  fields: {
    name: char('Order Reference', { required: true, default: () => 'New' }),
    priority: selection(
      'Priority',
      [
        ['0', 'Normal'],
        ['1', 'Urgent'],
      ],
      { default: () => '0' },
    ),
    origin: char('Source Document'),
    partner_ref: char('Vendor Reference'),
    partner_id: many2one('Vendor', 'res.partner', { required: true }),
    dest_address_id: many2one('Dropship Address', 'res.partner'),
    date_order: datetime('Order Deadline', { required: true, default: (env) => env.now }),
    date_approve: datetime('Confirmation Date'),
    date_planned: datetime('Expected Arrival'),
    order_line: one2many('Order Lines', 'purchase.order.line', 'order_id'),
    state: selection(
      'Status',
      [
        ['draft', 'RFQ'],
        ['sent', 'RFQ Sent'],
        ['to approve', 'To Approve'],
        ['purchase', 'Purchase Order'],
        ['done', 'Locked'],
        ['cancel', 'Cancelled'],
      ],
      { default: () => 'draft' },
    ),
    locked: boolean('Locked'),
    acknowledged: boolean('Acknowledged'),
    notes: html('Terms and Conditions'),
    note: html('Terms and Conditions'),
    currency_id: many2one('Currency', 'res.currency', { required: true, default: (env) => get(env, 'res.company', env.companyId, 'currency_id') }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    user_id: many2one('Buyer', 'res.users', { default: (env) => env.uid }),
    amount_untaxed: float('Untaxed Amount', { compute: total('price_subtotal') }),
    amount_tax: float('Taxes', { compute: total('price_tax') }),
    amount_total: float('Total', { compute: total('price_total') }),
    invoice_status: selection(
      'Billing Status',
      [
        ['no', 'Nothing to Bill'],
        ['to invoice', 'Waiting Bills'],
        ['invoiced', 'Fully Billed'],
      ],
      { compute: invoiceStatus },
    ),
    invoice_ids: many2many('Bills', 'account.move', { compute: invoicesOf }),
    picking_ids: one2many('Receptions', 'stock.picking', 'purchase_id'),
    picking_type_id: many2one('Deliver To', 'stock.picking.type', { required: true, default: (env) => refOrFalse(env, 'stock.picking_type_in') }),
    group_id: many2one('Procurement Group', 'procurement.group'),
  },
  prepareCreate: (env, vals) => {
    if (vals.name === 'New') vals.name = `P${String(env.db.nextNumber('purchase.order')).padStart(5, '0')}`;
  },
  beforeUnlink: (_env, orders) => {
    if (orders.some((order) => order.state !== 'cancel')) throw userError('In order to delete a purchase order, you must cancel it first.');
  },
  methods: {
    button_confirm: onRows(confirm),
    button_cancel: onRows(cancel),
    button_draft: onRows(write({ state: 'draft' }, {})),
    button_done: onRows(write({ state: 'done', priority: '0' }), { versions: { to: 18 } }),
    button_lock: onRows(write({ locked: true }), { versions: { from: 19 } }),
    button_unlock: onRows((env, orders) => write(env.version >= 19 ? { locked: false } : { state: 'purchase' })(env, orders)),
    action_create_invoice: onRows(createBill),
  },
};
