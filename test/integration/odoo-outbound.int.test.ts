import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectOdoo } from '../../gateway/odoo/client/odoo-client.js';
import { pollOdooChanges, type PollSummary } from '../../gateway/odoo/outbound/poll-odoo-changes.js';
import { startOdooSimulator, type OdooSimulator } from '../../gateway/odoo/simulator/server.js';
import { ODOO_VERSIONS } from '../../gateway/odoo/simulator/versions.js';
import { odooConnection, type OdooConnection } from '../../gateway/odoo/sync/odoo-connection.js';
import { resubmitDocument } from '../../gateway/outbound/resubmit-document.js';
import { withTransaction } from '../../gateway/store/pool.js';
import { getOdooWatermark, listSkippedRecords } from '../../gateway/store/sql/odoo-watermarks.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { startOutboundHarness, type OutboundHarness } from '../helpers/outbound-harness.js';
import { silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// The Odoo poller against the simulator over HTTP and a real database, once per Odoo series: each outbound
// flow, for a partner of each standard, the canonical document it stores and the EDI it is rendered as; each
// record sent once however often it is polled or changed; records sharing a write_date; records nobody
// takes; records that cannot be mapped; Odoo down during a poll.

let harness: OutboundHarness;
let sim: OdooSimulator;
let connection: OdooConnection;
const CONNECTION_KEY = 'simulator';

const connectionTo = () =>
  odooConnection({
    name: 'the simulator',
    usage: 'test',
    connect: (breaker) => connectOdoo({ ...sim.credentials, url: sim.url, name: 'simulator', breaker, retry: { baseDelayMs: 5, maxDelayMs: 20 } }),
  });

const poll = (options: { pageSize?: number; via?: OdooConnection } = {}): Promise<PollSummary> =>
  pollOdooChanges({
    pool: harness.pool,
    connection: options.via ?? connection,
    connectionKey: CONNECTION_KEY,
    actor: harness.actor,
    log: silentLog,
    nudgeRender: harness.nudgeRender,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });

/** A harness partner (SFTP mailbox, identities of its standard) taking `documents` out, tied to the Odoo contact with Reference `ref`. */
async function partner(id: string, standard: 'X12' | 'EDIFACT', ref: string, documents: PartnerProfile['documents']): Promise<void> {
  const made = await harness.addPartner({ id, standard });
  await withTransaction(harness.pool, (tx) =>
    saveProfileVersion(tx, { profile: { ...made, documents, odoo: { partnerRef: ref, productMatch: 'default_code' } }, basedOn: 1, changedBy: 'test', change: 'Odoo outbound' }),
  );
}

interface StoredRow {
  readonly id: string;
  readonly kind: string;
  readonly reference: string;
  readonly intakeKey: string;
  readonly canonical: Record<string, unknown>;
}

async function documentsOf(partnerId: string, kind?: string): Promise<StoredRow[]> {
  const result = await harness.pool.query<StoredRow>(
    `SELECT id::text, kind, reference, intake_key AS "intakeKey", canonical FROM outbound_documents WHERE partner = $1 AND ($2::text IS NULL OR kind = $2) AND origin = 'odoo' ORDER BY id`,
    [partnerId, kind ?? null],
  );
  return result.rows;
}

/** The EDI the document was rendered as, once the render job has run: its segments, without the line breaks between them. */
async function renderedEdi(id: string): Promise<string> {
  await harness.waitForValue(`document ${id} rendered`, `SELECT content IS NOT NULL AS value FROM outbound_documents WHERE id = $1`, [id], true);
  const result = await harness.pool.query<{ content: Buffer }>('SELECT content FROM outbound_documents WHERE id = $1', [id]);
  return result.rows[0]!.content.toString('latin1').replace(/\r?\n/g, '');
}

const ref = (xmlid: string) => sim.data.ref(xmlid);

/**
 * Waits until the simulator's clock has left the second the record was last written in, so that a change
 * now gets a later write_date: one within the same second, of a record read at it, is read at its next change.
 */
async function afterLastWrite(model: string, id: number): Promise<void> {
  const at = String(sim.data.read(model, id, ['write_date'])[0]!.write_date);
  await waitFor(`the second after ${at}`, () => new Date().toISOString().slice(0, 19).replace('T', ' ') > at, 3_000);
}
const nameOf = (model: string, id: number) => String(sim.data.read(model, id, ['name'])[0]!.name);

/** A confirmed sale order of `customer` with its delivery; the delivery's id. */
function saleDelivery(customer: number, clientOrderRef: string, lines: readonly [product: number, quantity: number, price: number][]): { orderId: number; pickingId: number } {
  const orderId = sim.data.create('sale.order', {
    partner_id: customer,
    client_order_ref: clientOrderRef,
    order_line: lines.map(([product_id, product_uom_qty, price_unit]) => [0, 0, { product_id, product_uom_qty, price_unit }]),
  });
  sim.user.confirmSaleOrder(orderId);
  const [pickingId] = sim.data.search('stock.picking', [['sale_id', '=', orderId]]);
  return { orderId, pickingId: pickingId! };
}

/** A confirmed purchase order from the demo vendor; its id. */
function confirmedPurchase(lines: readonly [product: number, quantity: number, price: number][]): number {
  const id = sim.data.create('purchase.order', {
    partner_id: ref('simulator.partner_widget_supply'),
    date_planned: '2026-12-01 10:00:00',
    order_line: lines.map(([product_id, product_qty, price_unit]) => [0, 0, { product_id, product_qty, price_unit }]),
  });
  sim.user.confirmPurchaseOrder(id);
  return id;
}

describe.each(ODOO_VERSIONS)('the Odoo poller on Odoo %i', (version) => {
  beforeAll(async () => {
    harness = await startOutboundHarness();
    sim = await startOdooSimulator({ version, demoData: true, host: '127.0.0.1', port: 0 });
    connection = connectionTo();
    await partner('acme-x12', 'X12', 'ACME', [
      { document: 'shipNotice', message: '856', direction: 'out' },
      { document: 'shipmentStatus', message: '214', direction: 'out' },
      { document: 'invoice', message: '810', direction: 'out' },
    ]);
    await partner('acme-edifact', 'EDIFACT', 'ACME', [
      { document: 'shipNotice', message: 'DESADV', direction: 'out' },
      { document: 'shipmentStatus', message: 'IFTSTA', direction: 'out' },
      { document: 'invoice', message: 'INVOIC', direction: 'out' },
    ]);
    await partner('widgets-x12', 'X12', 'WIDGETSUP', [{ document: 'order', message: '850', direction: 'out' }]);
    await partner('widgets-edifact', 'EDIFACT', 'WIDGETSUP', [{ document: 'order', message: 'ORDERS', direction: 'out' }]);
  });

  afterAll(async () => {
    await sim?.stop();
    await harness?.stop();
  });

  describe('a done delivery', () => {
    const SSCC = '003456789012345670';
    let delivery: string;
    let orderId: number;
    /** When the delivery was validated, as the documents say it: Odoo's date_done, UTC. */
    let doneAt: { date: string; time: string; utcOffset: string };

    beforeAll(async () => {
      const widget = ref('simulator.product_widget');
      const serum = ref('simulator.product_serum');
      const made = saleDelivery(ref('simulator.partner_acme'), 'PO-OUT-1', [
        [widget, 4, 10],
        [serum, 2, 40],
      ]);
      orderId = made.orderId;
      delivery = nameOf('stock.picking', made.pickingId);
      const pack = sim.data.create(version >= 19 ? 'stock.package' : 'stock.quant.package', { name: SSCC, shipping_weight: 3.5 });
      const widgetLines = sim.data.search('stock.move.line', [
        ['picking_id', '=', made.pickingId],
        ['product_id', '=', widget],
      ]);
      sim.data.write('stock.move.line', widgetLines, { result_package_id: pack });
      sim.data.write('stock.picking', made.pickingId, { carrier_id: ref('simulator.carrier_standard'), carrier_tracking_ref: '1Z999AA10123456784' });
      sim.data.setXmlid('scac.SDLV', 'delivery.carrier', ref('simulator.carrier_standard'));
      sim.user.validatePicking(made.pickingId, { lots: { [serum]: 'LOT-001' } });
      const [date, time] = String(sim.data.read('stock.picking', made.pickingId, ['date_done'])[0]!.date_done).split(' ');
      doneAt = { date: date!, time: time!, utcOffset: '+00:00' };
      expect(await poll()).toMatchObject({ stored: 4, exceptions: 0 });
    });

    it('becomes a ship notice for each partner taking one: lines, lot, package with its SSCC, carrier and tracking number', async () => {
      for (const partnerId of ['acme-x12', 'acme-edifact']) {
        const [notice, ...more] = await documentsOf(partnerId, 'ship-notice');
        expect(more).toEqual([]);
        expect(notice!.reference).toBe(delivery);
        const { source: _source, dates, ...canonical } = notice!.canonical;
        // BSN04 has no time code: for the X12 partner, whose time zone is unknown, the notice's time is UTC without a zone.
        expect(dates).toEqual({ issued: partnerId === 'acme-x12' ? { date: doneAt.date, time: doneAt.time } : doneAt, shipped: doneAt });
        expect(canonical).toEqual({
          kind: 'ship-notice',
          purpose: 'original',
          shipmentId: delivery,
          proNumber: '1Z999AA10123456784',
          parties: [
            { role: 'ship-from', name: 'My Company', address: { country: 'US' } },
            { role: 'ship-to', name: 'ACME Distribution Center', address: { street: ['2 Warehouse Road'], city: 'Columbus', postalCode: '43004', country: 'US' } },
            { role: 'carrier', name: 'Standard Delivery', identifiers: [{ qualifier: 'scac', value: 'SDLV' }] },
          ],
          packageCount: 1,
          // No shipping weight entered: the weight of the goods, 4 widgets of 0.5 kg and the serum, which has none.
          grossWeight: { value: '2', unit: 'KGM' },
          orders: [
            {
              orderNumber: 'PO-OUT-1',
              orderDate: expect.any(String),
              cartons: [
                {
                  sscc: SSCC,
                  grossWeight: { value: '3.5', unit: 'KGM' },
                  items: [{ item: { gtin: '012345678905', vendorItem: 'WIDGET-1', description: 'Widget' }, quantity: { value: '4', unit: 'EA' } }],
                },
              ],
              items: [{ item: { gtin: '4006381333931', vendorItem: 'SERUM-LOT', description: 'Chilled Serum', lot: 'LOT-001' }, quantity: { value: '2', unit: 'EA' } }],
            },
          ],
        });
      }
    });

    it('is rendered as an 856 for the X12 partner and a DESADV for the EDIFACT one', async () => {
      const [x12] = await documentsOf('acme-x12', 'ship-notice');
      const edi = await renderedEdi(x12!.id);
      expect(edi).toContain(`BSN*00*${delivery}*`);
      expect(edi).toContain(`MAN*GM*00${SSCC}~`);
      expect(edi).toContain('PRF*PO-OUT-1');
      expect(edi).toContain('LIN**UP*012345678905*VP*WIDGET-1~SN1**4*EA~');
      expect(edi).toContain('LIN**EN*4006381333931*VP*SERUM-LOT*LT*LOT-001~SN1**2*EA~');
      expect(edi).toContain('REF*CN*1Z999AA10123456784~');
      expect(edi).toContain('N1*CA*Standard Delivery*2*SDLV~');
      const [edifact] = await documentsOf('acme-edifact', 'ship-notice');
      const desadv = await renderedEdi(edifact!.id);
      expect(desadv).toContain(`BGM+351+${delivery}`);
      expect(desadv).toContain(`GIN+BJ+${SSCC}`);
      expect(desadv).toContain('RFF+ON:PO-OUT-1');
      expect(desadv).toContain("LIN+1++4006381333931:EN'PIA+1+SERUM-LOT:VP+LOT-001:NB'");
      expect(desadv).toContain("LIN+2++012345678905:EN'PIA+1+WIDGET-1:VP'IMD+F++:::Widget'QTY+12:4:EA'");
      expect(desadv).toContain("RFF+CN:1Z999AA10123456784'");
    });

    it('becomes a "shipped" shipment status, rendered as a 214 and an IFTSTA', async () => {
      for (const partnerId of ['acme-x12', 'acme-edifact']) {
        const [status, ...more] = await documentsOf(partnerId, 'shipment-status');
        expect(more).toEqual([]);
        expect(status!.intakeKey).toMatch(/:shipped$/);
        const { source: _source, ...canonical } = status!.canonical;
        expect(canonical).toEqual({
          kind: 'shipment-status',
          shipmentId: delivery,
          proNumber: '1Z999AA10123456784',
          orderNumbers: ['PO-OUT-1'],
          parties: [
            { role: 'carrier', name: 'Standard Delivery', identifiers: [{ qualifier: 'scac', value: 'SDLV' }] },
            { role: 'shipper', name: 'My Company', address: { country: 'US' } },
            { role: 'consignee', name: 'ACME Distribution Center', address: { street: ['2 Warehouse Road'], city: 'Columbus', postalCode: '43004', country: 'US' } },
          ],
          events: [{ status: 'picked-up', reason: 'normal', at: doneAt }],
        });
      }
      const [x12] = await documentsOf('acme-x12', 'shipment-status');
      const edi = await renderedEdi(x12!.id);
      expect(edi).toContain(`B10*1Z999AA10123456784*${delivery}*SDLV~L11*PO-OUT-1*PO~`);
      expect(edi).toContain(`AT7*AF*NS***${doneAt.date.replaceAll('-', '')}*${doneAt.time.replaceAll(':', '')}*UT~`);
      const [edifact] = await documentsOf('acme-edifact', 'shipment-status');
      const iftsta = await renderedEdi(edifact!.id);
      expect(iftsta).toContain(`BGM+23+${delivery}+9'`);
      expect(iftsta).toContain(`CNI+1+${delivery}'STS+1+13'DTM+334:${doneAt.date.replaceAll('-', '')}${doneAt.time.replaceAll(':', '')}?+0000:304'`);
    });

    it('is sent once however often it is polled, and not again when it changes afterwards', async () => {
      expect(await poll()).toMatchObject({ stored: 0 });
      const [pickingId] = sim.data.search('stock.picking', [['name', '=', delivery]]);
      await afterLastWrite('stock.picking', pickingId!);
      sim.data.write('stock.picking', pickingId!, { carrier_tracking_ref: 'CHANGED-LATER' });
      expect(await poll()).toMatchObject({ read: 1, stored: 0, exceptions: 0 });
      expect(await documentsOf('acme-x12', 'ship-notice')).toHaveLength(1);
      expect(await documentsOf('acme-x12', 'shipment-status')).toHaveLength(1);

      // Sent again only when someone resubmits it; the poller still sends nothing of its own.
      const [notice] = await documentsOf('acme-x12', 'ship-notice');
      await harness.waitForValue(`ship notice ${notice!.id} delivered`, 'SELECT state AS value FROM outbound_documents WHERE id = $1', [notice!.id], 'AWAITING_ACK');
      const again = await resubmitDocument(harness.pool, notice!.id, { actor: 'dana', reason: 'the customer lost it' });
      expect(again).toMatchObject({ resubmissionOf: notice!.id, origin: 'resubmission', reference: delivery });
      expect(await poll()).toMatchObject({ stored: 0 });
    });

    it('whose invoice is posted sends the invoice, as an 810 and an INVOIC', async () => {
      const invoiceId = sim.user.invoiceSaleOrder(orderId);
      sim.user.postInvoice(invoiceId);
      const number = nameOf('account.move', invoiceId);
      expect(await poll()).toMatchObject({ stored: 2, exceptions: 0 });
      for (const partnerId of ['acme-x12', 'acme-edifact']) {
        const [invoice, ...more] = await documentsOf(partnerId, 'invoice');
        expect(more).toEqual([]);
        const { source: _source, dates, terms: _terms, ...canonical } = invoice!.canonical;
        expect(dates).toEqual({ invoiced: { date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) } });
        expect(canonical).toEqual({
          kind: 'invoice',
          purpose: 'original',
          invoiceType: 'invoice',
          invoiceNumber: number,
          orderNumber: 'PO-OUT-1',
          parties: [
            { role: 'seller', name: 'My Company', address: { country: 'US' } },
            { role: 'buyer', name: 'ACME Retail', address: { street: ['100 Main Street'], city: 'Springfield', postalCode: '62701', country: 'US' } },
            expect.objectContaining({ role: 'bill-to' }),
          ],
          lines: [
            {
              lineNumber: '1',
              item: { gtin: '012345678905', vendorItem: 'WIDGET-1', description: 'Widget' },
              quantity: { value: '4', unit: 'EA' },
              unitPrice: { amount: '10', currency: 'USD' },
              amount: { amount: '40', currency: 'USD' },
            },
            {
              lineNumber: '2',
              item: { gtin: '4006381333931', vendorItem: 'SERUM-LOT', description: 'Chilled Serum' },
              quantity: { value: '2', unit: 'EA' },
              unitPrice: { amount: '40', currency: 'USD' },
              amount: { amount: '80', currency: 'USD' },
            },
          ],
          ...(canonical.taxes === undefined ? {} : { taxes: canonical.taxes }),
          totals: expect.objectContaining({ lines: { amount: '120', currency: 'USD' }, total: expect.objectContaining({ currency: 'USD' }) }),
        });
      }
      const [x12] = await documentsOf('acme-x12', 'invoice');
      const edi = await renderedEdi(x12!.id);
      expect(edi).toContain(`*${number}**PO-OUT-1`);
      expect(edi).toContain('IT1*2*2*EA*40**EN*4006381333931*VP*SERUM-LOT~');
      expect(edi).toContain('TDS*12000~');
      expect(edi).toMatch(/IT1\*1\*4\*EA\*10\*/);
      const [edifact] = await documentsOf('acme-edifact', 'invoice');
      const invoic = await renderedEdi(edifact!.id);
      expect(invoic).toContain(`BGM+380+${number}+9'`);
      expect(invoic).toContain("RFF+ON:PO-OUT-1'");
      expect(invoic).toContain("LIN+1++012345678905:EN'PIA+1+WIDGET-1:VP'IMD+F++:::Widget'QTY+47:4:EA'MOA+203:40'PRI+AAA:10'");
      expect(invoic).toContain("MOA+77:120'");
    });
  });

  describe('a confirmed purchase order', () => {
    let order: string;

    beforeAll(async () => {
      const id = confirmedPurchase([
        [ref('simulator.product_widget'), 12, 5.5],
        [ref('simulator.product_gadget'), 3, 15],
      ]);
      order = nameOf('purchase.order', id);
      expect(await poll()).toMatchObject({ stored: 2, exceptions: 0 });
    });

    it("becomes an order to the supplier: our item numbers, the supplier's own codes, quantities and prices", async () => {
      for (const partnerId of ['widgets-x12', 'widgets-edifact']) {
        const [sent, ...more] = await documentsOf(partnerId, 'order');
        expect(more).toEqual([]);
        expect(sent!.reference).toBe(order);
        const { source: _source, dates, ...canonical } = sent!.canonical;
        expect(dates).toEqual({
          ordered: { date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), time: expect.stringMatching(/^\d\d:\d\d:\d\d$/), utcOffset: '+00:00' },
          requestedDelivery: { date: '2026-12-01', time: '10:00:00', utcOffset: '+00:00' },
        });
        expect(canonical).toEqual({
          kind: 'order',
          purpose: 'original',
          orderNumber: order,
          parties: [
            { role: 'buyer', name: 'My Company', address: { country: 'US' } },
            { role: 'seller', name: 'Widget Supply Co', address: { country: 'US' } },
          ],
          lines: [
            {
              lineNumber: '1',
              item: { gtin: '012345678905', buyerItem: 'WIDGET-1', vendorItem: 'WS-W1', description: 'Widget' },
              quantity: { value: '12', unit: 'EA' },
              unitPrice: { amount: '5.5', currency: 'USD' },
            },
            {
              lineNumber: '2',
              item: { gtin: '036000291452', buyerItem: 'GADGET-2', description: 'Gadget' },
              quantity: { value: '3', unit: 'EA' },
              unitPrice: { amount: '15', currency: 'USD' },
            },
          ],
        });
      }
    });

    it('is rendered as an 850 and an ORDERS', async () => {
      const [x12] = await documentsOf('widgets-x12', 'order');
      const edi = await renderedEdi(x12!.id);
      expect(edi).toContain(`BEG*00*SA*${order}**`);
      expect(edi).toContain('DTM*002*20261201*100000*UT~');
      expect(edi).toContain('PO1*1*12*EA*5.5**UP*012345678905*BP*WIDGET-1*VP*WS-W1~');
      expect(edi).toContain('PO1*2*3*EA*15**UP*036000291452*BP*GADGET-2~');
      const [edifact] = await documentsOf('widgets-edifact', 'order');
      const orders = await renderedEdi(edifact!.id);
      expect(orders).toContain(`BGM+220+${order}+9'`);
      expect(orders).toContain("DTM+2:20261201100000?+0000:304'");
      expect(orders).toContain("LIN+1++012345678905:EN'PIA+1+WIDGET-1:BP+WS-W1:VP'IMD+F++:::Widget'QTY+21:12:EA'PRI+AAA:5.5'");
    });

    it('is sent once, and a change after sending sends nothing new', async () => {
      const [id] = sim.data.search('purchase.order', [['name', '=', order]]);
      await afterLastWrite('purchase.order', id!);
      sim.data.write('purchase.order', id!, { partner_ref: 'THEIR-REF' });
      expect(await poll()).toMatchObject({ stored: 0 });
      expect(await documentsOf('widgets-x12', 'order')).toHaveLength(1);
    });
  });

  describe('records sharing a write_date', () => {
    it('are each sent, whether they come in one page or after the watermark was set at their second', async () => {
      const widget = ref('simulator.product_widget');
      const first = confirmedPurchase([[widget, 1, 5.5]]);
      const second = confirmedPurchase([[widget, 2, 5.5]]);
      const instant = String(sim.data.read('purchase.order', second, ['write_date'])[0]!.write_date);
      sim.data.setWriteDate('purchase.order', first, instant);
      expect(await poll({ pageSize: 1 })).toMatchObject({ stored: 4 });
      expect(await getOdooWatermark(harness.pool, CONNECTION_KEY, 'purchase.order')).toEqual({ writeDate: instant, idsAtMark: expect.arrayContaining([first, second]) });

      // Saved after the poll, yet within the same second: a late transaction's write_date.
      const third = confirmedPurchase([[widget, 3, 5.5]]);
      sim.data.setWriteDate('purchase.order', third, instant);
      expect(await poll()).toMatchObject({ read: 1, stored: 2 });
      const sent = (await documentsOf('widgets-x12', 'order')).map((row) => row.reference);
      expect(sent).toEqual(expect.arrayContaining([first, second, third].map((id) => nameOf('purchase.order', id))));
    });
  });

  describe('a transaction that commits late', () => {
    it('is sent at the next poll when its write_date is within the minutes looked at again behind the watermark', async () => {
      const widget = ref('simulator.product_widget');
      await poll();
      const seen = confirmedPurchase([[widget, 1, 5.5]]);
      expect(await poll()).toMatchObject({ stored: 2 });
      const mark = (await getOdooWatermark(harness.pool, CONNECTION_KEY, 'purchase.order'))!.writeDate;
      const minutesBefore = (minutes: number) => new Date(Date.parse(`${mark.replace(' ', 'T')}Z`) - minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

      // Begun two minutes before the last poll's newest record, committed after it.
      const late = confirmedPurchase([[widget, 4, 5.5]]);
      sim.data.setWriteDate('purchase.order', late, minutesBefore(2));
      expect(await poll()).toMatchObject({ read: 0, stored: 2 });
      expect(await poll()).toMatchObject({ stored: 0 });
      const sent = (await documentsOf('widgets-x12', 'order')).map((row) => row.reference);
      expect(sent).toEqual(expect.arrayContaining([seen, late].map((id) => nameOf('purchase.order', id))));
      expect(await getOdooWatermark(harness.pool, CONNECTION_KEY, 'purchase.order')).toMatchObject({ writeDate: mark });
    });
  });

  describe('a record no partner takes', () => {
    it('is skipped, with the reason recorded once', async () => {
      const nobody = sim.data.create('res.partner', { name: 'Walk-in Customer', is_company: true });
      const { pickingId } = saleDelivery(nobody, 'WALK-IN-1', [[ref('simulator.product_gadget'), 1, 25]]);
      sim.user.validatePicking(pickingId);
      expect(await poll()).toMatchObject({ stored: 0, exceptions: 0 });
      await afterLastWrite('stock.picking', pickingId);
      sim.data.write('stock.picking', pickingId, { carrier_tracking_ref: 'AGAIN' });
      expect(await poll()).toMatchObject({ read: 1, stored: 0 });
      const skipped = (await listSkippedRecords(harness.pool, CONNECTION_KEY)).filter((row) => row.recordId === pickingId);
      expect(skipped).toEqual([
        { connection: CONNECTION_KEY, model: 'stock.picking', recordId: pickingId, document: 'shipNotice', reason: 'no partner profile takes a shipNotice out for its contact' },
        { connection: CONNECTION_KEY, model: 'stock.picking', recordId: pickingId, document: 'shipmentStatus', reason: 'no partner profile takes a shipmentStatus out for its contact' },
      ]);
    });
  });

  describe('a record that cannot be mapped', () => {
    it('becomes an exception naming the Odoo record and what is missing, once, and the poll goes on', async () => {
      const mystery = sim.data.create('product.product', { name: 'Mystery Box', list_price: 1, ...(version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' }) });
      sim.data.setStock(mystery, 10);
      const { pickingId } = saleDelivery(ref('simulator.partner_acme'), 'PO-MYSTERY', [[mystery, 1, 1]]);
      sim.user.validatePicking(pickingId);
      const delivery = nameOf('stock.picking', pickingId);
      const before = await documentsOf('acme-x12', 'ship-notice');
      // The shipment status needs no items, so it goes; the ship notice does not, for either partner.
      expect(await poll()).toMatchObject({ stored: 2, exceptions: 2 });
      await afterLastWrite('stock.picking', pickingId);
      sim.data.write('stock.picking', pickingId, { carrier_tracking_ref: 'AGAIN' });
      expect(await poll()).toMatchObject({ read: 1, stored: 0, exceptions: 0 });
      const exceptions = await harness.pool.query<{ code: string; message: string; partner: string; reference: string; actions: string[] }>(
        `SELECT code, message, partner, reference, actions FROM exceptions WHERE key LIKE 'odoo-outbound:%' ORDER BY key`,
      );
      expect(exceptions.rows).toHaveLength(2);
      expect(exceptions.rows[0]).toEqual({
        code: 'ODOO_RECORD_UNMAPPABLE',
        message: expect.stringContaining(`Odoo's delivery ${delivery} cannot be sent: the product "Mystery Box" (product.product ${mystery}) on operation 1 has neither an Internal Reference nor a valid barcode`),
        partner: expect.stringMatching(/^acme-/),
        reference: delivery,
        actions: ['DISMISS'],
      });
      expect(await documentsOf('acme-x12', 'ship-notice')).toEqual(before);
    });
  });

  describe('Odoo down during a poll', () => {
    it('leaves the watermark where it was, and the next poll catches up', async () => {
      const id = confirmedPurchase([[ref('simulator.product_gadget'), 7, 15]]);
      const mark = await getOdooWatermark(harness.pool, CONNECTION_KEY, 'purchase.order');
      await sim.faults.down('unavailable');
      await expect(poll()).rejects.toMatchObject({ code: expect.stringMatching(/^ODOO_(UNAVAILABLE|CIRCUIT_OPEN)$/) });
      expect(await getOdooWatermark(harness.pool, CONNECTION_KEY, 'purchase.order')).toEqual(mark);
      await sim.faults.up();
      connection = connectionTo();
      expect(await poll()).toMatchObject({ stored: 2 });
      expect((await documentsOf('widgets-edifact', 'order')).map((row) => row.reference)).toContain(nameOf('purchase.order', id));
    });
  });
});
