import type { Invoice } from '../canonical/index.js';
import type { OutboundMap, OutboundSegment } from './map-contract.js';
import { codeOut } from './map-options.js';
import { segmentsResult } from './map-result.js';
import { curOut } from './x12-currency.js';
import { dateOut, dayOut, dtmSegment } from './x12-dates.js';
import { impliedDecimalOut, segment, type Problems } from './x12-elements.js';
import { sacOut, txiOut } from './x12-invoice-amounts.js';
import { INVOICE_TYPES } from './x12-invoice-types.js';
import { descriptionOut, IT1_ID_PAIRS, itemIdsOut } from './x12-items.js';
import { partyLoopsOut } from './x12-parties.js';
import { purposeOut } from './x12-purpose.js';
import { quantityOut } from './x12-quantities.js';
import { unwritableText } from './x12-unwritable-text.js';

// A canonical Invoice as the segments of an 810. X12 carries one currency and the stated total (TDS01); the
// canonical totals besides the total, line amounts and order line numbers have no element in this map's 810
// and are not written. An ordinary invoice leaves BIG07 out; credit and debit notes say which they are.

export const invoiceToX12810: OutboundMap<Invoice> = (invoice, options) => {
  const problems: Problems = unwritableText(invoice, options);
  const version = invoice.source.version;
  const amounts = [
    ...invoice.lines.flatMap((line, index) => [{ money: line.unitPrice, path: `/lines/${index}/unitPrice` }]),
    { money: invoice.totals.total, path: '/totals/total' },
  ];
  const typeCode = invoice.invoiceType === 'invoice' ? undefined : Object.entries(INVOICE_TYPES).find(([, type]) => type === invoice.invoiceType)?.[0];
  const terms = invoice.terms;
  const segments: OutboundSegment[] = [
    segment(
      'BIG',
      dayOut(invoice.dates.invoiced, options),
      invoice.invoiceNumber,
      undefined,
      invoice.orderNumber,
      undefined,
      undefined,
      typeCode && codeOut(options, 'BIG07', typeCode),
      purposeOut(invoice.purpose, 'BIG08', options),
    ),
    ...curOut('SE', amounts, problems),
    ...(invoice.shipmentId ? [segment('REF', 'SI', invoice.shipmentId)] : []),
    ...(invoice.billOfLading ? [segment('REF', 'BM', invoice.billOfLading)] : []),
    ...partyLoopsOut(invoice.parties, '/parties', options, problems),
    ...(terms
      ? [
          segment(
            'ITD',
            undefined,
            undefined,
            terms.discountPercent,
            terms.discountDueDate && dateOut(terms.discountDueDate),
            terms.discountDays?.toString(),
            terms.netDueDate && dateOut(terms.netDueDate),
            terms.netDays?.toString(),
            undefined,
            undefined,
            undefined,
            undefined,
            terms.description,
          ),
        ]
      : []),
    ...(invoice.dates.shipped ? [dtmSegment('011', invoice.dates.shipped, '/dates/shipped', options, problems)] : []),
    ...invoice.lines.flatMap((line, index) => {
      const path = `/lines/${index}`;
      const quantity = quantityOut(line.quantity, `${path}/quantity`, options, problems);
      const ids = itemIdsOut(line.item, IT1_ID_PAIRS, `${path}/item`, options, problems);
      return [
        segment('IT1', line.lineNumber, quantity.value, quantity.unit, line.unitPrice.amount, undefined, ...ids),
        ...(line.taxes ?? []).map((tax, taxIndex) => txiOut(tax, `${path}/taxes/${taxIndex}`, version, options, problems)),
        ...descriptionOut(line.item),
        ...(line.allowancesCharges ?? []).map((charge, chargeIndex) => sacOut(charge, `${path}/allowancesCharges/${chargeIndex}`, version, options, problems)),
      ];
    }),
    segment('TDS', impliedDecimalOut(invoice.totals.total.amount, '/totals/total/amount', problems)),
    ...(invoice.taxes ?? []).map((tax, index) => txiOut(tax, `/taxes/${index}`, version, options, problems)),
    ...(invoice.allowancesCharges ?? []).map((charge, index) => sacOut(charge, `/allowancesCharges/${index}`, version, options, problems)),
    segment('CTT', String(invoice.lines.length)),
  ];
  return segmentsResult(segments, problems);
};
