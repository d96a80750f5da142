import { userError } from '../errors.js';
import { boolean, char, datetime, float, html, many2many, many2one, one2many, selection } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { existingRows, get } from '../orm/records.js';
import { linesOf, reserveMove, unreserveMove } from './stock-move.js';
import { buttonValidate } from './stock-validate.js';

export function movesOf(env: Env, pickingId: number): Row[] {
  return [...env.db.table('stock.move').values()].filter((move) => move.picking_id === pickingId).sort((a, b) => a.id - b.id);
}

/** A picking's state follows its moves (Odoo's `_compute_state`). */
export function refreshPickingState(env: Env, picking: Row): void {
  const moves = movesOf(env, picking.id);
  const states = moves.map((move) => String(move.state));
  if (moves.length === 0 || states.every((state) => state === 'draft')) picking.state = 'draft';
  else if (states.every((state) => state === 'cancel')) picking.state = 'cancel';
  else if (states.every((state) => state === 'done' || state === 'cancel')) picking.state = 'done';
  else {
    const open = states.filter((state) => state !== 'done' && state !== 'cancel');
    const ready = picking.move_type === 'one' ? open.every((state) => state === 'assigned') : open.some((state) => state === 'assigned' || state === 'partially_available');
    picking.state = ready ? 'assigned' : open.some((state) => state === 'waiting') ? 'waiting' : 'confirmed';
  }
  picking.write_date = env.now;
}

/** action_confirm: draft moves confirmed, then reserved at once (the default reservation method). */
export function confirmPickings(env: Env, pickings: readonly Row[]): void {
  for (const picking of pickings) {
    for (const move of movesOf(env, picking.id)) {
      if (move.state !== 'draft') continue;
      move.state = 'confirmed';
      reserveMove(env, move);
    }
    refreshPickingState(env, picking);
  }
}

export function cancelPickings(env: Env, pickings: readonly Row[]): void {
  for (const picking of pickings) {
    const moves = movesOf(env, picking.id);
    if (moves.some((move) => move.state === 'done')) {
      throw userError("You cannot cancel a stock move that has been set to 'Done'. Create a return in order to reverse the moves which took place.");
    }
    for (const move of moves) {
      unreserveMove(env, move);
      move.state = 'cancel';
    }
    refreshPickingState(env, picking);
    picking.state = 'cancel';
  }
}

function pickingName(env: Env, typeId: number): string {
  const code = get(env, 'stock.warehouse', get(env, 'stock.picking.type', typeId, 'warehouse_id'), 'code') || 'WH';
  const prefix = get(env, 'stock.picking.type', typeId, 'sequence_code') || 'PICK';
  return `${String(code)}/${String(prefix)}/${String(env.db.nextNumber(`stock.picking.type.${typeId}`)).padStart(5, '0')}`;
}

const fromType = (field: string) => (env: Env, vals: Record<string, unknown>) => get(env, 'stock.picking.type', vals.picking_type_id as number, field);

