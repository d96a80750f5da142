import { decimal, type ShipNotice, type ShippedOrder } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ediExternalId, ensureExternalId, findByExternalId, resumeSteps, type WriteStep } from '../client/idempotent-write.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';
import { ensureNote } from './chatter-note.js';
import { itemWords } from './item-words.js';
import { matchProducts } from './match-products.js';
import { many2oneId, many2oneName, textOf } from './odoo-values.js';
import { supplierPurchaseOrder } from './purchase-order.js';
import type { FlowInput, FlowResult } from './sync-flow.js';
import { odooUnits } from './units.js';

// A supplier's ship notice (856 / DESADV in) prepares the receipt of each purchase order it ships (reference
// 3.6 to 3.9, 3.16): the quantities it announces, lot by lot, are filled in on the receipt's moves, marked
// picked (17 on) so that validating books exactly those, and a note in the receipt's chatter says which
// notice did it. The receipt is validated only when the profile says so (odoo.validateReceipts); what was not
// shipped then stays on a backorder. The quantities written are the notice's own, not added to what is
// there, so writing them twice leaves the same receipt; once written, the receipt carries the document's
// external identifier and a retry goes straight to the note and the validation.

type ShippedItem = NonNullable<ShippedOrder['items']>[number];

const validate: WriteStep = {
  name: 'validate',
  done: (picking) => picking.state === 'done',
  // Whatever was not shipped goes to a backorder without asking (the backorder wizard), as does 16's
  // immediate-transfer question; an action still returned means a person must decide (resumeSteps says so).
  run: (client, id) => client.call('stock.picking', 'button_validate', [id], { context: { skip_backorder: true, skip_immediate: true } }),
};

export async function syncShipNotice(input: FlowInput<ShipNotice>): FlowResult {
  const notice = input.canonical;
  if (notice.purpose !== 'original' && notice.purpose !== 'duplicate') {
    throw new GatewayError(
      'ODOO_DOCUMENT_UNSUPPORTED',
      `The ship notice ${notice.purpose === 'cancellation' ? 'cancels' : 'changes'} ship notice ${notice.shipmentId} sent before (purpose ${notice.purpose}), which the gateway does not write to Odoo: correct the receipts by hand`,
    );
  }
  const byOrder = new Map<string, ShippedItem[]>();
  for (const order of notice.orders) byOrder.set(order.orderNumber, [...(byOrder.get(order.orderNumber) ?? []), ...shippedItems(order)]);
  const receipts: string[] = [];
  for (const [orderNumber, items] of byOrder) receipts.push(await receive(input, orderNumber, items));
  return receipts.join(', ');
}

function shippedItems(order: ShippedOrder): ShippedItem[] {
  return [
    ...(order.pallets ?? []).flatMap((pallet) => [...(pallet.cartons ?? []).flatMap((carton) => carton.items), ...(pallet.items ?? [])]),
    ...(order.cartons ?? []).flatMap((carton) => carton.items),
    ...(order.items ?? []),
  ];
}

/** Prepares (and validates, when asked) the receipt of one purchase order; its name. */
async function receive(input: FlowInput<ShipNotice>, orderNumber: string, items: readonly ShippedItem[]): Promise<string> {
  const { client, document, canonical: notice } = input;
  const marker = ediExternalId(input.idempotencyKey, orderNumber);
  let pickingId = await findByExternalId(client, marker, 'stock.picking');
  if (pickingId === undefined) {
    pickingId = await openReceipt(client, orderNumber, input.partnerId);
    await client.write('stock.picking', [pickingId], { move_ids: await moveCommands(input, orderNumber, pickingId, items) });
    await ensureExternalId(client, marker, { model: 'stock.picking', id: pickingId });
  }
  const token = `(EDI document ${document.id})`;
  await ensureNote(client, {
    model: 'stock.picking',
    id: pickingId,
    externalId: ediExternalId(input.idempotencyKey, orderNumber, 'note'),
    token,
    body: `Ship notice ${notice.shipmentId} from ${document.partner} ${token} prepared this receipt: ${items.map(itemLine).join('; ')}.${
      input.odoo.validateReceipts === true ? '' : ' Check the goods and validate it.'
    }`,
  });
  const steps = input.odoo.validateReceipts === true ? [validate] : [];
  const { record } = await resumeSteps(client, { model: 'stock.picking', id: pickingId, fields: ['state', 'name'], steps });
  return textOf(record.name) ?? `stock.picking ${pickingId}`;
}

