import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { Row, Vals } from '../orm/model-spec.js';
import { findRow } from '../orm/records.js';
import { confirmPickings } from './stock-picking.js';

// What sale_stock and purchase_stock share when an order is confirmed: the order's open picking (made when
// there is none), one move per line still to go, and the picking confirmed.

export interface OrderPicking {
  /** The order's picking not yet done or cancelled, if it has one. */
  readonly open: Row | undefined;
  /** Values of a new picking, when there is none open. */
  readonly picking: Vals;
  /** Values of each move; `name` is left out from 19 on, which has no move name. */
  readonly moves: readonly Vals[];
  /** The procurement group (up to 18), given to the picking and its moves. */
  readonly groupId: number | undefined;
}

export function scheduleMoves(env: Env, { open, picking, moves, groupId }: OrderPicking): void {
  const group = groupId ? { group_id: groupId } : {};
  const row = open ?? findRow(env, 'stock.picking', createRecords(env, 'stock.picking', [{ ...picking, ...group }])[0]!)!;
  for (const move of moves) {
    const { name, ...rest } = move;
    createRecords(env, 'stock.move', [{ picking_id: row.id, ...rest, ...(env.version <= 18 ? { name } : {}), ...group }]);
  }
  confirmPickings(env, [row]);
}
