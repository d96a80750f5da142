import type { Invoice } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { ediExternalId, ensureRecord } from '../client/idempotent-write.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';
import { itemWords } from './item-words.js';
import { matchProducts } from './match-products.js';
import { many2oneId, many2oneName, textOf } from './odoo-values.js';
import { supplierPurchaseOrder } from './purchase-order.js';
import type { FlowInput, FlowResult } from './sync-flow.js';
import { odooUnits } from './units.js';

// A supplier's invoice (810 / INVOIC in) becomes a draft vendor bill against its purchase order (reference
// 3.11, 3.12, 3.16), each line linked to its purchase order line, with the order line's taxes, so that Odoo's
// own three-way match sees it. It is checked against the order first: an item not ordered, another unit, a
// unit price that differs by a cent or more, or more than is left to bill on a line refuses the whole
// invoice, naming the lines; nothing is written then. The bill stays a draft for accounts payable to post.
// It is made once: found by the document's external identifier, or by the supplier's invoice number (ref).

/** Prices are compared to the cent: Odoo keeps unit prices to its "Product Price" precision, 2 decimals by default. */
const PRICE_TOLERANCE = 0.005;

export async function syncInvoice(input: FlowInput<Invoice>): FlowResult {
  const { client, canonical: invoice } = input;
  if (invoice.invoiceType !== 'invoice' || (invoice.purpose !== 'original' && invoice.purpose !== 'duplicate')) {
    const what = invoice.invoiceType === 'invoice' ? `an invoice with purpose ${invoice.purpose}` : `a ${invoice.invoiceType}`;
    throw new GatewayError('ODOO_DOCUMENT_UNSUPPORTED', `Invoice ${invoice.invoiceNumber} is ${what}, which the gateway does not write to Odoo: enter it there by hand`);
  }
  if (invoice.orderNumber === undefined) {
    throw new GatewayError('ODOO_RECORD_MISSING', `Invoice ${invoice.invoiceNumber} names no purchase order, so there is none in Odoo to bill it against`);
  }
  const order = await supplierPurchaseOrder(client, { orderNumber: invoice.orderNumber, supplierId: input.partnerId, fields: ['name', 'partner_id', 'order_line'] });
  const vendorId = many2oneId(order.partner_id) ?? input.partnerId;
  const made = await ensureRecord(client, {
    model: 'account.move',
    externalId: ediExternalId(input.idempotencyKey),
    reference: [
      ['move_type', '=', 'in_invoice'],
      ['ref', '=', invoice.invoiceNumber],
      ['partner_id', '=', vendorId],
    ],
    make: async (odoo) => odoo.create('account.move', await billValues(input, order, vendorId)),
  });
  const [bill] = await client.read('account.move', [made.id], { fields: ['name'] });
  const name = textOf(bill?.name);
  return name === undefined || name === '/' ? `draft vendor bill ${made.id} (${invoice.invoiceNumber})` : name;
}

async function billValues(input: FlowInput<Invoice>, order: OdooRecord, vendorId: number): Promise<Record<string, unknown>> {
  const { client, canonical: invoice, odoo, partnerId } = input;
  const orderName = String(order.name);
  const lines = invoice.lines.map((line) => ({ ...line, label: `line ${line.lineNumber}` }));
  const products = await matchProducts(client, { match: odoo.productMatch, partnerId, role: 'buyer' }, lines);
  const units = await odooUnits(client, lines.map(({ label, quantity }) => ({ label, unit: quantity.unit })));
  const orderLines = await client.read('purchase.order.line', order.order_line as number[], {
    fields: ['product_id', 'name', 'product_qty', 'qty_invoiced', 'price_unit', 'product_uom_id', 'tax_ids', 'display_type'],
  });
  const billed = new Map<number, number>();
  const problems: string[] = [];
  const commands = lines.map((line, index) => {
    const where = `${line.label} (${itemWords(line.item)})`;
    const orderLine = orderLines.find((candidate) => !candidate.display_type && many2oneId(candidate.product_id) === products[index]);
    const quantity = Number(line.quantity.value);
    const price = Number(line.unitPrice.amount);
    if (orderLine === undefined) {
      problems.push(`${where} is not on ${orderName}`);
      return [];
    }
    const left = Number(orderLine.product_qty) - Number(orderLine.qty_invoiced) - (billed.get(orderLine.id) ?? 0);
    billed.set(orderLine.id, (billed.get(orderLine.id) ?? 0) + quantity);
    if (many2oneId(orderLine.product_uom_id) !== units[index]) problems.push(`${where} is in ${line.quantity.unit}, while ${orderName} orders it in ${many2oneName(orderLine.product_uom_id) ?? 'another unit'}`);
    if (Math.abs(price - Number(orderLine.price_unit)) >= PRICE_TOLERANCE) problems.push(`${where} costs ${line.unitPrice.amount} a unit, ${Number(orderLine.price_unit).toFixed(2)} on ${orderName}`);
    if (quantity > left + 1e-9) problems.push(`${where} bills ${line.quantity.value}, while ${Math.max(0, left)} of it ${left === 1 ? 'is' : 'are'} left to bill on ${orderName}`);
    return [
      [
        0,
        0,
        {
          product_id: products[index],
          name: `${orderName}: ${String(orderLine.name)}`,
          quantity,
          price_unit: price,
          product_uom_id: units[index],
          tax_ids: [[6, 0, (orderLine.tax_ids as number[] | undefined) ?? []]],
          purchase_line_id: orderLine.id,
        },
      ],
    ];
  });
  if (problems.length > 0) throw new GatewayError('ODOO_ORDER_MISMATCH', `Invoice ${invoice.invoiceNumber} does not agree with purchase order ${orderName}: ${problems.join('; ')}`);
  return {
    move_type: 'in_invoice',
    partner_id: vendorId,
    ref: invoice.invoiceNumber,
    invoice_date: invoice.dates.invoiced.date,
    invoice_origin: orderName,
    ...(invoice.terms?.netDueDate === undefined ? {} : { invoice_date_due: invoice.terms.netDueDate }),
    invoice_line_ids: commands.flat(),
  };
}
