import { newEnv, type SimulatorCore } from './core.js';
import { resolveMethod } from './dispatch.js';
import { userError, valueError } from './errors.js';
import { ref } from './models/ir-model-data.js';
import { createRecords } from './orm/create.js';
import type { Env } from './orm/env.js';
import type { Context, Vals } from './orm/model-spec.js';
import { existingRows, get } from './orm/records.js';
import { readRecords } from './orm/read.js';
import { shapeResult } from './orm/result.js';
import { searchIds } from './orm/search.js';
import { unlinkRecords } from './orm/unlink.js';
import { parseDatetime } from './orm/values.js';
import { writeRecords } from './orm/write.js';

export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number;
  readonly order?: string;
  /** false: archived records too. */
  readonly activeTest?: boolean;
}

/** Direct access to the simulator's data, as an administrator: no access rules, no faults, no HTTP. */
export interface SimulatorData {
  create(model: string, vals: Vals, context?: Context): number;
  write(model: string, ids: number | readonly number[], vals: Vals): void;
  unlink(model: string, ids: number | readonly number[]): void;
  read(model: string, ids: number | readonly number[], fields?: readonly string[]): Record<string, unknown>[];
  search(model: string, domain?: readonly unknown[], options?: SearchOptions): number[];
  searchRead(model: string, domain?: readonly unknown[], fields?: readonly string[], options?: SearchOptions): Record<string, unknown>[];
  /** The id behind an external id ("simulator.product_widget"). */
  ref(xmlid: string): number;
  setXmlid(xmlid: string, model: string, id: number): void;
  /** Backdates a record's write_date (the late-commit case of reference 3.15). */
  setWriteDate(model: string, id: number, datetime: string): void;
  /** Sets the on-hand quantity of a storable product in WH/Stock (optionally of one lot). */
  setStock(productId: number, quantity: number, lot?: string): void;
}

export interface ValidateOptions {
  /** Quantity shipped or received per product id; products left out get 0. All of the demand when omitted. */
  readonly quantities?: Readonly<Record<number, number>>;
  /** Lot name per product id, for tracked products. */
  readonly lots?: Readonly<Record<number, string>>;
  /** What the user answers in the backorder wizard when less than the demand is done (default create). */
  readonly backorder?: 'create' | 'cancel';
}

/** What a person does in Odoo's screens, as the administrator. */
export interface SimulatorUserActions {
  /** Any public method, as the UI would call it; the result as execute_kw would return it. */
  call(model: string, method: string, ids: readonly number[], kwargs?: Record<string, unknown>, context?: Context): unknown;
  confirmSaleOrder(id: number): void;
  cancelSaleOrder(id: number): void;
  validatePicking(id: number, options?: ValidateOptions): void;
  /** Makes the draft customer invoice for what the order has to invoice; its id. */
  invoiceSaleOrder(id: number): number;
  postInvoice(id: number): void;
  registerPayment(invoiceId: number): void;
  confirmPurchaseOrder(id: number): void;
  /** Makes the draft vendor bill of a purchase order (action_create_invoice); its id. */
  billPurchaseOrder(id: number): number;
}

const list = (ids: number | readonly number[]): number[] => (typeof ids === 'number' ? [ids] : [...ids]);

