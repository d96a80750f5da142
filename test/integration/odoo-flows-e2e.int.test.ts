import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ODOO_VERSIONS } from '../../gateway/odoo/simulator/versions.js';
import { stopLeftoverGateways } from '../helpers/gateway-process.js';
import { flowPartner, invoiceFile, orderFile, partnerId, shipmentStatusFile, shipNoticeFile, type FlowOrder, type Role, type Standard } from '../helpers/odoo-flow-files.js';
import { startOdooGateway, type OdooGateway } from '../helpers/odoo-gateway.js';
import { call } from '../helpers/odoo-simulator.js';
import { createTestFolder } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// Issue 8's inbound flows end to end, once per Odoo series: a real `edi-gateway` process, partners uploading
// through OpenSSH's sftp, the pipeline, and the simulator over its socket. For X12 and EDIFACT alike, an order
// becomes a quotation, a ship notice prepares the receipt of one of our purchase orders, a shipment status
// tracks one of our deliveries, and an invoice becomes a draft vendor bill; each is read back through
// Odoo's own API field by field, and each file's 997 or CONTRL waits in the partner's /outbound.

afterAll(stopLeftoverGateways);

const STANDARDS: readonly Standard[] = ['X12', 'EDIFACT'];
const ROLES: readonly Role[] = ['retailer', 'supplier', 'carrier'];

type Row = Record<string, unknown> & { id: number };
type Many2one = [number, string];

const shipTo: FlowOrder['shipTo'] = { name: 'ACME Store 42', site: '0042', street: '42 Market Street', city: 'Springfield', region: 'IL', postalCode: '62704' };

describe.each(ODOO_VERSIONS)('the inbound flows on Odoo %i', (version) => {
  let odoo: OdooGateway;
  const lineUom = version >= 19 ? 'product_uom_id' : 'product_uom';
  const [moveDone, lineDone] = version >= 17 ? ['quantity', 'quantity'] : ['quantity_done', 'qty_done'];
  const picked = version >= 17 ? { picked: true } : {};
  const read = <T extends Row = Row>(model: string, ids: readonly number[], fields: readonly string[]) => call<T[]>(odoo.sim, model, 'read', [ids], { fields });
  const searchRead = <T extends Row = Row>(model: string, domain: unknown[], fields: readonly string[]) => call<T[]>(odoo.sim, model, 'search_read', [domain], { fields, order: 'id' });

  beforeAll(async () => {
    odoo = await startOdooGateway({
      version,
      folder: await createTestFolder(`odoo-flows-${version}`),
      partners: (publicKey) => STANDARDS.flatMap((standard) => ROLES.map((role) => flowPartner({ role, standard, publicKey }))),
    });
    odoo.sim.data.create('res.partner', { name: 'Fast Freight', is_company: true, ref: 'FASTFREIGHT' });
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
});
