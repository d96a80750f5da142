import type { DateTime, ShipmentStatus } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ediExternalId } from '../client/idempotent-write.js';
import type { OdooClient, OdooDomain } from '../client/odoo-client.js';
import { ensureNote } from './chatter-note.js';
import { textOf } from './odoo-values.js';
import type { FlowInput, FlowResult } from './sync-flow.js';

// A carrier's status report (214 / IFTSTA in) on one of our deliveries (reference 3.6, 3.16): the delivery
// is found by the shipment number (our delivery's name, WH/OUT/00012), the carrier's PRO or bill of lading
// number (its tracking reference), or else the customer's order numbers; its tracking reference becomes
// the carrier's PRO number, and the milestones go into its chatter as one note. Odoo has no field for a
// carrier's status, so the note is where sales and support read it.

export async function syncShipmentStatus(input: FlowInput<ShipmentStatus>): FlowResult {
  const { client, document, canonical: status } = input;
  const delivery = await findDelivery(client, status);
  const tracking = status.proNumber;
  if (tracking !== undefined && textOf(delivery.tracking) !== tracking) await client.write('stock.picking', [delivery.id], { carrier_tracking_ref: tracking });
  const token = `(EDI document ${document.id})`;
  await ensureNote(client, {
    model: 'stock.picking',
    id: delivery.id,
    externalId: ediExternalId(input.idempotencyKey, 'note'),
    token,
    body: `Carrier status from ${document.partner} ${token}: ${status.events.map(eventWords).join('; ')}.`,
  });
  return delivery.name;
}

interface Delivery {
  readonly id: number;
  readonly name: string;
  readonly tracking: unknown;
}

/** The one delivery the report is about; ODOO_RECORD_MISSING or ODOO_RECORD_AMBIGUOUS naming the numbers it has. */
async function findDelivery(client: OdooClient, status: ShipmentStatus): Promise<Delivery> {
  const deliveries: OdooDomain = [
    ['picking_type_code', '=', 'outgoing'],
    ['state', '!=', 'cancel'],
  ];
  const carrierNumbers = [status.proNumber, status.billOfLading, status.shipmentId].filter((number) => number !== undefined);
  const ways: OdooDomain[] = [
    ...(status.shipmentId === undefined ? [] : [[...deliveries, ['name', '=', status.shipmentId]]]),
    ...(carrierNumbers.length === 0 ? [] : [[...deliveries, ['carrier_tracking_ref', 'in', carrierNumbers]]]),
    ...(status.orderNumbers === undefined ? [] : [[...deliveries, ['sale_id.client_order_ref', 'in', status.orderNumbers]]]),
  ];
  const numbers = [
    ...(status.shipmentId === undefined ? [] : [`shipment ${status.shipmentId}`]),
    ...(status.proNumber === undefined ? [] : [`PRO ${status.proNumber}`]),
    ...(status.billOfLading === undefined ? [] : [`bill of lading ${status.billOfLading}`]),
    ...(status.orderNumbers === undefined ? [] : [`orders ${status.orderNumbers.join(', ')}`]),
  ].join(', ');
  for (const domain of ways) {
    const found = await client.searchRead('stock.picking', domain, { fields: ['name', 'carrier_tracking_ref'], limit: 2 });
    if (found.length > 1) {
      throw new GatewayError('ODOO_RECORD_AMBIGUOUS', `More than one delivery in Odoo (${found.map((row) => String(row.name)).join(', ')}) matches the status report's ${numbers}`);
    }
    const [row] = found;
    if (row !== undefined) return { id: row.id, name: textOf(row.name) ?? `stock.picking ${row.id}`, tracking: row.carrier_tracking_ref };
  }
  throw new GatewayError('ODOO_RECORD_MISSING', `No delivery in Odoo matches the status report's ${numbers}`);
}

function eventWords(event: ShipmentStatus['events'][number]): string {
  const what = event.status.charAt(0).toUpperCase() + event.status.slice(1).replaceAll('-', ' ');
  const place = [event.location?.city, event.location?.region, event.location?.country].filter((part) => part !== undefined).join(', ');
  const where = place === '' ? '' : ` at ${place}`;
  const why = event.reason === undefined || event.reason === 'normal' ? '' : ` (${event.reason.replaceAll('-', ' ')})`;
  return `${what} ${when(event.at)}${where}${why}${event.note === undefined ? '' : `: ${event.note}`}`;
}

/** As the carrier told it: "2025-03-05 14:30 -05:00". */
function when(at: DateTime): string {
  return [at.date, at.time, at.utcOffset ?? at.timeZone].filter((part) => part !== undefined).join(' ');
}
