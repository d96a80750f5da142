import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { parseProfile } from '../../partners/parse-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { parseCanonical, type CanonicalDocument, type Invoice, type Item, type Order, type ShipmentStatus, type ShipNotice } from '../../translators/canonical/index.js';
import { ediExternalId } from '../../gateway/odoo/client/idempotent-write.js';
import { connectOdoo } from '../../gateway/odoo/client/odoo-client.js';
import { startOdooSimulator, type OdooSimulator } from '../../gateway/odoo/simulator/server.js';
import { ODOO_VERSIONS } from '../../gateway/odoo/simulator/versions.js';
import { odooConnection, type OdooUsage } from '../../gateway/odoo/sync/odoo-connection.js';
import { createOdooSyncPort } from '../../gateway/odoo/sync/odoo-sync-port.js';
import { idempotencyKeyOf } from '../../gateway/pipeline/sync-document.js';
import type { SyncDocument, SyncOutcome, SyncPort } from '../../gateway/pipeline/sync-port.js';
import type { DocumentKind } from '../../gateway/store/sql/documents.js';
import { withAdvisoryLock } from '../../gateway/store/advisory-lock.js';
import type { Pool } from '../../gateway/store/pool.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

// The Odoo sync port against the simulator over HTTP, once per Odoo series: each inbound flow, the records it
// leaves in Odoo field by field, and what it answers when Odoo is down, drops an answer or says no.

const KINDS: Record<CanonicalDocument['kind'], DocumentKind> = {
  order: 'Order',
  'ship-notice': 'ShipNotice',
  'shipment-status': 'ShipmentStatus',
  invoice: 'Invoice',
  'functional-ack': 'FunctionalAck',
};

/** test/fixtures/partners/minimal.yaml with the Odoo side given. */
function profileWith(odoo: PartnerProfile['odoo']): PartnerProfile {
  const parsed = parseProfile(YAML.parse(fs.readFileSync('test/fixtures/partners/minimal.yaml', 'utf8'), { schema: 'failsafe' }));
  if (!parsed.ok) throw new Error(`minimal.yaml is refused: ${JSON.stringify(parsed.problems)}`);
  return { ...parsed.profile, odoo };
}

/** The document checked as the pipeline would have it: a valid canonical document. */
function canonical<T extends CanonicalDocument>(document: T): T {
  const parsed = parseCanonical(document);
  if (!parsed.ok) throw new Error(`not a valid canonical document: ${JSON.stringify(parsed.problems)}`);
  return document;
}

const source = (usage: 'test' | 'production' = 'test') => ({
  standard: 'X12' as const,
  version: '004010',
  usage,
  sender: { id: 'ACMERETAIL', qualifier: 'ZZ' },
  receiver: { id: 'THREEPL', qualifier: 'ZZ' },
  interchangeControlNumber: '000000001',
  groupControlNumber: '1',
  setControlNumber: '0001',
});

const storeShipTo = {
  role: 'ship-to' as const,
  name: 'ACME Store 42',
  identifiers: [{ qualifier: 'buyer-assigned' as const, value: '0042' }],
  address: { street: ['42 Market Street', 'Suite 5'], city: 'Springfield', region: 'IL', postalCode: '62704', country: 'US' },
};

function order(orderNumber: string, lines: Order['lines'], extra: Partial<Order> = {}): Order {
  return canonical<Order>({
    kind: 'order',
    source: source(),
    purpose: 'original',
    orderNumber,
    dates: { ordered: { date: '2025-03-01' }, requestedDelivery: { date: '2025-03-10', time: '14:30', utcOffset: '-05:00' } },
    parties: [{ role: 'buyer', name: 'ACME Retail' }, storeShipTo],
    lines,
    ...extra,
  });
}

const line = (lineNumber: string, item: Order['lines'][number]['item'], quantity: string, unit: string, price?: string): Order['lines'][number] => ({
  lineNumber,
  item,
  quantity: { value: quantity, unit },
  ...(price === undefined ? {} : { unitPrice: { amount: price, currency: 'USD' } }),
});

interface Shipped {
  readonly item: Item;
  readonly quantity: string;
  readonly line?: string;
}

function shipNotice(shipmentId: string, orderNumber: string, shipped: readonly Shipped[], extra: Partial<ShipNotice> = {}): ShipNotice {
  return canonical<ShipNotice>({
    kind: 'ship-notice',
    source: source(),
    purpose: 'original',
    shipmentId,
    dates: { issued: { date: '2025-03-04' }, shipped: { date: '2025-03-04', time: '16:00' } },
    parties: [{ role: 'ship-from', name: 'Widget Supply Co' }],
    orders: [
      {
        orderNumber,
        cartons: [{ items: shipped.map(({ item, quantity, line }) => ({ ...(line === undefined ? {} : { orderLineNumber: line }), item, quantity: { value: quantity, unit: 'EA' } })) }],
      },
    ],
    ...extra,
  });
}

function shipmentStatus(numbers: Pick<ShipmentStatus, 'shipmentId' | 'proNumber' | 'billOfLading' | 'orderNumbers'>, events: ShipmentStatus['events']): ShipmentStatus {
  return canonical<ShipmentStatus>({
    kind: 'shipment-status',
    source: source(),
    ...numbers,
    parties: [{ role: 'carrier', name: 'Fast Freight', identifiers: [{ qualifier: 'scac', value: 'FFRT' }] }],
    events,
  });
}

