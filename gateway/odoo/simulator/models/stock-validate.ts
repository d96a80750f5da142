import { userError } from '../errors.js';
import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { Row, Vals } from '../orm/model-spec.js';
import { get } from '../orm/records.js';
import { writeRecords } from '../orm/write.js';
import { isStorable, productLabel } from './product.js';
import { doneQuantity, lineQuantity, linesOf, unreserveMove } from './stock-move.js';
import { confirmPickings, movesOf, refreshPickingState } from './stock-picking.js';

const isOpen = (move: Row) => move.state !== 'done' && move.state !== 'cancel';

function noQuantitiesError(env: Env): Error {
  return userError(
    env.version <= 16
      ? 'You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, switch in edit mode and encode the done quantities.'
      : 'You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, encode quantities.',
  );
}

/** The wizard action button_validate answers with instead of validating (reference 3.9). */
function wizard(name: string, resModel: string, pickings: readonly Row[], extra: Vals): Vals {
  const ids = pickings.map((picking) => picking.id);
  return {
    name,
    type: 'ir.actions.act_window',
    res_model: resModel,
    view_mode: 'form',
    views: [[false, 'form']],
    target: 'new',
    context: { button_validate_picking_ids: ids, default_pick_ids: ids.map((id) => [4, id]), default_show_transfers: false, ...extra },
  };
}

function sanityCheck(env: Env, pickings: readonly Row[]): void {
  for (const picking of pickings) {
    if (movesOf(env, picking.id).length === 0) throw userError('Please add some items to move.');
  }
  const withoutQuantities = pickings.some((picking) => {
    const open = movesOf(env, picking.id).filter(isOpen);
    if (env.version >= 17) return open.every((move) => Number(get(env, 'stock.move', move.id, 'quantity')) === 0);
    const lines = open.flatMap((move) => linesOf(env, move.id));
    return lines.every((line) => Number(line.qty_done) === 0 && Number(line.reserved_uom_qty) === 0);
  });
  if (withoutQuantities) throw noQuantitiesError(env);
  for (const move of pickings.flatMap((picking) => movesOf(env, picking.id)).filter(isOpen)) {
    if (get(env, 'product.product', move.product_id!, 'tracking') === 'none') continue;
    const counted = linesOf(env, move.id).filter((line) => lineQuantity(env, line) > 0);
    if (counted.some((line) => !line.lot_id && !line.lot_name)) throw userError(`You need to supply a Lot/Serial number for product: \n - ${productLabel(env, move.product_id as number)}`);
  }
}

function changeStock(env: Env, productId: number, locationId: number, lotId: number | false, delta: number): void {
  if (get(env, 'stock.location', locationId, 'usage') !== 'internal' || !isStorable(env, productId)) return;
  const quant = [...env.db.table('stock.quant').values()].find((row) => row.product_id === productId && row.location_id === locationId && (row.lot_id || false) === lotId);
  if (quant) quant.quantity = Number(quant.quantity) + delta;
  else createRecords(env, 'stock.quant', [{ product_id: productId, location_id: locationId, lot_id: lotId, quantity: delta }]);
}

function finishMove(env: Env, move: Row): void {
  for (const line of linesOf(env, move.id)) {
    const counted = env.version <= 16 ? Number(line.qty_done) > 0 : line.picked === true && Number(line.quantity) > 0;
    if (!counted) {
      env.db.table('stock.move.line').delete(line.id);
      continue;
    }
    if (env.version <= 16) line.reserved_uom_qty = 0;
    else line.picked = true;
    if (!line.lot_id && line.lot_name) {
      const existing = [...env.db.table('stock.lot').values()].find((lot) => lot.name === line.lot_name && lot.product_id === line.product_id);
      line.lot_id = existing ? existing.id : createRecords(env, 'stock.lot', [{ name: line.lot_name, product_id: line.product_id }])[0]!;
    }
    const quantity = lineQuantity(env, line);
    const lot = typeof line.lot_id === 'number' ? line.lot_id : false;
    changeStock(env, line.product_id as number, line.location_id as number, lot, -quantity);
    changeStock(env, line.product_id as number, line.location_dest_id as number, lot, quantity);
  }
  if (env.version >= 17) move.picked = true;
  move.state = 'done';
  move.write_date = env.now;
}

const COPIED_MOVE_FIELDS = ['name', 'product_id', 'product_uom', 'location_id', 'location_dest_id', 'partner_id', 'sale_line_id', 'purchase_line_id', 'origin', 'group_id', 'picking_type_id', 'company_id', 'description_picking'];

function copyMove(env: Env, move: Row, quantity: number, extra: Vals): Vals {
  const fields = env.model('stock.move').fields;
  const vals: Vals = { product_uom_qty: quantity, ...extra };
  for (const name of COPIED_MOVE_FIELDS) if (fields.has(name) && move[name] !== undefined) vals[name] = move[name];
  return vals;
}

