import type { Invoice } from '../canonical/index.js';
import { writeDates } from './edifact-dates.js';
import { writeAllowances, writeTaxes } from './edifact-invoice-amounts.js';
import { INVOICE_DATES, INVOICE_REFERENCES, INVOICE_TYPES, INVOICED, LINE_AMOUNT, ORDER_LINE, TOTALS } from './edifact-invoic-layout.js';
import { writeItem } from './edifact-items.js';
import { purposeCode } from './edifact-message-function.js';
import { writeAmount, writeCurrency, writePrice } from './edifact-money.js';
import { writeParties } from './edifact-parties.js';
import { writePaymentTerms } from './edifact-payment-terms.js';
import { writeQuantity } from './edifact-quantities.js';
import { EdifactSegmentWriter, writtenDirectory } from './edifact-writing.js';
import type { MapOptions, MapResult, OutboundSegment } from './map-contract.js';
import { codeOut } from './map-options.js';

// Invoice -> INVOIC (D96A or D01B, as the document's source says). The invoice's currency is the currency of
// its total, written once in CUX (4, the invoicing currency); amounts in another currency name their own.

export function invoiceToEdifactInvoic(invoice: Invoice, options: MapOptions): MapResult<readonly OutboundSegment[]> {
  const writer = new EdifactSegmentWriter(options);
  const directory = writtenDirectory(invoice.source, writer) ?? 'D96A';
  const currency = invoice.totals.total.currency;
  const type = Object.entries(INVOICE_TYPES).find(([, meaning]) => meaning === invoice.invoiceType)?.[0] as string;
  writer.segment('BGM', [codeOut(options, 'BGM01-1', type)], writer.text(invoice.invoiceNumber, '/invoiceNumber'), purposeCode(options, invoice.purpose));
  writeDates(writer, invoice.dates, INVOICE_DATES, '/dates');
  for (const [key, qualifier] of Object.entries(INVOICE_REFERENCES) as [keyof typeof INVOICE_REFERENCES, string][]) {
    const value = invoice[key];
    if (value !== undefined) writer.segment('RFF', [qualifier, writer.text(value, `/${key}`)]);
  }
  writeParties(writer, invoice.parties, '/parties');
  writeCurrency(writer, currency, '4');
  if (invoice.terms !== undefined) writePaymentTerms(writer, invoice.terms, '/terms');
  if (invoice.allowancesCharges !== undefined) writeAllowances(writer, invoice.allowancesCharges, currency, '/allowancesCharges');
  invoice.lines.forEach((line, index) => {
    const path = `/lines/${index}`;
    writeItem(writer, writer.text(line.lineNumber, `${path}/lineNumber`), line.item, `${path}/item`, directory);
    writeQuantity(writer, INVOICED, line.quantity, `${path}/quantity`);
    if (line.amount !== undefined) writeAmount(writer, LINE_AMOUNT, line.amount, currency, `${path}/amount`);
    writePrice(writer, line.unitPrice, currency, `${path}/unitPrice`);
    if (line.orderLineNumber !== undefined) writer.segment('RFF', [ORDER_LINE, writer.text(line.orderLineNumber, `${path}/orderLineNumber`)]);
    if (line.taxes !== undefined) writeTaxes(writer, line.taxes, currency, `${path}/taxes`, directory === 'D01B');
    if (line.allowancesCharges !== undefined) writeAllowances(writer, line.allowancesCharges, currency, `${path}/allowancesCharges`);
  });
  writer.segment('UNS', 'S');
  writer.segment('CNT', ['2', String(invoice.lines.length)]);
  for (const [key, [qualifier]] of Object.entries(TOTALS) as [keyof typeof TOTALS, readonly [string]][]) {
    const value = invoice.totals[key];
    if (value !== undefined) writeAmount(writer, qualifier, value, currency, `/totals/${key}`);
  }
  if (invoice.taxes !== undefined) writeTaxes(writer, invoice.taxes, currency, '/taxes', true);
  return writer.result();
}
