import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { Row } from '../orm/model-spec.js';
import { findRow, get } from '../orm/records.js';
import { scheduleMoves } from './order-picking.js';
import { isGoods } from './product.js';
import { orderLines } from './sale-order-line.js';

function procuredQuantity(env: Env, lineId: number): number {
  let quantity = 0;
  for (const move of env.db.table('stock.move').values()) if (move.sale_line_id === lineId && move.state !== 'cancel') quantity += Number(move.product_uom_qty);
  return quantity;
}

/** ≤18: the procurement group named after the order, made once. */
function groupOf(env: Env, order: Row): number | false {
  if (!env.hasModel('procurement.group')) return false;
  if (typeof order.procurement_group_id === 'number') return order.procurement_group_id;
  const [groupId] = createRecords(env, 'procurement.group', [{ name: order.name, sale_id: order.id, partner_id: order.partner_shipping_id }]);
  order.procurement_group_id = groupId!;
  return groupId!;
}

function openPicking(env: Env, order: Row, typeId: number): Row | undefined {
  return [...env.db.table('stock.picking').values()].find(
    (picking) => picking.sale_id === order.id && picking.picking_type_id === typeId && !['done', 'cancel'].includes(String(picking.state)),
  );
}

/** What sale_stock's procurement does on confirmation: a delivery picking with one move per goods line still to ship. */
export function procureOrder(env: Env, orderId: number): void {
  const order = findRow(env, 'sale.order', orderId)!;
  const typeId = get(env, 'stock.warehouse', order.warehouse_id!, 'out_type_id');
  if (typeof typeId !== 'number') return;
  const needs = orderLines(env, 'sale.order.line', order.id)
    .filter((line) => !line.display_type && typeof line.product_id === 'number' && isGoods(env, line.product_id))
    .map((line) => ({ line, quantity: Number(line.product_uom_qty) - procuredQuantity(env, line.id) }))
    .filter((need) => need.quantity > 0);
  if (needs.length === 0) return;
  const groupId = groupOf(env, order);
  scheduleMoves(env, {
    open: openPicking(env, order, typeId),
    picking: {
      picking_type_id: typeId,
      partner_id: order.partner_shipping_id,
      origin: order.name,
      sale_id: order.id,
      carrier_id: order.carrier_id ?? false,
      scheduled_date: order.commitment_date || env.now,
      date_deadline: order.commitment_date ?? false,
    },
    moves: needs.map(({ line, quantity }) => ({
      product_id: line.product_id,
      product_uom_qty: quantity,
      product_uom: line[env.names.saleLineUom],
      sale_line_id: line.id,
      partner_id: order.partner_shipping_id,
      origin: order.name,
      date_deadline: order.commitment_date ?? false,
      name: line.name,
    })),
    groupId: groupId || undefined,
  });
}