function itemLine(shipped: ShippedItem): string {
  return `${shipped.quantity.value} ${shipped.quantity.unit} of ${itemWords(shipped.item)}${shipped.item.lot === undefined ? '' : ` in lot ${shipped.item.lot}`}`;
}

async function openReceipt(client: OdooClient, orderNumber: string, supplierId: number): Promise<number> {
  const order = await supplierPurchaseOrder(client, { orderNumber, supplierId, fields: ['name'] });
  const [receipt] = await client.search(
    'stock.picking',
    [
      ['purchase_id', '=', order.id],
      ['picking_type_code', '=', 'incoming'],
      ['state', 'not in', ['draft', 'done', 'cancel']],
    ],
    { order: 'id asc', limit: 1 },
  );
  if (receipt === undefined) throw new GatewayError('ODOO_RECORD_MISSING', `Purchase order ${orderNumber} has no receipt waiting in Odoo: it is not confirmed, or was received or cancelled already`);
  return receipt;
}

/**
 * One command per move the notice ships: its lines replaced by one per lot with the shipped quantity, so
 * that the same commands sent twice leave the same lines. 16 counts the done quantity in qty_done (the
 * gateway's name `quantity`); 17 on in `quantity` with `picked`.
 */
async function moveCommands(input: FlowInput<ShipNotice>, orderNumber: string, pickingId: number, items: readonly ShippedItem[]): Promise<unknown[]> {
  const { client, odoo, partnerId } = input;
  const labelled = items.map((shipped, index) => ({
    ...shipped,
    label: `order ${orderNumber} ${shipped.orderLineNumber === undefined ? `item ${index + 1}` : `line ${shipped.orderLineNumber}`}`,
  }));
  const products = await matchProducts(client, { match: odoo.productMatch, partnerId, role: 'buyer' }, labelled);
  const units = await odooUnits(client, labelled.map(({ label, quantity }) => ({ label, unit: quantity.unit })));
  const moves = await client.searchRead(
    'stock.move',
    [
      ['picking_id', '=', pickingId],
      ['state', 'not in', ['done', 'cancel']],
    ],
    { fields: ['product_id', 'product_uom', 'location_id', 'location_dest_id'], order: 'id asc' },
  );
  const problems: string[] = [];
  const shipped = new Map<OdooRecord, Map<string, decimal.Decimal>>();
  for (const [index, item] of labelled.entries()) {
    const move = moves.find((candidate) => many2oneId(candidate.product_id) === products[index]);
    const where = `${item.label} (${itemWords(item.item)})`;
    if (move === undefined) {
      problems.push(`${where} is not among the goods the receipt of ${orderNumber} waits for`);
    } else if (many2oneId(move.product_uom) !== units[index]) {
      problems.push(`${where} is in ${item.quantity.unit}, while ${orderNumber} orders it in ${many2oneName(move.product_uom) ?? 'another unit'}`);
    } else {
      const lots = shipped.get(move) ?? new Map<string, decimal.Decimal>();
      const lot = item.item.lot ?? '';
      lots.set(lot, decimal.add(lots.get(lot) ?? { units: 0n, scale: 0 }, quantityOf(item.quantity.value)));
      shipped.set(move, lots);
    }
  }
  if (problems.length > 0) throw new GatewayError('ODOO_ORDER_MISMATCH', `The ship notice does not agree with purchase order ${orderNumber}: ${problems.join('; ')}`);
  const picked = client.version.series >= 17 ? { picked: true } : {};
  return [...shipped].map(([move, lots]) => [
    1,
    move.id,
    {
      move_line_ids: [
        [5, 0, 0],
        ...[...lots].map(([lot, quantity]) => [
          0,
          0,
          {
            product_id: many2oneId(move.product_id),
            product_uom_id: many2oneId(move.product_uom),
            location_id: many2oneId(move.location_id),
            location_dest_id: many2oneId(move.location_dest_id),
            quantity: Number(decimal.formatDecimal(quantity, quantity.scale)),
            ...(lot === '' ? {} : { lot_name: lot }),
            ...picked,
          },
        ]),
      ],
      ...picked,
    },
  ]);
}

/** A quantity of a canonical document, which its schema has checked is a decimal. */
function quantityOf(value: string): decimal.Decimal {
  const result = decimal.parseDecimal(value);
  if (!result.ok) throw new GatewayError('ODOO_ORDER_MISMATCH', `The quantity "${value}" is not a number: ${result.reason}`);
  return result.value;
}
