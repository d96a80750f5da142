import type { Order } from '../canonical/index.js';
import { writeDates } from './edifact-dates.js';
import { writeItem } from './edifact-items.js';
import { purposeCode } from './edifact-message-function.js';
import { writeCurrency, writePrice } from './edifact-money.js';
import { ORDER_DATES } from './edifact-orders-layout.js';
import { writeParties } from './edifact-parties.js';
import { writeQuantity } from './edifact-quantities.js';
import { writeTransport } from './edifact-transport.js';
import { EdifactSegmentWriter, writtenDirectory } from './edifact-writing.js';
import type { MapOptions, MapResult, OutboundSegment } from './map-contract.js';

// Order -> ORDERS (D96A or D01B, as the document's source says): BGM 220, the dates, the parties, the
// currency of the prices, the transport, one LIN group per line, then UNS and the line count (CNT 2).

export function orderToEdifactOrders(order: Order, options: MapOptions): MapResult<readonly OutboundSegment[]> {
  const writer = new EdifactSegmentWriter(options);
  const directory = writtenDirectory(order.source, writer);
  const currency = order.lines.find((line) => line.unitPrice !== undefined)?.unitPrice?.currency;
  writer.segment('BGM', '220', writer.text(order.orderNumber, '/orderNumber'), purposeCode(options, order.purpose));
  writeDates(writer, order.dates, ORDER_DATES, '/dates');
  writeParties(writer, order.parties, '/parties');
  if (currency !== undefined) writeCurrency(writer, currency, '9');
  if (order.transport !== undefined) writeTransport(writer, order.transport, '/transport', false);
  order.lines.forEach((line, index) => {
    const path = `/lines/${index}`;
    writeItem(writer, writer.text(line.lineNumber, `${path}/lineNumber`), line.item, `${path}/item`, directory ?? 'D96A');
    writeQuantity(writer, '21', line.quantity, `${path}/quantity`);
    if (line.unitPrice !== undefined) writePrice(writer, line.unitPrice, currency as string, `${path}/unitPrice`);
  });
  writer.segment('UNS', 'S');
  writer.segment('CNT', ['2', String(order.lines.length)]);
  return writer.result();
}
