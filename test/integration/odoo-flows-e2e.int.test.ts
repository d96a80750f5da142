import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ODOO_VERSIONS } from '../../gateway/odoo/simulator/versions.js';
import { stopLeftoverGateways } from '../helpers/gateway-process.js';
import { flowPartner, invoiceFile, orderFile, partnerId, readSentFile, shipmentStatusFile, shipNoticeFile, type FlowOrder, type Role, type SentFile, type Standard } from '../helpers/odoo-flow-files.js';
import { startOdooGateway, type OdooGateway } from '../helpers/odoo-gateway.js';
import { call } from '../helpers/odoo-simulator.js';
import { createTestFolder } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// Issue 8's eight flows end to end, once per Odoo series: a real `edi-gateway` process, partners uploading
// and downloading through OpenSSH's sftp, the pipeline, and the simulator over its socket. Inbound, for X12
// and EDIFACT alike, an order becomes a quotation, a ship notice prepares the receipt of one of our purchase
// orders, a shipment status tracks one of our deliveries, and an invoice becomes a draft vendor bill; each is
// read back through Odoo's own API field by field, and each file's 997 or CONTRL waits in the partner's
// /outbound. Outbound, what a user does in Odoo (confirm a purchase order, validate a delivery, post an
// invoice) is found by the gateway's poller and waits in the vendor's or the customer's /outbound as an 850,
// 856, 214 and 810 or an ORDERS, DESADV, IFTSTA and INVOIC, read with the gateway's own readers and checked
// field by field against the Odoo records, and sent once however many polls pass.

afterAll(stopLeftoverGateways);

const STANDARDS: readonly Standard[] = ['X12', 'EDIFACT'];
const ROLES: readonly Role[] = ['retailer', 'supplier', 'carrier'];
const OUTBOUND_ROLES = ['customer', 'vendor'] as const;

type Row = Record<string, unknown> & { id: number };
type Many2one = [number, string];

/** A valid SSCC-18, the name of the package the customer's goods leave in. */
const SSCC = '003456789012345670';
const TRACKING = '1Z999AA10123456784';

interface SentRow {
  readonly partner: string;
  readonly kind: string;
  readonly reference: string;
  readonly state: string;
  readonly fileName: string;
}

/** An Odoo datetime (UTC) or date as X12 and EDIFACT write its date, CCYYMMDD, and its time, HHMMSS. */
const ediDate = (odoo: unknown) => String(odoo).slice(0, 10).replaceAll('-', '');
const ediTime = (odoo: unknown) => String(odoo).slice(11, 19).replaceAll(':', '');
const segmentsOf = (file: SentFile, tag: string) => file.segments.filter((segment) => segment[0] === tag);

const shipTo: FlowOrder['shipTo'] = { name: 'ACME Store 42', site: '0042', street: '42 Market Street', city: 'Springfield', region: 'IL', postalCode: '62704' };

