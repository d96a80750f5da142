import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import { findRow } from '../orm/records.js';
import { scheduleMoves } from './order-picking.js';
import { isGoods } from './product.js';
import { orderLines } from './sale-order-line.js';

/** What purchase_stock does on approval: a receipt with one move per goods line not yet expected. */
export function receiveOrder(env: Env, orderId: number): void {
  const order = findRow(env, 'purchase.order', orderId)!;
  const expected = (lineId: number) =>
    [...env.db.table('stock.move').values()].filter((move) => move.purchase_line_id === lineId && move.state !== 'cancel').reduce((sum, move) => sum + Number(move.product_uom_qty), 0);
  const needs = orderLines(env, 'purchase.order.line', order.id)
    .filter((line) => !line.display_type && typeof line.product_id === 'number' && isGoods(env, line.product_id))
    .map((line) => ({ line, quantity: Number(line.product_qty) - expected(line.id) }))
    .filter((need) => need.quantity > 0);
  if (needs.length === 0) return;
  if (env.hasModel('procurement.group') && typeof order.group_id !== 'number') {
    order.group_id = createRecords(env, 'procurement.group', [{ name: order.name, partner_id: order.partner_id }])[0]!;
  }
  const groupId = typeof order.group_id === 'number' ? order.group_id : undefined;
  scheduleMoves(env, {
    open: [...env.db.table('stock.picking').values()].find((row) => row.purchase_id === order.id && !['done', 'cancel'].includes(String(row.state))),
    picking: { picking_type_id: order.picking_type_id, partner_id: order.partner_id, origin: order.name, purchase_id: order.id, scheduled_date: order.date_planned || env.now },
    moves: needs.map(({ line, quantity }) => ({
      product_id: line.product_id,
      product_uom_qty: quantity,
      product_uom: line[env.names.purchaseLineUom],
      purchase_line_id: line.id,
      partner_id: order.partner_id,
      origin: order.name,
      date_deadline: line.date_planned ?? false,
      name: line.name,
    })),
    groupId,
  });
}