function createBackorder(env: Env, picking: Row, remainder: readonly { move: Row; quantity: number | undefined }[]): void {
  const fields = env.model('stock.picking').fields;
  const vals: Vals = { backorder_id: picking.id };
  for (const name of ['origin', 'partner_id', 'picking_type_id', 'location_id', 'location_dest_id', 'scheduled_date', 'sale_id', 'purchase_id', 'carrier_id', 'group_id', 'move_type', 'company_id']) {
    if (fields.has(name) && picking[name] !== undefined) vals[name] = picking[name];
  }
  const [backorderId] = createRecords(env, 'stock.picking', [vals]);
  for (const { move, quantity } of remainder) {
    if (quantity === undefined) {
      move.picking_id = backorderId!;
      for (const line of linesOf(env, move.id)) line.picking_id = backorderId!;
    } else {
      createRecords(env, 'stock.move', [copyMove(env, move, quantity, { picking_id: backorderId })]);
    }
  }
  const backorder = env.db.table('stock.picking').get(backorderId!)!;
  confirmPickings(env, [backorder]);
}

/** Done quantities made done; the rest cancelled or moved to a backorder picking, as the context says. */
function process(env: Env, picking: Row): void {
  const notToBackorder = Array.isArray(env.context.picking_ids_not_to_backorder) ? env.context.picking_ids_not_to_backorder : [];
  const cancelRest = env.context.cancel_backorder === true || notToBackorder.includes(picking.id) || get(env, 'stock.picking.type', picking.picking_type_id!, 'create_backorder') === 'never';
  const open = movesOf(env, picking.id).filter(isOpen);
  if (!cancelRest && open.every((move) => doneQuantity(env, move) <= 0)) throw noQuantitiesError(env);
  const remainder: { move: Row; quantity: number | undefined }[] = [];
  for (const move of open) {
    const done = doneQuantity(env, move);
    const demand = Number(move.product_uom_qty);
    if (done <= 0) {
      if (cancelRest) {
        unreserveMove(env, move);
        move.state = 'cancel';
      } else remainder.push({ move, quantity: undefined });
      continue;
    }
    if (done < demand) {
      move.product_uom_qty = done;
      if (cancelRest) createRecords(env, 'stock.move', [copyMove(env, move, demand - done, { picking_id: picking.id, state: 'cancel' })]);
      else remainder.push({ move, quantity: demand - done });
    }
    finishMove(env, move);
  }
  if (remainder.length > 0) createBackorder(env, picking, remainder);
  picking.date_done = env.now;
  refreshPickingState(env, picking);
}

/** `stock.picking.button_validate`: true once done, or the immediate-transfer (16) / backorder wizard action. */
export function buttonValidate(env: Env, pickings: readonly Row[]): unknown {
  if (env.version >= 17) {
    const drafts = pickings.filter((picking) => picking.state === 'draft');
    confirmPickings(env, drafts);
    for (const move of drafts.flatMap((picking) => movesOf(env, picking.id))) {
      if (Number(get(env, 'stock.move', move.id, 'quantity')) === 0 && Number(move.product_uom_qty) !== 0) writeRecords(env, 'stock.move', [move.id], { quantity: move.product_uom_qty });
    }
  }
  if (env.context.skip_sanity_check !== true) sanityCheck(env, pickings);
  if (env.version >= 17) {
    for (const picking of pickings) {
      const open = movesOf(env, picking.id).filter(isOpen);
      if (!open.some((move) => move.picked === true)) for (const move of open) writeRecords(env, 'stock.move', [move.id], { picked: true });
    }
  }
  if (env.version <= 16 && env.context.skip_immediate !== true) {
    const immediate = pickings.filter((picking) => movesOf(env, picking.id).filter(isOpen).every((move) => doneQuantity(env, move) === 0));
    if (immediate.length > 0) {
      return wizard('Immediate Transfer?', 'stock.immediate.transfer', immediate, {
        default_immediate_transfer_line_ids: immediate.map((picking) => [0, 0, { to_immediate: true, picking_id: picking.id }]),
      });
    }
  }
  if (env.context.skip_backorder !== true) {
    const notToBackorder = Array.isArray(env.context.picking_ids_not_to_backorder) ? env.context.picking_ids_not_to_backorder : [];
    const asking = pickings.filter(
      (picking) =>
        !notToBackorder.includes(picking.id) &&
        get(env, 'stock.picking.type', picking.picking_type_id!, 'create_backorder') === 'ask' &&
        movesOf(env, picking.id)
          .filter(isOpen)
          .some((move) => doneQuantity(env, move) < Number(move.product_uom_qty)),
    );
    if (asking.length > 0) {
      return wizard('Create Backorder?', 'stock.backorder.confirmation', asking, {
        default_backorder_confirmation_line_ids: asking.map((picking) => [0, 0, { to_backorder: true, picking_id: picking.id }]),
      });
    }
  }
  for (const picking of pickings) process(env, picking);
  return true;
}
