import { userError } from '../errors.js';
import { boolean, char, datetime, float, integer, many2one, one2many, selection, text } from '../orm/fields.js';
import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row, Stored } from '../orm/model-spec.js';
import { findRow, get } from '../orm/records.js';
import { writeRecords } from '../orm/write.js';
import { isStorable, productLabel } from './product.js';

const MOVE_STATES = [
  ['draft', 'New'],
  ['waiting', 'Waiting Another Move'],
  ['confirmed', 'Waiting Availability'],
  ['partially_available', 'Partially Available'],
  ['assigned', 'Available'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

export function linesOf(env: Env, moveId: number): Row[] {
  return [...env.db.table('stock.move.line').values()].filter((line) => line.move_id === moveId);
}

/** What a line holds: in 16 the reserved and the done quantities are two fields; from 17 one `quantity`. */
export function lineQuantity(env: Env, line: Row): number {
  return Number(line[env.names.moveLineDone] ?? 0);
}

function reservedOn(env: Env, line: Row): number {
  return Number((env.version <= 16 ? line.reserved_uom_qty : line.quantity) ?? 0);
}

/** The quantity a move will be validated with: 16 its done quantity; 17+ its quantity once picked. */
export function doneQuantity(env: Env, move: Row): number {
  const lines = linesOf(env, move.id);
  if (env.version <= 16) return lines.reduce((sum, line) => sum + Number(line.qty_done ?? 0), 0);
  return lines.filter((line) => line.picked === true).reduce((sum, line) => sum + Number(line.quantity ?? 0), 0);
}

/** The inverse of the move's quantity (16: quantity_done): one line takes it, none gets one made. */
function setMoveQuantity(env: Env, move: Row, value: unknown): void {
  const wanted = Number(value) || 0;
  const field = env.names.moveLineDone;
  const lines = linesOf(env, move.id);
  if (lines.length === 0) {
    if (wanted !== 0) createRecords(env, 'stock.move.line', [{ move_id: move.id, [field]: wanted, ...(env.version >= 17 ? { picked: move.picked === true } : {}) }]);
    return;
  }
  if (lines.length === 1) {
    writeRecords(env, 'stock.move.line', [lines[0]!.id], { [field]: wanted });
    return;
  }
  if (env.version <= 16) throw userError('Cannot set the done quantity from this stock move, work directly with the move lines.');
  let delta = wanted - lines.reduce((sum, line) => sum + lineQuantity(env, line), 0);
  if (delta > 0) lines.at(-1)![field] = lineQuantity(env, lines.at(-1)!) + delta;
  for (const line of [...lines].reverse()) {
    if (delta >= 0) break;
    const taken = Math.min(lineQuantity(env, line), -delta);
    line[field] = lineQuantity(env, line) - taken;
    delta += taken;
  }
}

/** Stock of a product in internal locations not yet promised to another open move. */
function freeQuantity(env: Env, productId: number): number {
  let free = Number(get(env, 'product.product', productId, 'qty_available'));
  for (const line of env.db.table('stock.move.line').values()) {
    const move = findRow(env, 'stock.move', line.move_id as number);
    if (!move || line.product_id !== productId || move.state === 'done' || move.state === 'cancel') continue;
    if (get(env, 'stock.location', line.location_id!, 'usage') === 'internal') free -= reservedOn(env, line);
  }
  return free;
}

/** action_assign on one move: reserve what stock allows; goods from outside the warehouse are always there. */
export function reserveMove(env: Env, move: Row): void {
  if (!['confirmed', 'partially_available', 'waiting'].includes(String(move.state))) return;
  const lines = linesOf(env, move.id);
  const reserved = lines.reduce((sum, line) => sum + reservedOn(env, line), 0);
  const demand = Number(move.product_uom_qty);
  const fromStock = get(env, 'stock.location', move.location_id!, 'usage') === 'internal' && isStorable(env, move.product_id as number);
  const available = fromStock ? Math.max(0, freeQuantity(env, move.product_id as number)) : Infinity;
  const taken = Math.min(Math.max(0, demand - reserved), available);
  if (taken > 0) {
    const field = env.version <= 16 ? 'reserved_uom_qty' : 'quantity';
    if (lines.length > 0) lines[0]![field] = Number(lines[0]![field] ?? 0) + taken;
    else createRecords(env, 'stock.move.line', [{ move_id: move.id, [field]: taken }]);
  }
  const total = reserved + taken;
  move.state = total >= demand ? 'assigned' : total > 0 ? 'partially_available' : 'confirmed';
}

/** do_unreserve on one move: reservations dropped; in 16 lines with a done quantity are kept. */
export function unreserveMove(env: Env, move: Row): void {
  if (move.state === 'done' || move.state === 'cancel') return;
  for (const line of linesOf(env, move.id)) {
    if (env.version <= 16 && Number(line.qty_done) > 0) line.reserved_uom_qty = 0;
    else env.db.table('stock.move.line').delete(line.id);
  }
  if (move.state !== 'draft') move.state = 'confirmed';
}

const moveState = (env: Env, row: Row): Stored => (typeof row.move_id === 'number' ? (findRow(env, 'stock.move', row.move_id)?.state ?? 'draft') : 'draft');

export const stockMove: ModelSpec = {
  name: 'stock.move',
  description: 'Stock Move',
  order: 'sequence, id',
  displayName: (env, row) => `${String(get(env, 'stock.picking', row.picking_id!, 'name') || '')}: ${productLabel(env, row.product_id as number)}`.replace(/^: /, ''),
  fields: {
    name: char('Description', { required: true }),
    sequence: integer('Sequence', { default: () => 10 }),
    picking_id: many2one('Transfer', 'stock.picking', { ondelete: 'cascade' }),
    picking_type_id: many2one('Operation Type', 'stock.picking.type', { default: (env, vals) => get(env, 'stock.picking', vals.picking_id as number, 'picking_type_id') }),
    product_id: many2one('Product', 'product.product', { required: true }),
    product_uom_qty: float('Demand', { required: true, default: () => 1 }),
    product_uom: many2one('Unit', 'uom.uom', { required: true, default: (env, vals) => get(env, 'product.product', vals.product_id as number, 'uom_id') }),
    product_qty: float('Real Quantity', { compute: (_env, row) => Number(row.product_uom_qty) }),
    quantity_done: float('Quantity Done', { compute: (env, row) => doneQuantity(env, row), inverse: setMoveQuantity }),
    quantity: float('Quantity', { compute: (env, row) => linesOf(env, row.id).reduce((sum, line) => sum + lineQuantity(env, line), 0), inverse: setMoveQuantity }),
    picked: boolean('Picked'),
    state: selection('Status', MOVE_STATES, { default: () => 'draft' }),
    location_id: many2one('Source Location', 'stock.location', { required: true, default: (env, vals) => get(env, 'stock.picking', vals.picking_id as number, 'location_id') }),
    location_dest_id: many2one('Destination Location', 'stock.location', {
      required: true,
      default: (env, vals) => get(env, 'stock.picking', vals.picking_id as number, 'location_dest_id'),
    }),
    location_final_id: many2one('Final Location', 'stock.location'),
    partner_id: many2one('Destination Address', 'res.partner'),
    sale_line_id: many2one('Sale Line', 'sale.order.line'),
    purchase_line_id: many2one('Purchase Order Line', 'purchase.order.line'),
    move_line_ids: one2many('Move Lines', 'stock.move.line', 'move_id'),
    origin: char('Source Document'),
    reference: char('Reference', { compute: (env, row) => get(env, 'stock.picking', row.picking_id!, 'name') }),
    date: datetime('Date Scheduled', { required: true, default: (env) => env.now }),
    date_deadline: datetime('Deadline'),
    group_id: many2one('Procurement Group', 'procurement.group'),
    description_picking: text('Description of Picking'),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    weight: float('Weight', { compute: (env, row) => Number(get(env, 'product.product', row.product_id!, 'weight')) * Number(row.product_uom_qty) }),
  },
  afterWrite: (env, row, vals) => {
    if (vals.picked !== undefined) for (const line of linesOf(env, row.id)) line.picked = row.picked === true;
  },
  beforeUnlink: (_env, rows) => {
    if (rows.some((row) => row.state !== 'draft' && row.state !== 'cancel')) throw userError('You can only delete draft or cancelled moves.');
  },
};

export const stockMoveLine: ModelSpec = {
  name: 'stock.move.line',
  description: 'Product Moves (Stock Move Line)',
  order: 'result_package_id desc, id',
  recName: 'reference',
  fields: {
    move_id: many2one('Stock Operation', 'stock.move', { ondelete: 'cascade' }),
    picking_id: many2one('Transfer', 'stock.picking', { default: (env, vals) => get(env, 'stock.move', vals.move_id as number, 'picking_id') }),
    product_id: many2one('Product', 'product.product', { required: true, default: (env, vals) => get(env, 'stock.move', vals.move_id as number, 'product_id') }),
    product_uom_id: many2one('Unit of Measure', 'uom.uom', { required: true, default: (env, vals) => get(env, 'stock.move', vals.move_id as number, 'product_uom') }),
    qty_done: float('Quantity Done'),
    reserved_uom_qty: float('Reserved'),
    quantity: float('Quantity'),
    picked: boolean('Picked'),
    lot_id: many2one('Lot/Serial Number', 'stock.lot'),
    lot_name: char('Lot/Serial Number Name'),
    package_id: many2one('Source Package', (version) => (version >= 19 ? 'stock.package' : 'stock.quant.package'), { ondelete: 'restrict' }),
    result_package_id: many2one('Destination Package', (version) => (version >= 19 ? 'stock.package' : 'stock.quant.package'), { ondelete: 'restrict' }),
    location_id: many2one('From', 'stock.location', { required: true, default: (env, vals) => get(env, 'stock.move', vals.move_id as number, 'location_id') }),
    location_dest_id: many2one('To', 'stock.location', { required: true, default: (env, vals) => get(env, 'stock.move', vals.move_id as number, 'location_dest_id') }),
    state: selection('Status', MOVE_STATES, { compute: moveState }),
    reference: char('Reference', { compute: (env, row) => get(env, 'stock.picking', row.picking_id!, 'name') }),
    date: datetime('Date', { required: true, default: (env) => env.now }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
  },
};
