import type { Invoice } from '../../../translators/canonical/index.js';
import { many2oneId, many2oneName, textOf } from '../sync/odoo-values.js';
import { canonicalDate, companyParty, decimalOf, itemOf, partyOf, present, readProducts, unitCodes, unitOf, unmappable } from './odoo-readings.js';
import type { OutboundFlow } from './outbound-flow.js';

// A posted customer invoice (reference 3.11, 3.16) becomes the invoice we send the customer: its number,
// date and due date, the customer's order number (the invoice's customer reference), its product lines
// (section and note lines are not goods), and Odoo's own totals, never recomputed here.

export const invoiceToInvoice: OutboundFlow = {
  document: 'invoice',
  parts: [''],
  async drafts({ client, record }) {
    const what = `invoice ${String(record.name)}`;
    const currency = many2oneName(record.currency_id);
    if (currency === undefined) throw unmappable(what, 'it has no currency');
    const invoiced = canonicalDate(record.invoice_date);
    if (invoiced === undefined) throw unmappable(what, 'it has no invoice date');
    const lineIds = Array.isArray(record.invoice_line_ids) ? record.invoice_line_ids.filter((id): id is number => typeof id === 'number') : [];
    const lines = (
      await client.read('account.move.line', lineIds, { fields: ['sequence', 'display_type', 'product_id', 'quantity', 'product_uom_id', 'price_unit', 'price_subtotal'] })
    )
      .filter((line) => line.display_type === 'product' || line.display_type === false)
      .sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
    if (lines.length === 0) throw unmappable(what, 'it has no product lines');
    const products = await readProducts(client, present(lines.map((line) => many2oneId(line.product_id))));
    const codes = await unitCodes(client, present(lines.map((line) => many2oneId(line.product_uom_id))));
    const money = (value: unknown) => ({ amount: decimalOf(value), currency });
    const orderNumber = textOf(record.ref);
    const due = canonicalDate(record.invoice_date_due);
    const invoice: Omit<Invoice, 'source'> = {
      kind: 'invoice',
      purpose: 'original',
      invoiceType: 'invoice',
      invoiceNumber: String(record.name),
      ...(orderNumber === undefined ? {} : { orderNumber }),
      dates: { invoiced },
      parties: present([
        await companyParty(client, 'seller', record),
        await partyOf(client, 'buyer', many2oneId(record.commercial_partner_id) ?? many2oneId(record.partner_id)),
        await partyOf(client, 'bill-to', many2oneId(record.partner_id)),
      ]),
      ...(due === undefined ? {} : { terms: { netDueDate: due.date } }),
      lines: lines.map((line, index) => {
        const lineWords = `line ${index + 1}`;
        return {
          lineNumber: String(index + 1),
          item: itemOf(products.get(many2oneId(line.product_id) ?? 0), 'seller', what, lineWords),
          quantity: { value: decimalOf(line.quantity), unit: unitOf(codes, line.product_uom_id, what, lineWords) },
          unitPrice: money(line.price_unit),
          amount: money(line.price_subtotal),
        };
      }),
      ...(Number(record.amount_tax) > 0 ? { taxes: [{ type: 'sales' as const, amount: money(record.amount_tax) }] } : {}),
      totals: { lines: money(record.amount_untaxed), taxes: money(record.amount_tax), total: money(record.amount_total) },
    };
    return [{ part: '', canonical: invoice }];
  },
};
