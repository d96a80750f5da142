import type { Invoice, Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { codeIn } from './map-options.js';
import { documentResult, mapProblem } from './map-result.js';
import { calendarDateElement, dateTimeElements, dtmDateTime } from './x12-dates.js';
import { at, decimalElement, field, impliedDecimalElement, integerElement, optionalText, requiredText, text, type Problems } from './x12-elements.js';
import { allowanceChargeFrom, taxFrom } from './x12-invoice-amounts.js';
import { INVOICE_TYPES } from './x12-invoice-types.js';
import { IT1_ID_PAIRS, itemFrom } from './x12-items.js';
import { partiesFrom } from './x12-parties.js';
import { purposeFrom } from './x12-purpose.js';
import { quantityElements } from './x12-quantities.js';

// The 810 invoice as a canonical Invoice. Amounts are exact as sent: TDS01 and SAC05 carry two implied
// decimals ("12550" is 125.50), prices and tax amounts a decimal point. Totals are what TDS01 states, never
// recomputed. Percentages follow the version (x12-percent.ts). Without CUR the amounts are US dollars.

type InvoiceLine = Invoice['lines'][number];

export const x12810ToInvoice: InboundMap<Invoice> = (tree, source: Source, options) => {
  const problems: Problems = [];
  const big = tree.segment('BIG');
  const invoiced = dateTimeElements(big, { date: 'BIG01' }, { what: 'the invoice date', required: true }, options, problems);
  const invoiceNumber = requiredText(big, 'BIG02', 'the invoice number', problems);
  const typeCode = text(big, 'BIG07');
  const invoiceType = typeCode === '' ? 'invoice' : INVOICE_TYPES[codeIn(options, 'BIG07', typeCode)];
  if (invoiceType === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `BIG07 is "${typeCode}", a transaction type this map does not know; the partner's profile can translate it.`, at(big, 'BIG07')));
  const currency = text(tree.segment('CUR'), 'CUR02') || 'USD';
  const version = source.version;
  const lines = tree.loops('IT1').map((loop, index) => lineFrom(loop, index, currency, version, options, problems));
  const total = impliedDecimalElement(tree.segment('TDS'), 'TDS01', { what: 'the total invoice amount', required: true }, problems);
  const allowancesCharges = tree.loops('SAC').flatMap((loop) => loop.segments('SAC').map((sac) => allowanceChargeFrom(sac, currency, version, options, problems)));
  const taxes = tree.segments('TXI').map((txi) => taxFrom(txi, currency, version, options, problems));
  const terms = termsFrom(tree.segment('ITD'), problems);
  if (invoiced === undefined || invoiceNumber === undefined || invoiceType === undefined || total === undefined || problems.length > 0) return { ok: false, problems };
  const invoice: Invoice = {
    kind: 'invoice',
    source,
    purpose: purposeFrom(big, 'BIG08', options, problems),
    invoiceType,
    invoiceNumber,
    ...field('orderNumber', optionalText(big, 'BIG04')),
    ...field('shipmentId', reference(tree, 'SI')),
    ...field('billOfLading', reference(tree, 'BM')),
    dates: { invoiced, ...field('shipped', dtmDateTime(tree, '011', 'the ship date', options, problems)) },
    parties: partiesFrom(tree.loops('N1'), options, problems),
    ...field('terms', terms),
    lines: lines.filter((line) => line !== undefined),
    ...(allowancesCharges.length > 0 ? { allowancesCharges: allowancesCharges.filter((charge) => charge !== undefined) } : {}),
    ...(taxes.length > 0 ? { taxes: taxes.filter((tax) => tax !== undefined) } : {}),
    totals: { total: { amount: total, currency } },
  };
  return documentResult(invoice, problems);
};

function reference(loop: TreeLoop<TreeSegment>, qualifier: string): string | undefined {
  return optionalText(
    loop.segments('REF').find((ref) => text(ref, 'REF01') === qualifier),
    'REF02',
  );
}

function termsFrom(itd: TreeSegment | undefined, problems: Problems): Invoice['terms'] {
  if (itd === undefined) return undefined;
  const terms = {
    ...field('description', optionalText(itd, 'ITD12')),
    ...field('netDays', integerElement(itd, 'ITD07', { what: 'the net days', required: false }, problems)),
    ...field('netDueDate', calendarDateElement(itd, 'ITD06', { what: 'the net due date', required: false }, problems)),
    ...field('discountPercent', decimalElement(itd, 'ITD03', { what: 'the discount percent', required: false }, problems)),
    ...field('discountDays', integerElement(itd, 'ITD05', { what: 'the discount days', required: false }, problems)),
    ...field('discountDueDate', calendarDateElement(itd, 'ITD04', { what: 'the discount due date', required: false }, problems)),
  };
  return Object.keys(terms).length > 0 ? terms : undefined;
}

function lineFrom(loop: TreeLoop<TreeSegment>, index: number, currency: string, version: string, options: MapOptions, problems: Problems): InvoiceLine | undefined {
  const it1 = loop.segment('IT1');
  if (it1 === undefined) return undefined;
  const quantity = quantityElements(it1, { value: 'IT102', unit: 'IT103' }, { what: 'the quantity invoiced', required: true }, options, problems);
  const price = decimalElement(it1, 'IT104', { what: 'the unit price', required: true }, problems);
  const item = itemFrom(it1, IT1_ID_PAIRS, loop.loops('PID').flatMap((pid) => pid.segments('PID')), options, problems);
  const allowancesCharges = loop.loops('SAC').flatMap((inner) => inner.segments('SAC').map((sac) => allowanceChargeFrom(sac, currency, version, options, problems)));
  const taxes = loop.segments('TXI').map((txi) => taxFrom(txi, currency, version, options, problems));
  if (quantity === undefined || price === undefined || item === undefined) return undefined;
  return {
    lineNumber: text(it1, 'IT101') || String(index + 1),
    item,
    quantity,
    unitPrice: { amount: price, currency },
    ...(allowancesCharges.length > 0 ? { allowancesCharges: allowancesCharges.filter((charge) => charge !== undefined) } : {}),
    ...(taxes.length > 0 ? { taxes: taxes.filter((tax) => tax !== undefined) } : {}),
  };
}
