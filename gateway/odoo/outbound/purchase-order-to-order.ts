import type { Order } from '../../../translators/canonical/index.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';
import { many2oneId, many2oneName, textOf } from '../sync/odoo-values.js';
import { canonicalDateTime, companyParty, decimalOf, itemOf, partyOf, present, readProducts, unitCodes, unitOf, unmappable } from './odoo-readings.js';
import type { OutboundFlow } from './outbound-flow.js';

// A confirmed purchase order (reference 3.12, 3.16) becomes the order we send its supplier: our PO number,
// when it was confirmed and when we want the goods, its product lines with the supplier's own product codes
// (from the products' supplier info for that supplier) beside our Internal References.

export const purchaseOrderToOrder: OutboundFlow = {
  document: 'order',
  parts: [''],
  async drafts({ client, record }) {
    const what = `purchase order ${String(record.name)}`;
    const lines = await client.read('purchase.order.line', orderLineIds(record), {
      fields: ['sequence', 'display_type', 'product_id', 'name', 'product_qty', 'product_uom_id', 'price_unit'],
    });
    const goods = lines.filter((line) => !textOf(line.display_type)).sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
    if (goods.length === 0) throw unmappable(what, 'it has no product lines');
    const products = await readProducts(client, present(goods.map((line) => many2oneId(line.product_id))));
    const codes = await unitCodes(client, present(goods.map((line) => many2oneId(line.product_uom_id))));
    const supplierCodes = await supplierProductCodes(client, many2oneId(record.partner_id), present([...products.values()].map((product) => product.templateId)));
    const currency = many2oneName(record.currency_id);
    const ordered = canonicalDateTime(record.date_approve) ?? canonicalDateTime(record.date_order);
    if (ordered === undefined) throw unmappable(what, 'it has no order date');
    const requested = canonicalDateTime(record.date_planned);
    const order: Omit<Order, 'source'> = {
      kind: 'order',
      purpose: 'original',
      orderNumber: String(record.name),
      dates: { ordered, ...(requested === undefined ? {} : { requestedDelivery: requested }) },
      parties: present([await companyParty(client, 'buyer', record), await partyOf(client, 'seller', many2oneId(record.partner_id))]),
      lines: goods.map((line, index) => {
        const lineWords = `line ${index + 1}`;
        const product = products.get(many2oneId(line.product_id) ?? 0);
        return {
          lineNumber: String(index + 1),
          item: itemOf(product, 'buyer', what, lineWords, product?.templateId === undefined ? undefined : supplierCodes.get(product.templateId)),
          quantity: { value: decimalOf(line.product_qty), unit: unitOf(codes, line.product_uom_id, what, lineWords) },
          ...(currency === undefined ? {} : { unitPrice: { amount: decimalOf(line.price_unit), currency } }),
        };
      }),
    };
    return [{ part: '', canonical: order }];
  },
};

function orderLineIds(record: OdooRecord): number[] {
  return Array.isArray(record.order_line) ? record.order_line.filter((id): id is number => typeof id === 'number') : [];
}

/** The supplier's own product code per product template, from its supplier info lines that have one. */
async function supplierProductCodes(client: OdooClient, supplierId: number | undefined, templateIds: readonly number[]): Promise<Map<number, string>> {
  if (supplierId === undefined || templateIds.length === 0) return new Map();
  const rows = await client.searchRead(
    'product.supplierinfo',
    [
      ['partner_id', '=', supplierId],
      ['product_tmpl_id', 'in', [...templateIds]],
    ],
    { fields: ['product_tmpl_id', 'product_code'] },
  );
  const codes = new Map<number, string>();
  for (const row of rows) {
    const template = many2oneId(row.product_tmpl_id);
    const code = textOf(row.product_code);
    if (template !== undefined && code !== undefined && !codes.has(template)) codes.set(template, code);
  }
  return codes;
}