function invoice(invoiceNumber: string, orderNumber: string, lines: readonly [item: Item, quantity: string, price: string][], extra: Partial<Invoice> = {}): Invoice {
  return canonical<Invoice>({
    kind: 'invoice',
    source: source(),
    purpose: 'original',
    invoiceType: 'invoice',
    invoiceNumber,
    orderNumber,
    dates: { invoiced: { date: '2025-03-07' } },
    parties: [{ role: 'seller', name: 'Widget Supply Co' }],
    terms: { netDays: 30, netDueDate: '2025-04-06' },
    lines: lines.map(([item, quantity, price], index) => ({ lineNumber: String(index + 1), item, quantity: { value: quantity, unit: 'EA' }, unitPrice: { amount: price, currency: 'USD' } })),
    totals: { total: { amount: '0.00', currency: 'USD' } },
    ...extra,
  });
}

describe.each(ODOO_VERSIONS)('the Odoo sync port on Odoo %i', (version) => {
  let sim: OdooSimulator;
  let db: { pool: Pool };
  let documents = 0;
  let sequence = 0;
  const unique = (prefix: string) => `${prefix}-${version}-${(sequence += 1)}`;
  const profiles = new Map<string, PartnerProfile>();

  const connectionTo = (usage: OdooUsage = 'test') =>
    odooConnection({
      name: `odoo-${version}`,
      usage,
      connect: (breaker) =>
        connectOdoo({ ...sim.credentials, url: sim.url, name: `odoo-${version}`, breaker, retry: { baseDelayMs: 5, maxDelayMs: 20 } }),
    });
  // Each port is a gateway of its own; they share the database whose locks they take, as gateways on one database do.
  const portOn = (usage: OdooUsage = 'test'): SyncPort =>
    createOdooSyncPort({ connection: connectionTo(usage), profileOf: async (partner) => profiles.get(partner), oneAtATime: (key, work) => withAdvisoryLock(db.pool, key, work), log: silentLog });
  let port: SyncPort;

  /** A document of `partner` as the pipeline hands it over, with its own id (and so its own idempotency key). */
  function inbound(partner: string, document: CanonicalDocument, reference: string): SyncDocument {
    documents += 1;
    return { id: `${version}0${documents}`, kind: KINDS[document.kind], partner, reference, canonical: document, fileId: '1', setId: String(documents) };
  }
  const sync = (document: SyncDocument, port_ = port): Promise<SyncOutcome> => port_.sync(document, { idempotencyKey: idempotencyKeyOf(document.id) });

  const acme = () => sim.data.ref('simulator.partner_acme');
  const widget = () => sim.data.ref('simulator.product_widget');
  const gadget = () => sim.data.ref('simulator.product_gadget');
  const unit = () => sim.data.ref('uom.product_uom_unit');
  const dozen = () => sim.data.ref('uom.product_uom_dozen');
  const lineUom = version >= 19 ? 'product_uom_id' : 'product_uom';
  const ordersOf = (ref: string) => sim.data.search('sale.order', [['client_order_ref', '=', ref]]);

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    sim = await startOdooSimulator({ version, loginCooldown: false });
    profiles.set('acme', profileWith({ partnerRef: 'ACME', productMatch: 'default_code' }));
    port = portOn();
  });
  afterEach(async () => {
    await sim.faults.clear();
  });
  afterAll(async () => {
    await sim.stop();
    await db.pool.end();
  });

  describe('an order', () => {
    it('becomes a quotation for the customer, with its delivery address, date, reference and lines, once', async () => {
      const number = unique('PO');
      const document = inbound(
        'acme',
        order(number, [line('1', { vendorItem: 'WIDGET-1', buyerItem: 'ACME-W' }, '12', 'EA', '9.50'), line('2', { vendorItem: 'GADGET-2', description: 'Gadget, boxed' }, '2', 'DZN', '240.00')]),
        number,
      );
      const synced = await sync(document);
      expect(synced).toEqual({ outcome: 'synced', reference: expect.stringMatching(/^S\d{5}$/) });

      const [orderId] = ordersOf(number);
      const [saleOrder] = sim.data.read('sale.order', orderId!, ['name', 'partner_id', 'partner_shipping_id', 'client_order_ref', 'commitment_date', 'state', 'order_line']);
      expect(saleOrder).toEqual({
        id: orderId,
        name: (synced as { reference: string }).reference,
        partner_id: [acme(), 'ACME Retail'],
        partner_shipping_id: [expect.any(Number), 'ACME Retail, ACME Store 42'],
        client_order_ref: number,
        commitment_date: '2025-03-10 19:30:00',
        state: 'draft',
        order_line: [expect.any(Number), expect.any(Number)],
      });
      const shippingId = (saleOrder!.partner_shipping_id as [number, string])[0];
      expect(sim.data.read('res.partner', shippingId, ['parent_id', 'type', 'name', 'ref', 'street', 'street2', 'city', 'zip', 'country_id'])[0]).toEqual({
        id: shippingId,
        parent_id: [acme(), 'ACME Retail'],
        type: 'delivery',
        name: 'ACME Store 42',
        ref: '0042',
        street: '42 Market Street',
        street2: 'Suite 5',
        city: 'Springfield',
        zip: '62704',
        country_id: [sim.data.ref('base.us'), 'United States'],
      });
      expect(sim.data.read('sale.order.line', saleOrder!.order_line as number[], ['product_id', 'product_uom_qty', lineUom, 'price_unit'])).toEqual([
        { id: expect.any(Number), product_id: [widget(), '[WIDGET-1] Widget'], product_uom_qty: 12, [lineUom]: [unit(), 'Units'], price_unit: 9.5 },
        { id: expect.any(Number), product_id: [gadget(), '[GADGET-2] Gadget'], product_uom_qty: 2, [lineUom]: [dozen(), 'Dozens'], price_unit: 240 },
      ]);
      // Known in Odoo by the document's idempotency key.
      const xmlid = ediExternalId(idempotencyKeyOf(document.id));
      expect(sim.data.searchRead('ir.model.data', [['module', '=', xmlid.module], ['name', '=', xmlid.name]], ['model', 'res_id'])).toEqual([
        { id: expect.any(Number), model: 'sale.order', res_id: orderId },
      ]);

      // Again (a retry), and the same order sent again as another document: still one order, one address.
      expect(await sync(document)).toEqual(synced);
      expect(await sync(inbound('acme', document.canonical, number))).toEqual(synced);
      expect(ordersOf(number)).toEqual([orderId]);

      // The next order to the same store finds its address by the store number.
      const next = unique('PO');
      expect(await sync(inbound('acme', order(next, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]), next))).toMatchObject({ outcome: 'synced' });
      const [nextOrder] = sim.data.read('sale.order', ordersOf(next)[0]!, ['partner_shipping_id', 'order_line']);
      expect((nextOrder!.partner_shipping_id as [number])[0]).toBe(shippingId);
      expect(sim.data.search('res.partner', [['parent_id', '=', acme()], ['ref', '=', '0042']])).toEqual([shippingId]);
      // No price in the order: Odoo's own price of the product.
      expect(sim.data.read('sale.order.line', nextOrder!.order_line as number[], ['price_unit'])[0]!.price_unit).toBe(10);
    });

    it('to a new site, synced side by side by two gateways, makes one delivery address for every order', async () => {
      const site = unique('S');
      const shipTo = { ...storeShipTo, name: `ACME Store ${site}`, identifiers: [{ qualifier: 'buyer-assigned' as const, value: site }] };
      const ports = [portOn(), portOn()];
      const numbers = Array.from({ length: 6 }, () => unique('PO'));
      const outcomes = await Promise.all(
        numbers.map((number, index) => ports[index % 2]!.sync(inbound('acme', order(number, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')], { parties: [{ role: 'buyer', name: 'ACME Retail' }, shipTo] }), number), { idempotencyKey: `side-by-side-${number}` })),
      );
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(numbers.map(() => 'synced'));
      const addresses = sim.data.search('res.partner', [['parent_id', '=', acme()], ['ref', '=', site]]);
      expect(addresses).toHaveLength(1);
      const shipping = numbers.map((number) => (sim.data.read('sale.order', ordersOf(number)[0]!, ['partner_shipping_id'])[0]!.partner_shipping_id as [number])[0]);
      expect(shipping).toEqual(numbers.map(() => addresses[0]));
    });

    it('finds products by barcode, whatever form of the GTIN, and by the partner codes on supplier info', async () => {
      profiles.set('acme-barcode', profileWith({ partnerRef: 'ACME', productMatch: 'barcode' }));
      const byBarcode = unique('PO');
      const gtins = order(byBarcode, [line('1', { gtin: '00012345678905' }, '3', 'EA'), line('2', { gtin: '036000291452' }, '4', 'C62')]);
      expect(await sync(inbound('acme-barcode', gtins, byBarcode))).toMatchObject({ outcome: 'synced' });
      const [barcoded] = sim.data.read('sale.order', ordersOf(byBarcode)[0]!, ['order_line']);
      expect(sim.data.read('sale.order.line', barcoded!.order_line as number[], ['product_id', 'product_uom_qty']).map((row) => [(row.product_id as [number])[0], row.product_uom_qty])).toEqual([
        [widget(), 3],
        [gadget(), 4],
      ]);

      profiles.set('acme-xref', profileWith({ partnerRef: 'ACME', productMatch: 'crossReference' }));
      const gadgetTemplate = (sim.data.read('product.product', gadget(), ['product_tmpl_id'])[0]!.product_tmpl_id as [number])[0];
      sim.data.create('product.supplierinfo', { partner_id: acme(), product_tmpl_id: gadgetTemplate, product_code: `ACME-G2-${version}` });
      sim.data.create('product.supplierinfo', { partner_id: acme(), product_id: widget(), product_tmpl_id: false, product_code: `ACME-W1-${version}` });
      // The vendor's code of another partner means nothing here.
      sim.data.create('product.supplierinfo', { partner_id: sim.data.ref('simulator.partner_widget_supply'), product_id: gadget(), product_code: `ACME-W1-${version}-OTHER` });
      const byCode = unique('PO');
      const codes = order(byCode, [line('1', { buyerItem: `ACME-W1-${version}`, vendorItem: 'IGNORED' }, '5', 'EA'), line('2', { buyerItem: `ACME-G2-${version}` }, '6', 'EA')]);
      expect(await sync(inbound('acme-xref', codes, byCode))).toMatchObject({ outcome: 'synced' });
      const [coded] = sim.data.read('sale.order', ordersOf(byCode)[0]!, ['order_line']);
      expect(sim.data.read('sale.order.line', coded!.order_line as number[], ['product_id']).map((row) => (row.product_id as [number])[0])).toEqual([widget(), gadget()]);
    });

    it('is refused naming each item that is no product, and each number it lacks, making nothing', async () => {
      const number = unique('PO');
      const refused = await sync(inbound('acme', order(number, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA'), line('2', { vendorItem: 'NOPE-9', description: 'Mystery' }, '1', 'EA')]), number));
      expect(refused).toEqual({
        outcome: 'refused',
        code: 'ODOO_PRODUCT_UNKNOWN',
        message: 'Not every item is a product in Odoo: line 2 (vendor item NOPE-9 (Mystery)): no product in Odoo has the Internal Reference (default_code) NOPE-9',
      });
      expect(ordersOf(number)).toEqual([]);

      const noGtin = unique('PO');
      expect(await sync(inbound('acme-barcode', order(noGtin, [line('7', { buyerItem: 'SKU-7' }, '1', 'EA')]), noGtin))).toEqual({
        outcome: 'refused',
        code: 'ODOO_PRODUCT_UNKNOWN',
        message: "Not every item is a product in Odoo: line 7 (buyer item SKU-7) gives no GTIN, and the partner's profile finds products by Barcode (odoo.productMatch barcode)",
      });
      const oddUnit = unique('PO');
      expect(await sync(inbound('acme', order(oddUnit, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'CS')]), oddUnit))).toEqual({
        outcome: 'refused',
        code: 'ODOO_PRODUCT_UNKNOWN',
        message: 'Not every quantity is in a unit Odoo has: line 1 is in CS, a unit the gateway has no Odoo unit for (it knows EA, C62, H87, DZN, KGM, LBR)',
      });
      expect([...ordersOf(noGtin), ...ordersOf(oddUnit)]).toEqual([]);
    });

    it('is confirmed when the profile says so, its delivery planned; a quotation otherwise', async () => {
      profiles.set('acme-confirm', profileWith({ partnerRef: 'ACME', productMatch: 'default_code', confirmOrders: true }));
      const confirmed = unique('PO');
      expect(await sync(inbound('acme-confirm', order(confirmed, [line('1', { vendorItem: 'WIDGET-1' }, '2', 'EA')]), confirmed))).toMatchObject({ outcome: 'synced' });
      const [orderId] = ordersOf(confirmed);
      expect(sim.data.read('sale.order', orderId!, ['state'])[0]!.state).toBe('sale');
      expect(sim.data.searchRead('stock.picking', [['sale_id', '=', orderId]], ['origin', 'picking_type_code', 'state'])).toEqual([
        { id: expect.any(Number), origin: sim.data.read('sale.order', orderId!, ['name'])[0]!.name, picking_type_code: 'outgoing', state: 'assigned' },
      ]);

      profiles.set('acme-quote', profileWith({ partnerRef: 'ACME', productMatch: 'default_code', confirmOrders: false }));
      const quoted = unique('PO');
      expect(await sync(inbound('acme-quote', order(quoted, [line('1', { vendorItem: 'WIDGET-1' }, '2', 'EA')]), quoted))).toMatchObject({ outcome: 'synced' });
      expect(sim.data.read('sale.order', ordersOf(quoted)[0]!, ['state'])[0]!.state).toBe('draft');
      expect(sim.data.search('stock.picking', [['sale_id', '=', ordersOf(quoted)[0]]])).toEqual([]);
    });

    it('is made once when Odoo saves it and drops the answer, and its confirmation resumes where it stopped', async () => {
      const lost = unique('PO');
      const dropped = sim.faults.stats().droppedResponses;
      sim.faults.dropResponseAfterCommit({ model: ['sale.order', 'ir.model.data'], method: ['create', 'action_confirm'], times: 3 });
      expect(await sync(inbound('acme-confirm', order(lost, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]), lost))).toMatchObject({ outcome: 'synced' });
      expect(sim.faults.stats().droppedResponses - dropped).toBe(3);
      const [orderId] = ordersOf(lost);
      expect(ordersOf(lost)).toHaveLength(1);
      expect(sim.data.read('sale.order', orderId!, ['state'])[0]!.state).toBe('sale');
      expect(sim.data.search('stock.picking', [['sale_id', '=', orderId]])).toHaveLength(1);

      // Confirmation fails for now: the order stays made, and the next attempt only confirms it.
      const stopped = unique('PO');
      const document = inbound('acme-confirm', order(stopped, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]), stopped);
      sim.faults.serializationFailure({ model: 'sale.order', method: 'action_confirm', times: 10 });
      expect(await sync(document)).toEqual({
        outcome: 'retry-later',
        code: 'ODOO_CONCURRENT_UPDATE',
        message: `Odoo could not run action_confirm on sale.order ${ordersOf(stopped)[0]}: another change to the same records was being saved at the same moment; nothing was saved`,
      });
      expect(sim.data.read('sale.order', ordersOf(stopped)[0]!, ['state'])[0]!.state).toBe('draft');
      await sim.faults.clear();
      expect(await sync(document)).toMatchObject({ outcome: 'synced' });
      expect(ordersOf(stopped)).toHaveLength(1);
      expect(sim.data.read('sale.order', ordersOf(stopped)[0]!, ['state'])[0]!.state).toBe('sale');
    });

    it('waits while Odoo is down, before and after the first log-in, and goes through once it is back', async () => {
      const fresh = portOn();
      const number = unique('PO');
      const document = inbound('acme', order(number, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]), number);
      await sim.faults.down('refused');
      expect(await sync(document, fresh)).toEqual({
        outcome: 'retry-later',
        code: 'ODOO_UNAVAILABLE',
        message: 'Could not reach Odoo to tell its version: the connection was refused (Odoo is not running or not listening at this address)',
      });
      await sim.faults.up();
      expect(await sync(document, fresh)).toMatchObject({ outcome: 'synced' });

      const later = unique('PO');
      const second = inbound('acme', order(later, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]), later);
      await sim.faults.down('unavailable');
      expect(await sync(second, fresh)).toMatchObject({ outcome: 'retry-later', code: 'ODOO_UNAVAILABLE' });
      await sim.faults.up();
      expect(await sync(second, fresh)).toMatchObject({ outcome: 'synced' });
      expect([...ordersOf(number), ...ordersOf(later)]).toHaveLength(2);
    });

    it('is refused for a test document on a production Odoo, an unknown customer, and a change to an order', async () => {
      const number = unique('PO');
      const testOrder = order(number, [line('1', { vendorItem: 'WIDGET-1' }, '1', 'EA')]);
      expect(await sync(inbound('acme', testOrder, number), portOn('production'))).toMatchObject({ outcome: 'refused', code: 'ODOO_USAGE_MISMATCH' });
      expect(ordersOf(number)).toEqual([]);
      expect(await sync(inbound('acme', { ...testOrder, source: source('production') }, number), portOn('production'))).toMatchObject({ outcome: 'synced' });

      profiles.set('nobody', profileWith({ partnerRef: 'NOBODY', productMatch: 'default_code' }));
      expect(await sync(inbound('nobody', testOrder, number))).toEqual({
        outcome: 'refused',
        code: 'ODOO_RECORD_MISSING',
        message: 'No company in Odoo has the Reference "NOBODY" that the partner\'s profile names (odoo.partnerRef), or it is archived',
      });

      const name = sim.data.read('sale.order', ordersOf(number)[0]!, ['name'])[0]!.name;
      expect(await sync(inbound('acme', { ...testOrder, purpose: 'change' }, number))).toEqual({
        outcome: 'refused',
        code: 'ODOO_DOCUMENT_UNSUPPORTED',
        message: `The order changes order ${number} sent before (purpose change), which the gateway does not write to Odoo: make it on sale order ${name} in Odoo by hand`,
      });
      expect(ordersOf(number)).toHaveLength(1);
    });
  });

  describe('a ship notice', () => {
    const vendor = () => sim.data.ref('simulator.partner_widget_supply');
    const serum = () => sim.data.ref('simulator.product_serum');
    const [moveDone, lineDone] = version >= 17 ? ['quantity', 'quantity'] : ['quantity_done', 'qty_done'];

    /** A confirmed purchase order from the demo vendor, with its receipt waiting; its id and name. */
    function purchase(lines: readonly [product: number, quantity: number, price: number][], partnerId = vendor()): { id: number; name: string } {
      const id = sim.data.create('purchase.order', {
        partner_id: partnerId,
        order_line: lines.map(([product_id, product_qty, price_unit]) => [0, 0, { product_id, product_qty, price_unit }]),
      });
      sim.user.confirmPurchaseOrder(id);
      return { id, name: String(sim.data.read('purchase.order', id, ['name'])[0]!.name) };
    }
    const receiptsOf = (orderId: number) =>
      sim.data.searchRead('stock.picking', [['purchase_id', '=', orderId]], ['name', 'state', 'backorder_id', 'date_done'], { order: 'id' }) as ({ id: number } & Record<string, unknown>)[];
    const notesOn = (pickingId: number) =>
      sim.data.searchRead('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', pickingId]], ['body', 'message_type', 'subtype_id'], { order: 'id' });

    beforeAll(() => {
      profiles.set('widgets', profileWith({ partnerRef: 'WIDGETSUP', productMatch: 'crossReference' }));
      profiles.set('widgets-auto', profileWith({ partnerRef: 'WIDGETSUP', productMatch: 'crossReference', validateReceipts: true }));
      sim.data.create('product.supplierinfo', { partner_id: vendor(), product_id: serum(), product_code: 'WS-SERUM' });
      sim.data.create('product.supplierinfo', { partner_id: vendor(), product_id: gadget(), product_code: 'WS-G2' });
    });

    it("prepares its purchase order's receipt with the quantities and lots shipped, once, and leaves it to be validated", async () => {
      const order = purchase([
        [widget(), 10, 5.5],
        [serum(), 4, 30],
      ]);
      const [receipt] = receiptsOf(order.id);
      const shipment = unique('SH');
      const document = inbound(
        'widgets',
        shipNotice(shipment, order.name, [
          { item: { vendorItem: 'WS-W1' }, quantity: '6', line: '1' },
          { item: { vendorItem: 'WS-SERUM', lot: 'L-A' }, quantity: '3', line: '2' },
          { item: { vendorItem: 'WS-SERUM', lot: 'L-B' }, quantity: '1', line: '2' },
        ]),
        shipment,
      );
      expect(await sync(document)).toEqual({ outcome: 'synced', reference: receipt!.name });

      const prepared = () => {
        const moves = sim.data.searchRead('stock.move', [['picking_id', '=', receipt!.id]], ['product_id', 'product_uom_qty', moveDone, ...(version >= 17 ? ['picked'] : []), 'state'], { order: 'id' });
        const lines = sim.data.searchRead('stock.move.line', [['picking_id', '=', receipt!.id]], ['product_id', lineDone, 'lot_name', ...(version >= 17 ? ['picked'] : [])], { order: 'id' });
        return { picking: sim.data.read('stock.picking', receipt!.id, ['state'])[0]!.state, moves, lines };
      };
      const picked = version >= 17 ? { picked: true } : {};
      const expected = {
        picking: 'assigned',
        moves: [
          { id: expect.any(Number), product_id: [widget(), '[WIDGET-1] Widget'], product_uom_qty: 10, [moveDone]: 6, ...picked, state: 'assigned' },
          { id: expect.any(Number), product_id: [serum(), '[SERUM-LOT] Chilled Serum'], product_uom_qty: 4, [moveDone]: 4, ...picked, state: 'assigned' },
        ],
        lines: [
          { id: expect.any(Number), product_id: [widget(), '[WIDGET-1] Widget'], [lineDone]: 6, lot_name: false, ...picked },
          { id: expect.any(Number), product_id: [serum(), '[SERUM-LOT] Chilled Serum'], [lineDone]: 3, lot_name: 'L-A', ...picked },
          { id: expect.any(Number), product_id: [serum(), '[SERUM-LOT] Chilled Serum'], [lineDone]: 1, lot_name: 'L-B', ...picked },
        ],
      };
      expect(prepared()).toEqual(expected);
      const note = {
        id: expect.any(Number),
        body: `Ship notice ${shipment} from widgets (EDI document ${document.id}) prepared this receipt: 6 EA of vendor item WS-W1; 3 EA of vendor item WS-SERUM in lot L-A; 1 EA of vendor item WS-SERUM in lot L-B. Check the goods and validate it.`,
        message_type: 'comment',
        subtype_id: [sim.data.ref('mail.mt_note'), 'Note'],
      };
      expect(notesOn(receipt!.id)).toEqual([note]);

      // Again, and again after Odoo dropped the answers of the write and the note: the same receipt, one note.
      expect(await sync(document)).toEqual({ outcome: 'synced', reference: receipt!.name });
      const again = inbound('widgets', document.canonical, shipment);
      const dropped = sim.faults.stats().droppedResponses;
      sim.faults.dropResponseAfterCommit({ model: ['stock.picking', 'ir.model.data'], method: ['write', 'create', 'message_post'], times: 3 });
      expect(await sync(again)).toEqual({ outcome: 'synced', reference: receipt!.name });
      expect(sim.faults.stats().droppedResponses - dropped).toBe(3);
      expect(prepared()).toEqual(expected);
      expect(notesOn(receipt!.id)).toEqual([note, { ...note, body: note.body.replace(`document ${document.id}`, `document ${again.id}`) }]);
    });

    it('validates the receipt when the profile says so, what was not shipped left on a backorder', async () => {
      const order = purchase([[widget(), 10, 5.5]]);
      const [receipt] = receiptsOf(order.id);
      const onHand = () => Number(sim.data.read('product.product', widget(), ['qty_available'])[0]!.qty_available);
      const before = onHand();
      const shipment = unique('SH');
      const document = inbound('widgets-auto', shipNotice(shipment, order.name, [{ item: { vendorItem: 'WS-W1' }, quantity: '6' }]), shipment);
      expect(await sync(document)).toEqual({ outcome: 'synced', reference: receipt!.name });
      expect(receiptsOf(order.id)).toEqual([
        { id: receipt!.id, name: receipt!.name, state: 'done', backorder_id: false, date_done: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
        { id: expect.any(Number), name: expect.stringMatching(/^WH\/IN\/\d{5}$/), state: 'assigned', backorder_id: [receipt!.id, receipt!.name], date_done: false },
      ]);
      expect(onHand() - before).toBe(6);
      expect(sim.data.read('purchase.order.line', (sim.data.read('purchase.order', order.id, ['order_line'])[0]!.order_line as number[])[0]!, ['qty_received'])[0]!.qty_received).toBe(6);
      expect(notesOn(receipt!.id)[0]!.body).toBe(`Ship notice ${shipment} from widgets-auto (EDI document ${document.id}) prepared this receipt: 6 EA of vendor item WS-W1.`);

      expect(await sync(document)).toEqual({ outcome: 'synced', reference: receipt!.name });
      expect(receiptsOf(order.id)).toHaveLength(2);
      expect(onHand() - before).toBe(6);
    });

    it('is refused for an order that is not the supplier\'s or not in Odoo, and for goods not on the order', async () => {
      const shipment = unique('SH');
      expect(await sync(inbound('widgets', shipNotice(shipment, 'P99999', [{ item: { vendorItem: 'WS-W1' }, quantity: '1' }]), shipment))).toEqual({
        outcome: 'refused',
        code: 'ODOO_RECORD_MISSING',
        message: 'Odoo has no purchase order P99999 from this supplier',
      });
      const someoneElses = purchase([[widget(), 1, 5]], acme());
      expect(await sync(inbound('widgets', shipNotice(shipment, someoneElses.name, [{ item: { vendorItem: 'WS-W1' }, quantity: '1' }]), shipment))).toMatchObject({
        outcome: 'refused',
        code: 'ODOO_RECORD_MISSING',
      });

      const order = purchase([[widget(), 10, 5.5]]);
      expect(await sync(inbound('widgets', shipNotice(shipment, order.name, [{ item: { vendorItem: 'WS-W1' }, quantity: '2' }, { item: { vendorItem: 'WS-G2' }, quantity: '1', line: '2' }]), shipment))).toEqual({
        outcome: 'refused',
        code: 'ODOO_ORDER_MISMATCH',
        message: `The ship notice does not agree with purchase order ${order.name}: order ${order.name} line 2 (vendor item WS-G2) is not among the goods the receipt of ${order.name} waits for`,
      });
      const [receipt] = receiptsOf(order.id);
      expect(sim.data.searchRead('stock.move', [['picking_id', '=', receipt!.id]], [moveDone]).map((move) => move[moveDone])).toEqual([version >= 17 ? 10 : 0]);
    });
  });

  describe('a shipment status', () => {
    let delivery: { id: number; name: string; order: string };

    beforeAll(() => {
      sim.data.create('res.partner', { name: 'Fast Freight', is_company: true, ref: 'FASTFREIGHT' });
      profiles.set('carrier', profileWith({ partnerRef: 'FASTFREIGHT', productMatch: 'default_code' }));
      const order = `SO-${version}`;
      const orderId = sim.data.create('sale.order', { partner_id: acme(), client_order_ref: order, order_line: [[0, 0, { product_id: widget(), product_uom_qty: 1 }]] });
      sim.user.confirmSaleOrder(orderId);
      const [picking] = sim.data.searchRead('stock.picking', [['sale_id', '=', orderId]], ['name']);
      delivery = { id: picking!.id as number, name: String(picking!.name), order };
    });
    const notesOn = (pickingId: number) => sim.data.searchRead('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', pickingId]], ['body', 'subtype_id'], { order: 'id' });

    it("sets the delivery's tracking reference and notes the milestones in its chatter, once", async () => {
      const pro = `PRO-${version}-1`;
      const document = inbound(
        'carrier',
        shipmentStatus({ shipmentId: delivery.name, proNumber: pro }, [
          { status: 'picked-up', at: { date: '2025-03-05', time: '09:15', utcOffset: '-05:00' }, location: { city: 'Columbus', region: 'OH', country: 'US' } },
          { status: 'delivered', at: { date: '2025-03-06', time: '14:30' }, note: 'Signed by J. Smith' },
        ]),
        delivery.name,
      );
      expect(await sync(document)).toEqual({ outcome: 'synced', reference: delivery.name });
      expect(sim.data.read('stock.picking', delivery.id, ['carrier_tracking_ref', 'state'])[0]).toEqual({ id: delivery.id, carrier_tracking_ref: pro, state: 'assigned' });
      const note = {
        id: expect.any(Number),
        body: `Carrier status from carrier (EDI document ${document.id}): Picked up 2025-03-05 09:15 -05:00 at Columbus, OH, US; Delivered 2025-03-06 14:30: Signed by J. Smith.`,
        subtype_id: [sim.data.ref('mail.mt_note'), 'Note'],
      };
      expect(notesOn(delivery.id)).toEqual([note]);
      sim.faults.dropResponseAfterCommit({ method: 'message_post' });
      expect(await sync(document)).toEqual({ outcome: 'synced', reference: delivery.name });
      expect(notesOn(delivery.id)).toEqual([note]);

      // Found by the PRO number alone, then by the customer's order number.
      const delayed = inbound('carrier', shipmentStatus({ proNumber: pro }, [{ status: 'delayed', reason: 'weather', at: { date: '2025-03-05', time: '18:00' } }]), pro);
      expect(await sync(delayed)).toEqual({ outcome: 'synced', reference: delivery.name });
      const byOrder = inbound('carrier', shipmentStatus({ billOfLading: 'BOL-UNKNOWN', orderNumbers: [delivery.order] }, [{ status: 'in-transit', at: { date: '2025-03-05' } }]), 'BOL-UNKNOWN');
      expect(await sync(byOrder)).toEqual({ outcome: 'synced', reference: delivery.name });
      expect(notesOn(delivery.id).map((row) => row.body)).toEqual([
        note.body,
        `Carrier status from carrier (EDI document ${delayed.id}): Delayed 2025-03-05 18:00 (weather).`,
        `Carrier status from carrier (EDI document ${byOrder.id}): In transit 2025-03-05.`,
      ]);
      expect(sim.data.read('stock.picking', delivery.id, ['carrier_tracking_ref'])[0]!.carrier_tracking_ref).toBe(pro);
    });

    it('is refused when no delivery matches its numbers', async () => {
      const document = inbound('carrier', shipmentStatus({ shipmentId: 'WH/OUT/99999', proNumber: 'PRO-NONE' }, [{ status: 'delivered', at: { date: '2025-03-06' } }]), 'WH/OUT/99999');
      expect(await sync(document)).toEqual({
        outcome: 'refused',
        code: 'ODOO_RECORD_MISSING',
        message: "No delivery in Odoo matches the status report's shipment WH/OUT/99999, PRO PRO-NONE",
      });
    });
  });

  describe('an invoice', () => {
    const vendor = () => sim.data.ref('simulator.partner_widget_supply');

    function purchase(lines: readonly [product: number, quantity: number, price: number][]): { id: number; name: string; lines: number[] } {
      const id = sim.data.create('purchase.order', {
        partner_id: vendor(),
        order_line: lines.map(([product_id, product_qty, price_unit]) => [0, 0, { product_id, product_qty, price_unit }]),
      });
      sim.user.confirmPurchaseOrder(id);
      const [row] = sim.data.read('purchase.order', id, ['name', 'order_line']);
      return { id, name: String(row!.name), lines: row!.order_line as number[] };
    }
    const billsRef = (ref: string) => sim.data.search('account.move', [['ref', '=', ref], ['move_type', '=', 'in_invoice']]);

    beforeAll(() => {
      profiles.set('widgets-bill', profileWith({ partnerRef: 'WIDGETSUP', productMatch: 'default_code' }));
    });

    it('becomes a draft vendor bill linked to its purchase order, line by line, once', async () => {
      const tax = sim.data.ref('account.1_purchase_tax_15');
      const order = purchase([
        [widget(), 10, 5.5],
        [gadget(), 5, 15],
      ]);
      sim.data.write('purchase.order.line', order.lines[1]!, { [version >= 19 ? 'tax_ids' : 'taxes_id']: [[6, 0, [tax]]] });
      const number = unique('INV');
      const document = inbound('widgets-bill', invoice(number, order.name, [[{ buyerItem: 'WIDGET-1', vendorItem: 'WS-W1' }, '10', '5.50'], [{ buyerItem: 'GADGET-2' }, '5', '15.00']]), number);
      const synced = await sync(document);
      const [billId] = billsRef(number);
      expect(synced).toEqual({ outcome: 'synced', reference: `draft vendor bill ${billId} (${number})` });
      expect(
        sim.data.read('account.move', billId!, ['move_type', 'state', 'name', 'partner_id', 'ref', 'invoice_date', 'invoice_date_due', 'invoice_origin', 'amount_untaxed', 'amount_tax', 'invoice_line_ids'])[0],
      ).toEqual({
        id: billId,
        move_type: 'in_invoice',
        state: 'draft',
        name: '/',
        partner_id: [vendor(), 'Widget Supply Co'],
        ref: number,
        invoice_date: '2025-03-07',
        invoice_date_due: '2025-04-06',
        invoice_origin: order.name,
        amount_untaxed: 130,
        amount_tax: 11.25,
        invoice_line_ids: [expect.any(Number), expect.any(Number)],
      });
      const lines = sim.data.read('account.move', billId!, ['invoice_line_ids'])[0]!.invoice_line_ids as number[];
      expect(sim.data.read('account.move.line', lines, ['product_id', 'name', 'quantity', 'price_unit', 'tax_ids', 'purchase_line_id'])).toEqual([
        { id: expect.any(Number), product_id: [widget(), '[WIDGET-1] Widget'], name: `${order.name}: [WIDGET-1] Widget`, quantity: 10, price_unit: 5.5, tax_ids: [], purchase_line_id: [order.lines[0], expect.any(String)] },
        { id: expect.any(Number), product_id: [gadget(), '[GADGET-2] Gadget'], name: `${order.name}: [GADGET-2] Gadget`, quantity: 5, price_unit: 15, tax_ids: [tax], purchase_line_id: [order.lines[1], expect.any(String)] },
      ]);
      expect(sim.data.read('purchase.order', order.id, ['invoice_ids'])[0]!.invoice_ids).toEqual([billId]);

      sim.faults.dropResponseAfterCommit({ model: 'account.move', method: 'create' });
      expect(await sync(inbound('widgets-bill', document.canonical, number))).toEqual(synced);
      expect(await sync(document)).toEqual(synced);
      expect(billsRef(number)).toEqual([billId]);
    });

    it('is refused naming each line that does not agree with the order, making no bill', async () => {
      const order = purchase([[widget(), 10, 5.5]]);
      const number = unique('INV');
      const document = inbound('widgets-bill', invoice(number, order.name, [[{ buyerItem: 'WIDGET-1' }, '12', '6.00'], [{ buyerItem: 'SERUM-LOT' }, '1', '30.00']]), number);
      expect(await sync(document)).toEqual({
        outcome: 'refused',
        code: 'ODOO_ORDER_MISMATCH',
        message: `Invoice ${number} does not agree with purchase order ${order.name}: line 1 (buyer item WIDGET-1) costs 6.00 a unit, 5.50 on ${order.name}; line 1 (buyer item WIDGET-1) bills 12, while 10 of it are left to bill on ${order.name}; line 2 (buyer item SERUM-LOT) is not on ${order.name}`,
      });
      expect(billsRef(number)).toEqual([]);

      const credit = unique('CN');
      expect(await sync(inbound('widgets-bill', invoice(credit, order.name, [[{ buyerItem: 'WIDGET-1' }, '1', '5.50']], { invoiceType: 'credit-note' }), credit))).toEqual({
        outcome: 'refused',
        code: 'ODOO_DOCUMENT_UNSUPPORTED',
        message: `Invoice ${credit} is a credit-note, which the gateway does not write to Odoo: enter it there by hand`,
      });
    });
  });
});
