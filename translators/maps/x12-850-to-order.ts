import type { DateTime, Order, Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult } from './map-result.js';
import { dateTimeElements, dtmDateTime } from './x12-dates.js';
import { decimalElement, field, requiredText, text, type Problems } from './x12-elements.js';
import { itemFrom, PO1_ID_PAIRS } from './x12-items.js';
import { ORDER_DATES } from './x12-order-dates.js';
import { partiesFrom, withCarrier } from './x12-parties.js';
import { purposeFrom } from './x12-purpose.js';
import { quantityElements } from './x12-quantities.js';
import { td3Segments, transportFrom } from './x12-transport.js';

// The 850 purchase order, 004010 and 005010 alike, as a canonical Order. Prices are in the currency CUR02
// names; an 850 without CUR is in US dollars, as X12 documents are unless they say otherwise.

type OrderLine = Order['lines'][number];

export const x12850ToOrder: InboundMap<Order> = (tree, source: Source, options) => {
  const problems: Problems = [];
  const beg = tree.segment('BEG');
  const purpose = purposeFrom(beg, 'BEG01', options, problems);
  const orderNumber = requiredText(beg, 'BEG03', 'the purchase order number', problems);
  // DTM*004 may give the order date a time; BEG05 gives only the day.
  const ordered = dtmDateTime(tree, '004', 'the purchase order date', options, problems) ?? dateTimeElements(beg, { date: 'BEG05' }, { what: 'the purchase order date', required: true }, options, problems);
  const currency = text(tree.segment('CUR'), 'CUR02') || 'USD';
  const dates = Object.fromEntries(
    ORDER_DATES.flatMap(({ qualifier, field: name, what }) => {
      const value = dtmDateTime(tree, qualifier, what, options, problems);
      return value ? [[name, value]] : [];
    }),
  ) as Partial<Record<string, DateTime>>;
  const { transport, scac } = transportFrom(tree.segment('TD5'), td3Segments(tree), options);
  const parties = withCarrier(partiesFrom(tree.loops('N1'), options, problems), scac);
  const lines = tree.loops('PO1').map((loop, index) => lineFrom(loop, index, currency, options, problems));
  if (orderNumber === undefined || ordered === undefined || !lines.every((line) => line !== undefined)) return { ok: false, problems };
  return documentResult<Order>(
    { kind: 'order', source, purpose, orderNumber, dates: { ordered, ...dates }, parties, ...field('transport', transport), lines },
    problems,
  );
};

function lineFrom(loop: TreeLoop<TreeSegment>, index: number, currency: string, options: MapOptions, problems: Problems): OrderLine | undefined {
  const po1 = loop.segment('PO1');
  if (po1 === undefined) return undefined;
  const quantity = quantityElements(po1, { value: 'PO102', unit: 'PO103' }, { what: 'the quantity ordered', required: true }, options, problems);
  const price = decimalElement(po1, 'PO104', { what: 'the unit price', required: false }, problems);
  const descriptions = loop.loops('PID').flatMap((pid) => pid.segments('PID'));
  const item = itemFrom(po1, PO1_ID_PAIRS, descriptions, options, problems);
  if (quantity === undefined || item === undefined) return undefined;
  // Lines without PO101 are numbered in the order sent, so ship notices and invoices can still refer to them.
  const lineNumber = text(po1, 'PO101') || String(index + 1);
  return { lineNumber, item, quantity, ...field('unitPrice', price === undefined ? undefined : { amount: price, currency }) };
}
