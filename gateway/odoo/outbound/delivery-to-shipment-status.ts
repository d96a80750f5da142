import type { ShipmentStatus } from '../../../translators/canonical/index.js';
import { many2oneId, textOf } from '../sync/odoo-values.js';
import { customerOrder } from './delivery-to-ship-notice.js';
import { canonicalDateTime, carrierParty, companyParty, partyOf, present, unmappable } from './odoo-readings.js';
import type { OutboundFlow } from './outbound-flow.js';

// A delivery's milestones (reference 3.6) become shipment statuses we send the customer, one per milestone,
// each sent once (its part names it). Odoo 16–19 marks one milestone in its core fields: the delivery is
// shipped when it is validated (state done, at date_done), which is when the goods leave with the carrier.
// It has no field saying that the goods arrived (no carrier status, reference 3.16): the delivered milestone
// is the carrier's own, from its status report synced to the delivery, relayed with the carrier's time. Not
// with its place: that is the consignee's, named in the status, and the carrier's way of writing it (a region,
// a street) is more than some formats say of a milestone's place (IFTSTA's LOC).

export const deliveryToShipmentStatus: OutboundFlow = {
  document: 'shipmentStatus',
  parts: ['shipped', 'delivered'],
  async drafts({ client, record, deliveredMilestone }) {
    const what = `delivery ${String(record.name)}`;
    const shipped = canonicalDateTime(record.date_done);
    if (shipped === undefined) throw unmappable(what, 'it has no date of transfer (date_done)');
    const order = await customerOrder(client, record, what);
    const tracking = textOf(record.carrier_tracking_ref);
    const status: Omit<ShipmentStatus, 'source' | 'events'> = {
      kind: 'shipment-status',
      shipmentId: String(record.name),
      ...(tracking === undefined ? {} : { proNumber: tracking }),
      orderNumbers: [order.number],
      parties: present([
        await carrierParty(client, record.carrier_id),
        await companyParty(client, 'shipper', record),
        await partyOf(client, 'consignee', many2oneId(record.partner_id)),
      ]),
    };
    const delivered = await deliveredMilestone(String(record.name));
    return [
      { part: 'shipped', canonical: { ...status, events: [{ status: 'picked-up', reason: 'normal', at: shipped }] } },
      ...(delivered === undefined
        ? []
        : [{ part: 'delivered', canonical: { ...status, events: [{ status: 'delivered', reason: delivered.reason ?? 'normal', at: delivered.at }] } }]),
    ];
  },
};
