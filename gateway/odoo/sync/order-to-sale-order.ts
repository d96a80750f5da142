import type { Order } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ediExternalId, ensureRecord, resumeSteps, type WriteStep } from '../client/idempotent-write.js';
import type { OdooClient } from '../client/odoo-client.js';
import { deliveryAddress } from './delivery-address.js';
import { matchProducts } from './match-products.js';
import { odooDatetime } from './odoo-datetime.js';
import { textOf } from './odoo-values.js';
import type { FlowInput, FlowResult } from './sync-flow.js';
import { odooUnits } from './units.js';

// An order a customer sends (850 / ORDERS in) becomes a sale order (reference 3.4, 3.16): the partner's
// record as customer, the ship-to as delivery address, the requested delivery date as commitment date, the
// buyer's order number as client_order_ref, and a line per order line with the product, quantity, unit and
// price. It is made once: found again by the document's idempotency key (its external identifier) or, when
// that was never registered, by client_order_ref and customer, which also keeps an order the partner sends
// twice from becoming two. Confirming it (odoo.confirmOrders) is a second step that resumes on its own. An
// order that changes, replaces or cancels one sent before is not applied: the refusal names the sale order
// to change by hand.

const confirm: WriteStep = {
  name: 'confirm',
  done: (order) => order.state === 'sale' || order.state === 'done',
  run: (client, id) => client.call('sale.order', 'action_confirm', [id]),
};

export async function syncOrder(input: FlowInput<Order>): FlowResult {
  const { client, canonical: order, partnerId } = input;
  const reference = [
    ['client_order_ref', '=', order.orderNumber],
    ['partner_id', '=', partnerId],
  ];
  if (order.purpose !== 'original' && order.purpose !== 'duplicate') {
    const [existing] = await client.searchRead('sale.order', reference, { fields: ['name'], limit: 1 });
    throw unsupported(order, textOf(existing?.name));
  }
  const made = await ensureRecord(client, {
    model: 'sale.order',
    externalId: ediExternalId(input.idempotencyKey),
    reference,
    make: async (odoo) => odoo.create('sale.order', await saleOrderValues(odoo, input)),
  });
  const steps = input.odoo.confirmOrders === true ? [confirm] : [];
  const { record } = await resumeSteps(client, { model: 'sale.order', id: made.id, fields: ['state', 'name'], steps });
  return textOf(record.name) ?? `sale.order ${made.id}`;
}

async function saleOrderValues(client: OdooClient, input: FlowInput<Order>): Promise<Record<string, unknown>> {
  const { canonical: order, partnerId, odoo } = input;
  const lines = order.lines.map((line) => ({ label: `line ${line.lineNumber}`, ...line }));
  const products = await matchProducts(client, { match: odoo.productMatch, partnerId, role: 'seller' }, lines);
  const units = await odooUnits(client, lines.map(({ label, quantity }) => ({ label, unit: quantity.unit })));
  const shipTo = order.parties.find((party) => party.role === 'ship-to');
  const shipping = shipTo === undefined ? undefined : await deliveryAddress(client, { partner: input.document.partner, customerId: partnerId, shipTo, oneAtATime: input.oneAtATime });
  const requested = order.dates.requestedDelivery ?? order.dates.deliverNoLater;
  const warehouse = odoo.warehouse === undefined ? undefined : await warehouseId(client, odoo.warehouse);
  return {
    partner_id: partnerId,
    client_order_ref: order.orderNumber,
    ...(shipping === undefined ? {} : { partner_shipping_id: shipping }),
    ...(requested === undefined ? {} : { commitment_date: odooDatetime(requested) }),
    ...(warehouse === undefined ? {} : { warehouse_id: warehouse }),
    order_line: lines.map((line, index) => [
      0,
      0,
      {
        product_id: products[index],
        product_uom_qty: Number(line.quantity.value),
        product_uom_id: units[index],
        ...(line.unitPrice === undefined ? {} : { price_unit: Number(line.unitPrice.amount) }),
      },
    ]),
  };
}

async function warehouseId(client: OdooClient, code: string): Promise<number> {
  const [id] = await client.search('stock.warehouse', [['code', '=', code]], { limit: 1 });
  if (id === undefined) throw new GatewayError('ODOO_RECORD_MISSING', `Odoo has no warehouse with the short name "${code}" that the partner's profile names (odoo.warehouse)`);
  return id;
}

function unsupported(order: Order, saleOrder: string | undefined): GatewayError {
  const what = order.purpose === 'cancellation' ? 'cancels' : order.purpose === 'change' ? 'changes' : 'replaces';
  const where = saleOrder === undefined ? `there is no sale order for ${order.orderNumber} in Odoo to apply it to` : `make it on sale order ${saleOrder} in Odoo by hand`;
  return new GatewayError('ODOO_DOCUMENT_UNSUPPORTED', `The order ${what} order ${order.orderNumber} sent before (purpose ${order.purpose}), which the gateway does not write to Odoo: ${where}`);
}