export const stockPicking: ModelSpec = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  thread: true,
  fields: {
    name: char('Reference', { default: () => '/' }),
    origin: char('Source Document'),
    note: html('Notes'),
    backorder_id: many2one('Back Order of', 'stock.picking'),
    backorder_ids: one2many('Back Orders', 'stock.picking', 'backorder_id'),
    move_type: selection(
      'Shipping Policy',
      [
        ['direct', 'As soon as possible'],
        ['one', 'When all products are ready'],
      ],
      { required: true, default: () => 'direct' },
    ),
    state: selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['waiting', 'Waiting Another Operation'],
        ['confirmed', 'Waiting'],
        ['assigned', 'Ready'],
        ['done', 'Done'],
        ['cancel', 'Cancelled'],
      ],
      { default: () => 'draft' },
    ),
    group_id: many2one('Procurement Group', 'procurement.group'),
    priority: selection(
      'Priority',
      [
        ['0', 'Normal'],
        ['1', 'Urgent'],
      ],
      { default: () => '0' },
    ),
    scheduled_date: datetime('Scheduled Date', { required: true, default: (env) => env.now }),
    date_deadline: datetime('Deadline'),
    date: datetime('Creation Date', { default: (env) => env.now }),
    date_done: datetime('Date of Transfer'),
    location_id: many2one('Source Location', 'stock.location', { required: true, default: fromType('default_location_src_id') }),
    location_dest_id: many2one('Destination Location', 'stock.location', { required: true, default: fromType('default_location_dest_id') }),
    move_ids: one2many('Stock Moves', 'stock.move', 'picking_id'),
    move_ids_without_package: one2many('Stock Moves', 'stock.move', 'picking_id'),
    move_line_ids: one2many('Operations', 'stock.move.line', 'picking_id'),
    picking_type_id: many2one('Operation Type', 'stock.picking.type', { required: true }),
    picking_type_code: selection(
      'Type of Operation',
      [
        ['incoming', 'Receipt'],
        ['outgoing', 'Delivery'],
        ['internal', 'Internal Transfer'],
      ],
      { compute: (env, row) => get(env, 'stock.picking.type', row.picking_type_id!, 'code') },
    ),
    partner_id: many2one('Contact', 'res.partner'),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    user_id: many2one('Responsible', 'res.users', { default: (env) => env.uid }),
    is_locked: boolean('Is Locked', { default: () => true }),
    sale_id: many2one('Sales Order', 'sale.order'),
    purchase_id: many2one('Purchase Orders', 'purchase.order'),
    carrier_id: many2one('Carrier', 'delivery.carrier'),
    carrier_tracking_ref: char('Tracking Reference'),
    carrier_price: float('Shipping Cost'),
    weight: float('Weight', { compute: (env, row) => movesOf(env, row.id).reduce((sum, move) => sum + Number(get(env, 'stock.move', move.id, 'weight')), 0) }),
    shipping_weight: float('Weight for Shipping'),
    weight_bulk: float('Bulk Weight', {
      compute: (env, row) =>
        movesOf(env, row.id)
          .filter((move) => linesOf(env, move.id).every((line) => line.result_package_id === false || line.result_package_id === undefined))
          .reduce((sum, move) => sum + Number(get(env, 'stock.move', move.id, 'weight')), 0),
    }),
    package_ids: many2many('Packages', (version) => (version >= 19 ? 'stock.package' : 'stock.quant.package'), {
      compute: (env, row) => [
        ...new Set(
          [...env.db.table('stock.move.line').values()]
            .filter((line) => line.picking_id === row.id && typeof line.result_package_id === 'number')
            .map((line) => line.result_package_id as number),
        ),
      ],
    }),
  },
  afterCreate: (env, row) => {
    if (row.name === '/' || row.name === false) row.name = pickingName(env, row.picking_type_id as number);
  },
  beforeUnlink: (_env, rows) => {
    if (rows.some((row) => row.state === 'done')) throw userError('You can only delete draft or cancelled moves.');
  },
  methods: {
    action_confirm: {
      run: (env, ids, _args, model) => {
        confirmPickings(env, existingRows(env, model, ids));
        return true;
      },
    },
    action_assign: {
      run: (env, ids, _args, model) => {
        const pickings = existingRows(env, model, ids);
        confirmPickings(
          env,
          pickings.filter((picking) => picking.state === 'draft'),
        );
        const moves = pickings.flatMap((picking) => movesOf(env, picking.id)).filter((move) => !['draft', 'cancel', 'done'].includes(String(move.state)));
        if (moves.length === 0) throw userError('Nothing to check the availability for.');
        for (const move of moves) reserveMove(env, move);
        for (const picking of pickings) refreshPickingState(env, picking);
        return true;
      },
    },
    do_unreserve: {
      run: (env, ids, _args, model) => {
        for (const picking of existingRows(env, model, ids)) {
          for (const move of movesOf(env, picking.id)) unreserveMove(env, move);
          refreshPickingState(env, picking);
        }
        return undefined;
      },
    },
    action_cancel: {
      run: (env, ids, _args, model) => {
        cancelPickings(env, existingRows(env, model, ids));
        return true;
      },
    },
    button_validate: { run: (env, ids, _args, model) => buttonValidate(env, existingRows(env, model, ids)) },
  },
};
