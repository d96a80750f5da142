import { isSscc } from '../../../translators/canonical/check-digits.js';
import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { DateTime, ShipNotice } from '../../../translators/canonical/index.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';
import { many2oneId, many2oneName, textOf } from '../sync/odoo-values.js';
import { canonicalDateTime, carrierParty, companyParty, decimalOf, itemOf, partyOf, present, readProducts, unitCodes, unitOf, unmappable } from './odoo-readings.js';
import type { OutboundFlow, OutboundInput } from './outbound-flow.js';

// A done delivery (reference 3.6, 3.8, 3.16) becomes the ship notice we send the customer: the delivery's
// name as shipment id, its carrier and tracking reference, its weight, and what was done on it line by line
// (stock.move.line: product, quantity, lot) grouped by the package each line was put in. A package whose
// reference is an SSCC-18 carries it as its label; goods in no package are listed loose under the order.

type ShippedOrder = ShipNotice['orders'][number];
type ShippedItem = NonNullable<ShippedOrder['items']>[number];

export const deliveryToShipNotice: OutboundFlow = {
  document: 'shipNotice',
  parts: [''],
  async drafts(input) {
    return [{ part: '', canonical: await shipNoticeOf(input) }];
  },
};

async function shipNoticeOf({ client, record, profile }: OutboundInput): Promise<Omit<ShipNotice, 'source'>> {
  const what = `delivery ${String(record.name)}`;
  const shipped = canonicalDateTime(record.date_done);
  if (shipped === undefined) throw unmappable(what, 'it has no date of transfer (date_done)');
  const order = await customerOrder(client, record, what);
  const lines = (
    await client.searchRead('stock.move.line', [['picking_id', '=', record.id]], { fields: ['product_id', 'quantity', 'product_uom_id', 'lot_id', 'lot_name', 'result_package_id'], order: 'id' })
  ).filter((line) => Number(line.quantity) > 0);
  if (lines.length === 0) throw unmappable(what, 'nothing was done on it (no operation with a quantity)');
  const products = await readProducts(client, present(lines.map((line) => many2oneId(line.product_id))));
  const codes = await unitCodes(client, present(lines.map((line) => many2oneId(line.product_uom_id))));
  const items = lines.map((line, index): { package: number | undefined; item: ShippedItem } => {
    const lineWords = `operation ${index + 1}`;
    const lot = many2oneName(line.lot_id) ?? textOf(line.lot_name);
    const item = itemOf(products.get(many2oneId(line.product_id) ?? 0), 'seller', what, lineWords);
    return {
      package: many2oneId(line.result_package_id),
      item: { item: lot === undefined ? item : { ...item, lot }, quantity: { value: decimalOf(line.quantity), unit: unitOf(codes, line.product_uom_id, what, lineWords) } },
    };
  });
  const packageIds = [...new Set(present(items.map((entry) => entry.package)))];
  const packages = packageIds.length === 0 ? [] : await client.read('stock.package', packageIds, { fields: ['name', 'shipping_weight'] });
  const cartons = packages.map((pack) => {
    const reference = textOf(pack.name);
    return {
      ...(reference !== undefined && isSscc(reference) ? { sscc: reference } : {}),
      ...(Number(pack.shipping_weight) > 0 ? { grossWeight: { value: decimalOf(pack.shipping_weight), unit: 'KGM' } } : {}),
      items: items.filter((entry) => entry.package === pack.id).map((entry) => entry.item),
    };
  });
  const loose = items.filter((entry) => entry.package === undefined).map((entry) => entry.item);
  const tracking = textOf(record.carrier_tracking_ref);
  const weight = Number(record.shipping_weight) > 0 ? record.shipping_weight : record.weight;
  return {
    kind: 'ship-notice',
    purpose: 'original',
    shipmentId: String(record.name),
    ...(tracking === undefined ? {} : { proNumber: tracking }),
    dates: { issued: issuedFor(profile, shipped), shipped },
    parties: present([
      await companyParty(client, 'ship-from', record),
      await partyOf(client, 'ship-to', many2oneId(record.partner_id)),
      await carrierParty(client, record.carrier_id),
    ]),
    ...(cartons.length === 0 ? {} : { packageCount: cartons.length }),
    ...(Number(weight) > 0 ? { grossWeight: { value: decimalOf(weight), unit: 'KGM' } } : {}),
    orders: [
      {
        orderNumber: order.number,
        ...(order.date === undefined ? {} : { orderDate: order.date }),
        ...(cartons.length === 0 ? {} : { cartons }),
        ...(loose.length === 0 ? {} : { items: loose }),
      },
    ],
  };
}

/**
 * The notice is written when the goods leave. An 856 carries its time in BSN04, which has no time code: a
 * time with a zone goes there only put in the partner's own zone (its profile's dateFormats.timeZone). For
 * an X12 partner whose zone is unknown, the time goes as Odoo keeps it, in UTC, without a zone; the time
 * the goods left keeps its zone either way.
 */
function issuedFor(profile: PartnerProfile, shipped: DateTime): DateTime {
  const entry = profile.documents.find((document) => document.document === 'shipNotice' && document.direction === 'out');
  if (profile.standard !== 'X12' || entry?.dateFormats?.timeZone !== undefined) return shipped;
  return { date: shipped.date, ...(shipped.time === undefined ? {} : { time: shipped.time }) };
}

/** The customer's order number the delivery ships: its sale order's customer reference, else the sale order's or the delivery's source document. */
export async function customerOrder(client: OdooClient, record: OdooRecord, what: string): Promise<{ number: string; date?: string }> {
  const saleId = many2oneId(record.sale_id);
  const [sale] = saleId === undefined ? [] : await client.read('sale.order', [saleId], { fields: ['name', 'client_order_ref', 'date_order'] });
  const number = textOf(sale?.client_order_ref) ?? textOf(sale?.name) ?? textOf(record.origin);
  if (number === undefined) throw unmappable(what, 'it names no order: no sale order with a customer reference, and no source document');
  const date = canonicalDateTime(sale?.date_order)?.date;
  return date === undefined ? { number } : { number, date };
}