export function createBackOffice(core: SimulatorCore, uid: number): { data: SimulatorData; user: SimulatorUserActions } {
  const run = <T>(work: (env: Env) => T, context: Context = {}): T => {
    const env = newEnv(core, uid, context, true);
    return core.db.transaction(() => work(env));
  };
  const call = (model: string, method: string, ids: readonly number[], kwargs: Record<string, unknown> = {}, context: Context = {}) => {
    const resolved = resolveMethod(core, model, method);
    return shapeResult(
      run((env) => resolved.spec.run(env, ids, kwargs, resolved.model), context),
      'execute_kw',
      core.version,
    );
  };

  const data: SimulatorData = {
    create: (model, vals, context = {}) => run((env) => createRecords(env, model, [vals])[0]!, context),
    write: (model, ids, vals) => run((env) => writeRecords(env, model, list(ids), vals)),
    unlink: (model, ids) => run((env) => unlinkRecords(env, model, list(ids))),
    read: (model, ids, fields) => run((env) => readRecords(env, model, list(ids), fields)),
    search: (model, domain = [], options = {}) => run((env) => searchIds(env, model, domain, options), { active_test: options.activeTest ?? true }),
    searchRead: (model, domain = [], fields, options = {}) =>
      run((env) => readRecords(env, model, searchIds(env, model, domain, options), fields), { active_test: options.activeTest ?? true }),
    ref: (xmlid) => run((env) => ref(env, xmlid)),
    setXmlid: (xmlid, model, id) =>
      run((env) => {
        const [module, ...name] = xmlid.split('.');
        createRecords(env, 'ir.model.data', [{ module, name: name.join('.'), model, res_id: id }]);
      }),
    setWriteDate: (model, id, datetime) =>
      run((env) => {
        const [row] = existingRows(env, env.model(model), [id]);
        row!.write_date = parseDatetime(datetime);
      }),
    setStock: (productId, quantity, lot) =>
      run((env) => {
        const location = ref(env, 'stock.stock_location_stock');
        let lotId: number | false = false;
        if (lot) {
          const found = [...env.db.table('stock.lot').values()].find((row) => row.name === lot && row.product_id === productId);
          lotId = found ? found.id : createRecords(env, 'stock.lot', [{ name: lot, product_id: productId }])[0]!;
        }
        const quant = [...env.db.table('stock.quant').values()].find((row) => row.product_id === productId && row.location_id === location && (row.lot_id || false) === lotId);
        if (quant) quant.quantity = quantity;
        else createRecords(env, 'stock.quant', [{ product_id: productId, location_id: location, lot_id: lotId, quantity }]);
      }),
  };

  const user: SimulatorUserActions = {
    call,
    confirmSaleOrder: (id) => void call('sale.order', 'action_confirm', [id]),
    cancelSaleOrder: (id) => void call('sale.order', 'action_cancel', [id], {}, { disable_cancel_warning: true }),
    validatePicking: (id, options = {}) =>
      run((env) => {
        const moves = [...env.db.table('stock.move').values()].filter((move) => move.picking_id === id && move.state !== 'done' && move.state !== 'cancel');
        for (const move of moves) {
          const productId = move.product_id as number;
          const quantity = options.quantities ? (options.quantities[productId] ?? 0) : Number(move.product_uom_qty);
          writeRecords(env, 'stock.move', [move.id], { [env.names.moveDone]: quantity, ...(env.version >= 17 ? { picked: true } : {}) });
          const lot = options.lots?.[productId];
          if (lot) for (const line of env.db.table('stock.move.line').values()) if (line.move_id === move.id) line.lot_name = lot;
        }
        const context = { skip_immediate: true, skip_backorder: true, picking_ids_not_to_backorder: options.backorder === 'cancel' ? [id] : [] };
        const resolved = resolveMethod(core, 'stock.picking', 'button_validate');
        resolved.spec.run(env.withContext(context), [id], {}, resolved.model);
      }),
    invoiceSaleOrder: (id) =>
      run((env) => {
        const [order] = existingRows(env, env.model('sale.order'), [id]);
        const lines = [...env.db.table('sale.order.line').values()].filter((line) => line.order_id === id && Number(get(env, 'sale.order.line', line.id, 'qty_to_invoice')) > 0);
        if (lines.length === 0) throw userError('There is nothing to invoice!');
        const commands = lines.map((line) => [
          0,
          0,
          {
            product_id: line.product_id,
            name: line.name,
            quantity: get(env, 'sale.order.line', line.id, 'qty_to_invoice'),
            price_unit: line.price_unit,
            discount: line.discount,
            product_uom_id: line[env.names.saleLineUom],
            tax_ids: [[6, 0, line[env.names.saleLineTaxes] ?? []]],
            sale_line_ids: [[6, 0, [line.id]]],
          },
        ]);
        const vals = {
          move_type: 'out_invoice',
          partner_id: order!.partner_invoice_id,
          partner_shipping_id: order!.partner_shipping_id,
          invoice_origin: order!.name,
          ref: order!.client_order_ref,
          currency_id: order!.currency_id,
          invoice_line_ids: commands,
        };
        return createRecords(env, 'account.move', [vals])[0]!;
      }),
    postInvoice: (id) => void call('account.move', 'action_post', [id]),
    registerPayment: (invoiceId) =>
      run((env) => {
        const [invoice] = existingRows(env, env.model('account.move'), [invoiceId]);
        if (invoice!.state !== 'posted') throw userError('You can only register payment for posted journal entries.');
        Object.assign(invoice!, { payment_state: 'paid', write_date: env.now });
      }),
    confirmPurchaseOrder: (id) => void call('purchase.order', 'button_confirm', [id]),
    billPurchaseOrder: (id) => {
      const action = call('purchase.order', 'action_create_invoice', [id]) as { res_id?: number };
      if (typeof action.res_id !== 'number') throw valueError('the purchase order made more than one bill');
      return action.res_id;
    },
  };
  return { data, user };
}
