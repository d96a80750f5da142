import type { Order } from '../canonical/index.js';
import type { OutboundMap, OutboundSegment } from './map-contract.js';
import { segmentsResult } from './map-result.js';
import { curOut } from './x12-currency.js';
import { dayOut, dtmSegment } from './x12-dates.js';
import { segment, type Problems } from './x12-elements.js';
import { descriptionOut, itemIdsOut, PO1_ID_PAIRS } from './x12-items.js';
import { ORDER_DATES } from './x12-order-dates.js';
import { carrierScac, partyLoopsOut } from './x12-parties.js';
import { purposeOut } from './x12-purpose.js';
import { quantityOut } from './x12-quantities.js';
import { td3Out, td5Out } from './x12-transport.js';
import { unwritableText } from './x12-unwritable-text.js';

// A canonical Order as the segments of an 850 purchase order, the same in 004010 and 005010. A stand-alone
// order (BEG02 SA); the order date's time, when there is one, goes in DTM*004 since BEG05 holds only the day.

export const orderToX12850: OutboundMap<Order> = (order, options) => {
  const problems: Problems = unwritableText(order, options);
  const { ordered } = order.dates;
  const prices = order.lines.flatMap((line, index) => (line.unitPrice ? [{ money: line.unitPrice, path: `/lines/${index}/unitPrice` }] : []));
  const segments: OutboundSegment[] = [
    segment('BEG', purposeOut(order.purpose, 'BEG01', options), 'SA', order.orderNumber, undefined, dayOut(ordered, options)),
    ...curOut('BY', prices, problems),
    ...(ordered.time === undefined ? [] : [dtmSegment('004', ordered, '/dates/ordered', options, problems)]),
    ...ORDER_DATES.flatMap(({ qualifier, field }) => {
      const value = order.dates[field];
      return value ? [dtmSegment(qualifier, value, `/dates/${field}`, options, problems)] : [];
    }),
    ...td5Out(order.transport, carrierScac(order.parties), options),
    ...td3Out(order.transport, '/transport', options, problems),
    ...partyLoopsOut(order.parties, '/parties', options, problems),
    ...order.lines.flatMap((line, index) => {
      const path = `/lines/${index}`;
      const quantity = quantityOut(line.quantity, `${path}/quantity`, options, problems);
      const ids = itemIdsOut(line.item, PO1_ID_PAIRS, `${path}/item`, options, problems);
      return [segment('PO1', line.lineNumber, quantity.value, quantity.unit, line.unitPrice?.amount, undefined, ...ids), ...descriptionOut(line.item)];
    }),
    segment('CTT', String(order.lines.length)),
  ];
  return segmentsResult(segments, problems);
};
