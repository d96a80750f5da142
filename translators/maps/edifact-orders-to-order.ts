import type { Order } from '../canonical/index.js';
import { readDates } from './edifact-dates.js';
import { readItem } from './edifact-items.js';
import { readPurpose } from './edifact-message-function.js';
import { readCurrency, readPrice } from './edifact-money.js';
import { ORDER_DATES, ORDERS_GROUPS } from './edifact-orders-layout.js';
import { readParties } from './edifact-parties.js';
import { readQuantity } from './edifact-quantities.js';
import { directoryTable, field, InboundProblems, required } from './edifact-reading.js';
import { readTransport } from './edifact-transport.js';
import type { InboundMap } from './map-contract.js';
import { documentResult } from './map-result.js';

// ORDERS (D96A, D01B) -> Order: BGM for the number and purpose, DTM for the dates, the NAD groups for the
// parties, CUX for the currency of the prices, TDT and EQD for the transport, and one line per LIN group
// with its item (LIN, PIA, IMD), ordered quantity (QTY 21) and net or gross price (PRI).

export const edifactOrdersToOrder: InboundMap<Order> = (tree, source, options) => {
  const problems = new InboundProblems();
  const groups = directoryTable(source, ORDERS_GROUPS, problems);
  if (groups === undefined) return { ok: false, problems: problems.list };
  const bgm = tree.segment('BGM');
  const orderNumber = required(problems, bgm, 'BGM02', 'the order number');
  const purpose = readPurpose(problems, bgm, options);
  const dates = readDates(problems, tree, ORDER_DATES, options, { ordered: 'the order date' });
  const currency = readCurrency(tree.loops(groups.currency));
  const transport = readTransport(tree.loops(groups.transport), tree.loops(groups.equipment), options);
  const lines = tree.loops(groups.line).map((line) => {
    const lineNumber = required(problems, line.segment('LIN'), 'LIN01', 'the line number');
    const quantity = readQuantity(problems, line, ['21'], options, 'the ordered quantity');
    const unitPrice = readPrice(problems, line.loops(groups.price), currency, options);
    return { lineNumber, item: readItem(line, options), quantity, ...field('unitPrice', unitPrice) };
  });
  const order = {
    kind: 'order',
    source,
    purpose,
    orderNumber,
    dates,
    parties: readParties(tree.loops(groups.parties), options),
    ...field('transport', transport),
    lines,
  };
  return documentResult(order as Order, problems.list);
};