describe.each(ODOO_VERSIONS)('the eight flows on Odoo %i', (version) => {
  let odoo: OdooGateway;
  let outboundContacts: Record<(typeof OUTBOUND_ROLES)[number], number>;
  const lineUom = version >= 19 ? 'product_uom_id' : 'product_uom';
  const [moveDone, lineDone] = version >= 17 ? ['quantity', 'quantity'] : ['quantity_done', 'qty_done'];
  const picked = version >= 17 ? { picked: true } : {};
  const read = <T extends Row = Row>(model: string, ids: readonly number[], fields: readonly string[]) => call<T[]>(odoo.sim, model, 'read', [ids], { fields });
  const searchRead = <T extends Row = Row>(model: string, domain: unknown[], fields: readonly string[]) => call<T[]>(odoo.sim, model, 'search_read', [domain], { fields, order: 'id' });

  beforeAll(async () => {
    odoo = await startOdooGateway({
      version,
      folder: await createTestFolder(`odoo-flows-${version}`),
      partners: (publicKey) => STANDARDS.flatMap((standard) => [...ROLES, ...OUTBOUND_ROLES].map((role) => flowPartner({ role, standard, publicKey }))),
      // Odoo's own work goes out within a poll or two; what the inbound flows do in Odoo is for contacts no partner takes it out for.
      pollMs: 1000,
    });
    const { data } = odoo.sim;
    data.create('res.partner', { name: 'Fast Freight', is_company: true, ref: 'FASTFREIGHT' });
    const country = data.ref('base.us');
    const globex = data.create('res.partner', { name: 'Globex Stores', is_company: true, ref: 'GLOBEX', street: '7 Harbor Way', city: 'Cypress Creek', zip: '97405', country_id: country, customer_rank: 1 });
    const initech = data.create('res.partner', { name: 'Initech Parts', is_company: true, ref: 'INITECH', country_id: country, supplier_rank: 1 });
    const widgetTemplate = data.read('product.product', data.ref('simulator.product_widget'), ['product_tmpl_id'])[0]!.product_tmpl_id as Many2one;
    data.create('product.supplierinfo', { partner_id: initech, product_tmpl_id: widgetTemplate[0], product_code: 'IN-W1', price: 5.5 });
    data.setXmlid('scac.SDLV', 'delivery.carrier', data.ref('simulator.carrier_standard'));
    outboundContacts = { customer: globex, vendor: initech };
  }, 120_000);
  afterAll(async () => {
    await odoo?.stop();
  });

  /** A confirmed purchase order from Widget Supply Co, its receipt waiting; its id, name and lines. */
  function purchase(lines: readonly [xmlid: string, quantity: number, price: number][]): { id: number; name: string; lines: number[] } {
    const { data, user } = odoo.sim;
    const id = data.create('purchase.order', {
      partner_id: data.ref('simulator.partner_widget_supply'),
      order_line: lines.map(([xmlid, product_qty, price_unit]) => [0, 0, { product_id: data.ref(xmlid), product_qty, price_unit }]),
    });
    user.confirmPurchaseOrder(id);
    const [row] = data.read('purchase.order', id, ['name', 'order_line']);
    return { id, name: String(row!.name), lines: row!.order_line as number[] };
  }

  /** A confirmed sale order of ACME Retail's, its delivery waiting; the delivery's id and name. */
  function delivery(reference: string): { id: number; name: string } {
    const { data, user } = odoo.sim;
    const orderId = data.create('sale.order', {
      partner_id: data.ref('simulator.partner_acme'),
      client_order_ref: reference,
      order_line: [[0, 0, { product_id: data.ref('simulator.product_widget'), product_uom_qty: 1 }]],
    });
    user.confirmSaleOrder(orderId);
    const [picking] = data.searchRead('stock.picking', [['sale_id', '=', orderId]], ['name']);
    return { id: picking!.id as number, name: String(picking!.name) };
  }

  it.each(STANDARDS)('in %s: an order, a ship notice, a shipment status and an invoice uploaded over SFTP land in Odoo, and are acknowledged', async (standard) => {
    const { sim } = odoo;
    const tag = `${version}-${standard === 'X12' ? 'X' : 'E'}`;
    const widget = sim.data.ref('simulator.product_widget');
    const gadget = sim.data.ref('simulator.product_gadget');
    const serum = sim.data.ref('simulator.product_serum');
    const vendor = sim.data.ref('simulator.partner_widget_supply');
    const received = purchase([
      ['simulator.product_widget', 10, 5.5],
      ['simulator.product_serum', 4, 30],
    ]);
    const billed = purchase([
      ['simulator.product_widget', 10, 5.5],
      ['simulator.product_gadget', 5, 15],
    ]);
    const shipped = delivery(`SO-${tag}`);
    const order: FlowOrder = {
      number: `PO-${tag}`,
      requested: '20250310',
      shipTo,
      lines: [
        { item: 'WIDGET-1', quantity: 12, price: '9.50' },
        { item: 'GADGET-2', quantity: 2, price: '25.00' },
      ],
    };
    const shipment = `SH-${tag}`;
    const pro = `PRO-${tag}`;
    const invoiceNumber = `INV-${tag}`;

    const retailer = partnerId('retailer', standard);
    const supplier = partnerId('supplier', standard);
    const carrier = partnerId('carrier', standard);
    const names = { order: `order-${tag}.edi`, notice: `notice-${tag}.edi`, invoice: `invoice-${tag}.edi`, status: `status-${tag}.edi` };
    await odoo.upload(retailer, [{ name: names.order, content: orderFile(standard, 1, order) }]);
    await odoo.upload(supplier, [
      { name: names.notice, content: shipNoticeFile(standard, 1, { shipmentId: shipment, orderNumber: received.name, lines: [{ item: 'WIDGET-1', quantity: 6 }, { item: 'SERUM-LOT', quantity: 3, lot: 'L-A' }, { item: 'SERUM-LOT', quantity: 1, lot: 'L-B' }] }) },
      { name: names.invoice, content: invoiceFile(standard, 2, { number: invoiceNumber, orderNumber: billed.name, lines: [{ item: 'WIDGET-1', quantity: 10, price: '5.50' }, { item: 'GADGET-2', quantity: 5, price: '15.00' }] }) },
    ]);
    await odoo.upload(carrier, [{ name: names.status, content: shipmentStatusFile(standard, 1, { shipmentId: shipped.name, proNumber: pro, date: '20250305', time: '0915', city: 'Columbus' }) }]);
    const files = await odoo.processed(Object.values(names), 90_000);
    expect(files.map((file) => [file.partner, file.name, file.state]).sort()).toEqual(
      [
        [carrier, names.status, 'PROCESSED'],
        [retailer, names.order, 'PROCESSED'],
        [supplier, names.invoice, 'PROCESSED'],
        [supplier, names.notice, 'PROCESSED'],
      ].sort(),
    );

    // The order: a quotation for ACME Retail, its store as the delivery address, the requested date, the PO number, the lines.
    const [saleOrder, ...more] = await searchRead('sale.order', [['client_order_ref', '=', order.number]], ['partner_id', 'partner_shipping_id', 'client_order_ref', 'commitment_date', 'state', 'order_line']);
    expect(more).toEqual([]);
    expect(saleOrder).toEqual({
      id: expect.any(Number),
      partner_id: [sim.data.ref('simulator.partner_acme'), 'ACME Retail'],
      partner_shipping_id: [expect.any(Number), 'ACME Retail, ACME Store 42'],
      client_order_ref: order.number,
      commitment_date: '2025-03-10 12:00:00',
      state: 'draft',
      order_line: [expect.any(Number), expect.any(Number)],
    });
    const [address] = await read('res.partner', [(saleOrder!.partner_shipping_id as Many2one)[0]], ['parent_id', 'type', 'name', 'street', 'city', 'zip']);
    expect(address).toEqual({ id: expect.any(Number), parent_id: [sim.data.ref('simulator.partner_acme'), 'ACME Retail'], type: 'delivery', name: 'ACME Store 42', street: '42 Market Street', city: 'Springfield', zip: '62704' });
    const unit = sim.data.ref('uom.product_uom_unit');
    expect(await read('sale.order.line', saleOrder!.order_line as number[], ['product_id', 'product_uom_qty', lineUom, 'price_unit'])).toEqual([
      { id: expect.any(Number), product_id: [widget, '[WIDGET-1] Widget'], product_uom_qty: 12, [lineUom]: [unit, 'Units'], price_unit: 9.5 },
      { id: expect.any(Number), product_id: [gadget, '[GADGET-2] Gadget'], product_uom_qty: 2, [lineUom]: [unit, 'Units'], price_unit: 25 },
    ]);

    // The ship notice: the receipt's moves and lots filled in and picked, the receipt not validated, a note naming the notice.
    const [receipt, ...otherReceipts] = await searchRead('stock.picking', [['purchase_id', '=', received.id]], ['state', 'date_done']);
    expect(otherReceipts).toEqual([]);
    expect(receipt).toEqual({ id: expect.any(Number), state: 'assigned', date_done: false });
    expect(await searchRead('stock.move', [['picking_id', '=', receipt!.id]], ['product_id', 'product_uom_qty', moveDone, ...Object.keys(picked)])).toEqual([
      { id: expect.any(Number), product_id: [widget, '[WIDGET-1] Widget'], product_uom_qty: 10, [moveDone]: 6, ...picked },
      { id: expect.any(Number), product_id: [serum, '[SERUM-LOT] Chilled Serum'], product_uom_qty: 4, [moveDone]: 4, ...picked },
    ]);
    expect(await searchRead('stock.move.line', [['picking_id', '=', receipt!.id]], ['product_id', lineDone, 'lot_name'])).toEqual([
      { id: expect.any(Number), product_id: [widget, '[WIDGET-1] Widget'], [lineDone]: 6, lot_name: false },
      { id: expect.any(Number), product_id: [serum, '[SERUM-LOT] Chilled Serum'], [lineDone]: 3, lot_name: 'L-A' },
      { id: expect.any(Number), product_id: [serum, '[SERUM-LOT] Chilled Serum'], [lineDone]: 1, lot_name: 'L-B' },
    ]);
    const receiptNotes = await searchRead('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', receipt!.id]], ['body']);
    expect(receiptNotes).toEqual([
      {
        id: expect.any(Number),
        body: expect.stringMatching(
          new RegExp(`^Ship notice ${shipment} from ${supplier} \\(EDI document \\d+\\) prepared this receipt: 6 EA of buyer item WIDGET-1; 3 EA of buyer item SERUM-LOT in lot L-A; 1 EA of buyer item SERUM-LOT in lot L-B\\. Check the goods and validate it\\.$`),
        ),
      },
    ]);

    // The shipment status: the PRO number as the delivery's tracking reference, the milestone in its chatter.
    expect(await read('stock.picking', [shipped.id], ['carrier_tracking_ref', 'state'])).toEqual([{ id: shipped.id, carrier_tracking_ref: pro, state: 'assigned' }]);
    const where = standard === 'X12' ? 'Columbus, OH, US' : 'Columbus';
    expect(await searchRead('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', shipped.id]], ['body'])).toEqual([
      { id: expect.any(Number), body: expect.stringMatching(new RegExp(`^Carrier status from ${carrier} \\(EDI document \\d+\\): Delivered 2025-03-05 09:15 at ${where}\\.$`)) },
    ]);

    // The invoice: a draft vendor bill for the purchase order, each line linked to its order line.
    const [bill, ...otherBills] = await searchRead('account.move', [['ref', '=', invoiceNumber], ['move_type', '=', 'in_invoice']], [
      'state',
      'partner_id',
      'invoice_date',
      'invoice_origin',
      'amount_untaxed',
      'invoice_line_ids',
    ]);
    expect(otherBills).toEqual([]);
    expect(bill).toEqual({
      id: expect.any(Number),
      state: 'draft',
      partner_id: [vendor, 'Widget Supply Co'],
      invoice_date: '2025-03-07',
      invoice_origin: billed.name,
      amount_untaxed: 130,
      invoice_line_ids: [expect.any(Number), expect.any(Number)],
    });
    expect(await read('account.move.line', bill!.invoice_line_ids as number[], ['product_id', 'quantity', 'price_unit', 'price_subtotal', 'purchase_line_id'])).toEqual([
      { id: expect.any(Number), product_id: [widget, '[WIDGET-1] Widget'], quantity: 10, price_unit: 5.5, price_subtotal: 55, purchase_line_id: [billed.lines[0], expect.any(String)] },
      { id: expect.any(Number), product_id: [gadget, '[GADGET-2] Gadget'], quantity: 5, price_unit: 15, price_subtotal: 75, purchase_line_id: [billed.lines[1], expect.any(String)] },
    ]);
    expect((await read('purchase.order', [billed.id], ['invoice_ids']))[0]!.invoice_ids).toEqual([bill!.id]);

    // Each interchange accepted in the sender's /outbound: a 997 per group (X12), a CONTRL per interchange (EDIFACT).
    for (const [partner, controls] of [
      [retailer, [1]],
      [supplier, [1, 2]],
      [carrier, [1]],
    ] as const) {
      const acks = [...(await odoo.outbound(partner)).values()];
      for (const control of controls) {
        if (standard === 'X12') expect(acks).toContainEqual(expect.stringMatching(new RegExp(`AK1\\*\\w\\w\\*${control}~[\\s\\S]*AK5\\*A~[\\s\\S]*AK9\\*A\\*1\\*1\\*1~`)));
        else expect(acks).toContainEqual(expect.stringMatching(new RegExp(`UCI\\+R${control}\\+[^']*\\+7'`)));
      }
      expect(acks).toHaveLength(controls.length);
    }
  }, 180_000);

  it.each(STANDARDS)('in %s: an invoice that does not agree with its purchase order makes no bill, and opens an exception naming the line', async (standard) => {
    const billed = purchase([['simulator.product_widget', 10, 5.5]]);
    const invoiceNumber = `INV-BAD-${version}-${standard === 'X12' ? 'X' : 'E'}`;
    const supplier = partnerId('supplier', standard);
    await odoo.upload(supplier, [
      { name: `${invoiceNumber}.edi`, content: invoiceFile(standard, 3, { number: invoiceNumber, orderNumber: billed.name, lines: [{ item: 'WIDGET-1', quantity: 10, price: '6.00' }] }) },
    ]);
    const exception = await waitFor('the exception', async () => {
      const { rows } = await odoo.db.query<{ code: string; message: string; partner: string }>('SELECT code, message, partner FROM exceptions WHERE reference = $1', [invoiceNumber]);
      return rows[0];
    }, 60_000);
    const file = (await odoo.files()).find((received) => received.name === `${invoiceNumber}.edi`);
    const set = standard === 'X12' ? '810 0001' : 'INVOIC 1';
    expect(exception).toEqual({
      code: 'ODOO_ORDER_MISMATCH',
      message: `The invoice ${invoiceNumber} (${set} in file ${file!.id}) was refused by the system of record: Invoice ${invoiceNumber} does not agree with purchase order ${billed.name}: line 1 (buyer item WIDGET-1) costs 6.00 a unit, 5.50 on ${billed.name}`,
      partner: supplier,
    });
    expect(await searchRead('account.move', [['ref', '=', invoiceNumber]], ['state'])).toEqual([]);
  }, 120_000);

  it("sends Odoo's own work over SFTP: a purchase order to the vendor, a delivery's ship notice and shipment status and its invoice to the customer, in X12 and EDIFACT, each once", async () => {
    const { data, user } = odoo.sim;
    const widget = data.ref('simulator.product_widget');
    const gadget = data.ref('simulator.product_gadget');
    const serum = data.ref('simulator.product_serum');
    const purchaseId = data.create('purchase.order', {
      partner_id: outboundContacts.vendor,
      date_planned: '2026-12-01 10:00:00',
      order_line: [
        [0, 0, { product_id: widget, product_qty: 12, price_unit: 5.5 }],
        [0, 0, { product_id: gadget, product_qty: 3, price_unit: 15 }],
      ],
    });
    user.confirmPurchaseOrder(purchaseId);
    const saleId = data.create('sale.order', {
      partner_id: outboundContacts.customer,
      client_order_ref: `GLOBEX-${version}`,
      order_line: [
        [0, 0, { product_id: widget, product_uom_qty: 4, price_unit: 10 }],
        [0, 0, { product_id: serum, product_uom_qty: 2, price_unit: 40 }],
      ],
    });
    user.confirmSaleOrder(saleId);
    const [pickingId] = data.search('stock.picking', [['sale_id', '=', saleId]]);
    const pack = data.create(version >= 19 ? 'stock.package' : 'stock.quant.package', { name: SSCC });
    data.write('stock.move.line', data.search('stock.move.line', [['picking_id', '=', pickingId], ['product_id', '=', widget]]), { result_package_id: pack });
    data.write('stock.picking', pickingId!, { carrier_id: data.ref('simulator.carrier_standard'), carrier_tracking_ref: TRACKING });
    user.validatePicking(pickingId!, { lots: { [serum]: 'LOT-001' } });
    const invoiceId = user.invoiceSaleOrder(saleId);
    user.postInvoice(invoiceId);

    const partners = STANDARDS.flatMap((standard) => OUTBOUND_ROLES.map((role) => partnerId(role, standard)));
    const sentRows = () =>
      odoo.db.query<SentRow>(`SELECT partner, kind, reference, state, file_name AS "fileName" FROM outbound_documents WHERE partner = ANY($1) ORDER BY partner, kind`, [partners]);
    const sent = await waitFor('the eight documents delivered', async () => {
      const { rows } = await sentRows();
      return rows.length === 8 && rows.every((row) => row.state === 'AWAITING_ACK') ? rows : undefined;
    }, 60_000);

    // What Odoo holds, which the files must say.
    const [order] = data.read('purchase.order', purchaseId, ['name', 'date_order', 'date_planned', 'order_line']);
    const orderLines = data.read('purchase.order.line', order!.order_line as number[], ['product_id', 'product_qty', 'price_unit']);
    const [sale] = data.read('sale.order', saleId, ['client_order_ref', 'date_order']);
    const [picking] = data.read('stock.picking', pickingId!, ['name', 'date_done', 'carrier_tracking_ref', 'state']);
    const moves = data.searchRead('stock.move', [['picking_id', '=', pickingId]], ['product_id', moveDone]);
    const moveLines = data.searchRead('stock.move.line', [['picking_id', '=', pickingId]], ['product_id', 'lot_id', 'result_package_id']);
    const [invoice] = data.read('account.move', invoiceId, ['name', 'state', 'invoice_date', 'amount_untaxed', 'amount_tax', 'amount_total', 'invoice_line_ids']);
    const invoiceLines = data.read('account.move.line', invoice!.invoice_line_ids as number[], ['product_id', 'quantity', 'price_unit', 'price_subtotal']);
    const products = new Map(data.read('product.product', [widget, gadget, serum], ['default_code', 'barcode']).map((product) => [product.id as number, product]));
    const product = (line: Record<string, unknown>) => products.get((line.product_id as Many2one)[0])!;
    const done = String(picking!.date_done);
    const doneMoves = new Map(moves.map((move) => [(move.product_id as Many2one)[0], String(move[moveDone])]));
    const lotOf = (id: number) => (moveLines.find((line) => (line.product_id as Many2one)[0] === id)!.lot_id as Many2one)[1];
    const packageOf = (id: number) => (moveLines.find((line) => (line.product_id as Many2one)[0] === id)!.result_package_id as Many2one)[1];
    expect(picking).toMatchObject({ state: 'done', carrier_tracking_ref: TRACKING });
    expect(invoice).toMatchObject({ state: 'posted' });
    expect([lotOf(serum), packageOf(widget)]).toEqual(['LOT-001', SSCC]);
    const customerRef = String(sale!.client_order_ref);
    const tracking = String(picking!.carrier_tracking_ref);

    // Each partner's /outbound, fetched with OpenSSH's sftp: one file per document, named <message>-<interchange control number>.
    const outbound = new Map<string, Map<string, string>>();
    for (const partner of partners) outbound.set(partner, await odoo.outbound(partner));
    const read = (partner: string, kind: string): SentFile => {
      const row = sent.find((candidate) => candidate.partner === partner && candidate.kind === kind)!;
      const standard: Standard = partner.endsWith('x12') ? 'X12' : 'EDIFACT';
      const file = readSentFile(standard, outbound.get(partner)!.get(row.fileName)!);
      expect(row.fileName).toBe(`${file.message}-${file.interchange}.${standard === 'X12' ? 'x12' : 'edi'}`);
      expect(file.usage).toBe(standard === 'X12' ? 'T' : '1');
      return file;
    };
    expect(sent.map((row) => [row.partner, row.kind, row.reference])).toEqual([
      ['customer-edi', 'invoice', invoice!.name],
      ['customer-edi', 'ship-notice', picking!.name],
      ['customer-edi', 'shipment-status', picking!.name],
      ['customer-x12', 'invoice', invoice!.name],
      ['customer-x12', 'ship-notice', picking!.name],
      ['customer-x12', 'shipment-status', picking!.name],
      ['vendor-edi', 'order', order!.name],
      ['vendor-x12', 'order', order!.name],
    ]);
    for (const partner of partners) expect([...outbound.get(partner)!.keys()].sort()).toEqual(sent.filter((row) => row.partner === partner).map((row) => row.fileName).sort());

    // The 850: our PO number and dates, each line with our Internal Reference, the vendor's code, the barcode, quantity and price.
    const x850 = read('vendor-x12', 'order');
    expect(x850.message).toBe('850');
    expect(segmentsOf(x850, 'BEG')).toEqual([['BEG', '00', 'SA', order!.name, '', ediDate(order!.date_order)]]);
    expect(segmentsOf(x850, 'DTM')).toEqual([
      ['DTM', '004', ediDate(order!.date_order), ediTime(order!.date_order), 'UT'],
      ['DTM', '002', ediDate(order!.date_planned), ediTime(order!.date_planned), 'UT'],
    ]);
    expect(segmentsOf(x850, 'PO1')).toEqual(
      orderLines.map((line, index) => [
        'PO1',
        String(index + 1),
        String(line.product_qty),
        'EA',
        String(line.price_unit),
        '',
        'UP',
        product(line).barcode,
        'BP',
        product(line).default_code,
        ...((line.product_id as Many2one)[0] === widget ? ['VP', 'IN-W1'] : []),
      ]),
    );
    // The ORDERS: the same, in EDIFACT's words.
    const orders = read('vendor-edi', 'order');
    expect(orders.message).toBe('ORDERS');
    expect(segmentsOf(orders, 'BGM')).toEqual([['BGM', '220', order!.name, '9']]);
    expect(segmentsOf(orders, 'DTM')).toEqual([
      ['DTM', `137:${ediDate(order!.date_order)}${ediTime(order!.date_order)}+0000:304`],
      ['DTM', `2:${ediDate(order!.date_planned)}${ediTime(order!.date_planned)}+0000:304`],
    ]);
    expect(segmentsOf(orders, 'LIN')).toEqual(orderLines.map((line, index) => ['LIN', String(index + 1), '', `${product(line).barcode}:EN`]));
    expect(segmentsOf(orders, 'PIA')).toEqual([
      ['PIA', '1', 'WIDGET-1:BP', 'IN-W1:VP'],
      ['PIA', '1', 'GADGET-2:BP'],
    ]);
    expect(segmentsOf(orders, 'QTY')).toEqual(orderLines.map((line) => ['QTY', `21:${line.product_qty}:EA`]));
    expect(segmentsOf(orders, 'PRI')).toEqual(orderLines.map((line) => ['PRI', `AAA:${line.price_unit}`]));

    // The 856: the delivery as shipment, its carrier's SCAC and tracking number, the widgets in the SSCC-labelled package, the serum with its lot.
    const x856 = read('customer-x12', 'ship-notice');
    expect(x856.message).toBe('856');
    expect(segmentsOf(x856, 'BSN')).toEqual([['BSN', '00', picking!.name, ediDate(done), ediTime(done), '0001']]);
    expect(segmentsOf(x856, 'HL')).toEqual([
      ['HL', '1', '', 'S', '1'],
      ['HL', '2', '1', 'O', '1'],
      ['HL', '3', '2', 'P', '1'],
      ['HL', '4', '3', 'I', '0'],
      ['HL', '5', '2', 'I', '0'],
    ]);
    expect(segmentsOf(x856, 'TD5')).toEqual([['TD5', '', '2', 'SDLV']]);
    expect(segmentsOf(x856, 'REF')).toEqual([['REF', 'CN', tracking]]);
    expect(segmentsOf(x856, 'PRF')).toEqual([['PRF', customerRef, '', '', ediDate(sale!.date_order)]]);
    expect(segmentsOf(x856, 'MAN')).toEqual([['MAN', 'GM', `00${packageOf(widget)}`]]);
    expect(segmentsOf(x856, 'LIN')).toEqual([
      ['LIN', '', 'UP', products.get(widget)!.barcode, 'VP', 'WIDGET-1'],
      ['LIN', '', 'EN', products.get(serum)!.barcode, 'VP', 'SERUM-LOT', 'LT', lotOf(serum)],
    ]);
    expect(segmentsOf(x856, 'SN1')).toEqual([
      ['SN1', '', doneMoves.get(widget), 'EA'],
      ['SN1', '', doneMoves.get(serum), 'EA'],
    ]);
    // The DESADV: the loose serum, then the package with its SSCC and the widgets in it.
    const desadv = read('customer-edi', 'ship-notice');
    expect(desadv.message).toBe('DESADV');
    expect(segmentsOf(desadv, 'BGM')).toEqual([['BGM', '351', picking!.name, '9']]);
    expect(segmentsOf(desadv, 'RFF')).toEqual([
      ['RFF', `CN:${tracking}`],
      ['RFF', `ON:${customerRef}`],
    ]);
    expect(segmentsOf(desadv, 'NAD').find((segment) => segment[1] === 'CA')).toEqual(['NAD', 'CA', 'SDLV::182', '', 'Standard Delivery']);
    expect(segmentsOf(desadv, 'CPS')).toEqual([
      ['CPS', '1'],
      ['CPS', '2', '1'],
    ]);
    expect(segmentsOf(desadv, 'PAC')).toEqual([
      ['PAC', '1'],
      ['PAC', '1', '', 'CT'],
    ]);
    expect(segmentsOf(desadv, 'GIN')).toEqual([['GIN', 'BJ', packageOf(widget)]]);
    expect(segmentsOf(desadv, 'LIN')).toEqual([
      ['LIN', '1', '', `${products.get(serum)!.barcode}:EN`],
      ['LIN', '2', '', `${products.get(widget)!.barcode}:EN`],
    ]);
    expect(segmentsOf(desadv, 'PIA')).toEqual([
      ['PIA', '1', 'SERUM-LOT:VP', `${lotOf(serum)}:NB`],
      ['PIA', '1', 'WIDGET-1:VP'],
    ]);
    expect(segmentsOf(desadv, 'QTY')).toEqual([
      ['QTY', `12:${doneMoves.get(serum)}:EA`],
      ['QTY', `12:${doneMoves.get(widget)}:EA`],
    ]);

    // The 214 and the IFTSTA: shipped (picked up) when the delivery was validated.
    const x214 = read('customer-x12', 'shipment-status');
    expect(x214.message).toBe('214');
    expect(segmentsOf(x214, 'B10')).toEqual([['B10', tracking, picking!.name, 'SDLV']]);
    expect(segmentsOf(x214, 'L11')).toEqual([['L11', customerRef, 'PO']]);
    expect(segmentsOf(x214, 'AT7')).toEqual([['AT7', 'AF', 'NS', '', '', ediDate(done), ediTime(done), 'UT']]);
    const iftsta = read('customer-edi', 'shipment-status');
    expect(iftsta.message).toBe('IFTSTA');
    expect(segmentsOf(iftsta, 'CNI')).toEqual([['CNI', '1', picking!.name]]);
    expect(segmentsOf(iftsta, 'STS')).toEqual([['STS', '1', '13']]);
    expect(segmentsOf(iftsta, 'DTM')).toEqual([['DTM', `334:${ediDate(done)}${ediTime(done)}+0000:304`]]);
    expect(segmentsOf(iftsta, 'RFF')).toEqual([
      ['RFF', `CN:${tracking}`],
      ['RFF', `ON:${customerRef}`],
    ]);

    // The 810 and the INVOIC: Odoo's invoice number, date, lines and totals.
    const x810 = read('customer-x12', 'invoice');
    expect(x810.message).toBe('810');
    expect(segmentsOf(x810, 'BIG')).toEqual([['BIG', ediDate(invoice!.invoice_date), invoice!.name, '', customerRef, '', '', '', '00']]);
    expect(segmentsOf(x810, 'IT1')).toEqual(
      invoiceLines.map((line, index) => [
        'IT1',
        String(index + 1),
        String(line.quantity),
        'EA',
        String(line.price_unit),
        '',
        (line.product_id as Many2one)[0] === widget ? 'UP' : 'EN',
        product(line).barcode,
        'VP',
        product(line).default_code,
      ]),
    );
    expect(segmentsOf(x810, 'TDS')).toEqual([['TDS', String(Math.round(Number(invoice!.amount_total) * 100))]]);
    const invoic = read('customer-edi', 'invoice');
    expect(invoic.message).toBe('INVOIC');
    expect(segmentsOf(invoic, 'BGM')).toEqual([['BGM', '380', invoice!.name, '9']]);
    expect(segmentsOf(invoic, 'DTM')[0]).toEqual(['DTM', `137:${ediDate(invoice!.invoice_date)}:102`]);
    expect(segmentsOf(invoic, 'QTY')).toEqual(invoiceLines.map((line) => ['QTY', `47:${line.quantity}:EA`]));
    expect(segmentsOf(invoic, 'MOA')).toEqual([
      ...invoiceLines.map((line) => ['MOA', `203:${line.price_subtotal}`]),
      ['MOA', `79:${invoice!.amount_untaxed}`],
      ['MOA', `176:${invoice!.amount_tax}`],
      ['MOA', `77:${invoice!.amount_total}`],
    ]);

    // Each sent once: two polls that see a new record (a purchase order no partner takes) pass, and nothing more is sent.
    for (const marker of [purchase([['simulator.product_gadget', 1, 15]]), purchase([['simulator.product_gadget', 2, 15]])]) {
      await waitFor(`purchase order ${marker.name} skipped by a poll`, async () => {
        const { rows } = await odoo.db.query('SELECT 1 FROM odoo_skipped_records WHERE model = $1 AND record_id = $2', ['purchase.order', marker.id]);
        return rows.length > 0;
      }, 30_000);
    }
    expect((await sentRows()).rows.map((row) => row.fileName)).toEqual(sent.map((row) => row.fileName));
    for (const partner of partners) expect([...(await odoo.outbound(partner)).keys()].sort()).toEqual([...outbound.get(partner)!.keys()].sort());
  }, 180_000);

  it("relays a carrier's report that a delivery arrived to the customer: a delivered 214 and IFTSTA after the shipped ones, each once", async () => {
    const { data, user } = odoo.sim;
    const saleId = data.create('sale.order', {
      partner_id: outboundContacts.customer,
      client_order_ref: `GLOBEX-DLV-${version}`,
      order_line: [[0, 0, { product_id: data.ref('simulator.product_widget'), product_uom_qty: 1, price_unit: 10 }]],
    });
    user.confirmSaleOrder(saleId);
    const [pickingId] = data.search('stock.picking', [['sale_id', '=', saleId]]);
    const tracking = `1ZDLV${version}`;
    data.write('stock.picking', pickingId!, { carrier_id: data.ref('simulator.carrier_standard'), carrier_tracking_ref: tracking });
    user.validatePicking(pickingId!, {});
    const name = String(data.read('stock.picking', pickingId!, ['name'])[0]!.name);
    const statuses = async () =>
      (await odoo.db.query<SentRow>(`SELECT partner, kind, reference, state, file_name AS "fileName" FROM outbound_documents WHERE kind = 'shipment-status' AND reference = $1 ORDER BY partner, id`, [name])).rows;
    const settled = (count: number) => async () => {
      const rows = await statuses();
      return rows.length === count && rows.every((row) => row.state === 'AWAITING_ACK') ? rows : undefined;
    };
    await waitFor('the shipped statuses', settled(2), 60_000);

    // The carrier says the goods arrived; then the other carrier says it again.
    const report = { shipmentId: name, proNumber: tracking, date: '20261204', time: '1430', city: 'Cypress Creek' };
    await odoo.upload(partnerId('carrier', 'X12'), [{ name: `delivered-${version}.x12`, content: shipmentStatusFile('X12', 50, report) }]);
    const sent = await waitFor('the delivered statuses', settled(4), 60_000);
    await odoo.upload(partnerId('carrier', 'EDIFACT'), [{ name: `delivered-${version}.edi`, content: shipmentStatusFile('EDIFACT', 50, report) }]);
    await waitFor('both reports in the delivery\'s chatter', async () => data.search('mail.message', [['model', '=', 'stock.picking'], ['res_id', '=', pickingId]]).length === 2, 60_000);
    const marker = purchase([['simulator.product_gadget', 3, 15]]);
    await waitFor(`purchase order ${marker.name} skipped by a poll`, async () => (await odoo.db.query('SELECT 1 FROM odoo_skipped_records WHERE model = $1 AND record_id = $2', ['purchase.order', marker.id])).rows.length > 0, 30_000);
    expect(await statuses()).toEqual(sent);

    // Each customer gets the shipped status, then the delivered one at the carrier's date and time.
    const file = async (partner: string, index: number) => readSentFile(partner.endsWith('x12') ? 'X12' : 'EDIFACT', (await odoo.outbound(partner)).get(sent.filter((row) => row.partner === partner)[index]!.fileName)!);
    const [shippedX12, deliveredX12] = [await file('customer-x12', 0), await file('customer-x12', 1)];
    expect(segmentsOf(shippedX12, 'AT7').map((segment) => segment[1])).toEqual(['AF']);
    expect(segmentsOf(deliveredX12, 'B10')).toEqual([['B10', tracking, name, 'SDLV']]);
    expect(segmentsOf(deliveredX12, 'L11')).toEqual([['L11', `GLOBEX-DLV-${version}`, 'PO']]);
    expect(segmentsOf(deliveredX12, 'AT7')).toEqual([['AT7', 'D1', 'NS', '', '', '20261204', '1430']]);
    expect(segmentsOf(deliveredX12, 'MS1')).toEqual([]);
    const [shippedEdifact, deliveredEdifact] = [await file('customer-edi', 0), await file('customer-edi', 1)];
    expect(segmentsOf(shippedEdifact, 'STS')).toEqual([['STS', '1', '13']]);
    expect(segmentsOf(deliveredEdifact, 'CNI')).toEqual([['CNI', '1', name]]);
    expect(segmentsOf(deliveredEdifact, 'STS')).toEqual([['STS', '1', '21']]);
    expect(segmentsOf(deliveredEdifact, 'DTM')).toEqual([['DTM', '334:202612041430:203']]);
  }, 180_000);

  it("sends no ship notice for a delivery of a product it cannot name, opening an exception naming the delivery and the product, and still sends the delivery's shipment status", async () => {
    const { data, user } = odoo.sim;
    const mystery = data.create('product.product', { name: 'Mystery Box', list_price: 1, ...(version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' }) });
    data.setStock(mystery, 10);
    const saleId = data.create('sale.order', { partner_id: outboundContacts.customer, client_order_ref: `GLOBEX-MYSTERY-${version}`, order_line: [[0, 0, { product_id: mystery, product_uom_qty: 1, price_unit: 1 }]] });
    user.confirmSaleOrder(saleId);
    const [pickingId] = data.search('stock.picking', [['sale_id', '=', saleId]]);
    // A carrier with its SCAC, which the 214 cannot do without: what is missing is only the product's name.
    data.write('stock.picking', pickingId!, { carrier_id: data.ref('simulator.carrier_standard') });
    user.validatePicking(pickingId!);
    const delivery = String(data.read('stock.picking', pickingId!, ['name'])[0]!.name);
    const customers = STANDARDS.map((standard) => partnerId('customer', standard)).sort();

    const exceptions = await waitFor('an exception for each customer', async () => {
      const { rows } = await odoo.db.query<{ code: string; message: string; partner: string }>('SELECT code, message, partner FROM exceptions WHERE reference = $1 ORDER BY partner', [delivery]);
      return rows.length === customers.length ? rows : undefined;
    }, 30_000);
    expect(exceptions).toEqual(
      customers.map((partner) => ({
        code: 'ODOO_RECORD_UNMAPPABLE',
        message: expect.stringContaining(`Odoo's delivery ${delivery} cannot be sent: the product "Mystery Box" (product.product ${mystery}) on operation 1 has neither an Internal Reference nor a valid barcode`),
        partner,
      })),
    );
    const sent = await waitFor('the shipment statuses delivered', async () => {
      const { rows } = await odoo.db.query<SentRow>(`SELECT partner, kind, reference, state, file_name AS "fileName" FROM outbound_documents WHERE reference = $1 ORDER BY partner`, [delivery]);
      return rows.length === customers.length && rows.every((row) => row.state === 'AWAITING_ACK') ? rows : undefined;
    }, 30_000);
    expect(sent.map((row) => [row.partner, row.kind])).toEqual(customers.map((partner) => [partner, 'shipment-status']));
    for (const row of sent) {
      const standard: Standard = row.partner.endsWith('x12') ? 'X12' : 'EDIFACT';
      const files = await odoo.outbound(row.partner);
      const status = readSentFile(standard, files.get(row.fileName)!);
      expect(status.message).toBe(standard === 'X12' ? '214' : 'IFTSTA');
      expect(segmentsOf(status, standard === 'X12' ? 'B10' : 'CNI')[0]).toContain(delivery);
      const { rows } = await odoo.db.query<{ fileName: string }>('SELECT file_name AS "fileName" FROM outbound_documents WHERE partner = $1 ORDER BY id', [row.partner]);
      expect([...files.keys()].sort()).toEqual(rows.map((document) => document.fileName).sort());
    }
  }, 120_000);
});
