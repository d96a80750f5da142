import type { ShipmentStatus } from '../../../translators/canonical/index.js';
import { many2oneId, textOf } from '../sync/odoo-values.js';
import { customerOrder } from './delivery-to-ship-notice.js';
import { canonicalDateTime, carrierParty, companyParty, partyOf, present, unmappable } from './odoo-readings.js';
import type { OutboundFlow } from './outbound-flow.js';

// A delivery's milestones (reference 3.6) become shipment statuses we send the customer, one per milestone,
// each sent once (its part names it). Odoo 16–19 marks one milestone in its core fields: the delivery is
// shipped when it is validated (state done, at date_done), which is when the goods leave with the carrier.
// It has no field saying that the goods arrived (no carrier status, reference 3.16), so there is no
// delivered milestone to send from Odoo's own data.

export const deliveryToShipmentStatus: OutboundFlow = {
  document: 'shipmentStatus',
  parts: ['shipped'],
  async drafts({ client, record }) {
    const what = `delivery ${String(record.name)}`;
    const shipped = canonicalDateTime(record.date_done);
    if (shipped === undefined) throw unmappable(what, 'it has no date of transfer (date_done)');
    const order = await customerOrder(client, record, what);
    const tracking = textOf(record.carrier_tracking_ref);
    const status: Omit<ShipmentStatus, 'source'> = {
      kind: 'shipment-status',
      shipmentId: String(record.name),
      ...(tracking === undefined ? {} : { proNumber: tracking }),
      orderNumbers: [order.number],
      parties: present([
        await carrierParty(client, record.carrier_id),
        await companyParty(client, 'shipper', record),
        await partyOf(client, 'consignee', many2oneId(record.partner_id)),
      ]),
      events: [{ status: 'picked-up', reason: 'normal', at: shipped }],
    };
    return [{ part: 'shipped', canonical: status }];
  },
};
