import type { ShipNotice, ShippedOrder } from '../canonical/index.js';
import { writeDate, writeDates } from './edifact-dates.js';
import { DESPATCHED, MEASURES, REFERENCE_DATE, REFERENCES, SHIP_NOTICE_DATES, SSCC_IDENTITY, SSCC_MARKING, WRITTEN_PACKAGE_TYPES } from './edifact-desadv-layout.js';
import { writeItem } from './edifact-items.js';
import { purposeCode } from './edifact-message-function.js';
import { writePackageMeasures } from './edifact-package-measures.js';
import { writeParties } from './edifact-parties.js';
import { writeMeasure, writeQuantity } from './edifact-quantities.js';
import { writeTransport } from './edifact-transport.js';
import { EdifactSegmentWriter, writtenDirectory } from './edifact-writing.js';
import type { MapOptions, MapResult, OutboundSegment } from './map-contract.js';

// ShipNotice -> DESADV (D96A or D01B, as the document's source says). The packing is written as CPS levels
// numbered in the order written: level 1 is the shipment (its PAC counts the packages, its LIN groups are
// the goods shipped unpacked), then each order's pallets under level 1 with their cartons under them, then
// its cartons that are on no pallet. Each line names its order (RFF+ON, with the order line) so a notice
// for several orders reads back the same; one order is also named in the header.

type ShippedItem = NonNullable<ShippedOrder['items']>[number];
type Carton = NonNullable<ShippedOrder['cartons']>[number];
type Pallet = NonNullable<ShippedOrder['pallets']>[number];

const SHIPMENT_LEVEL = '1';

export function shipNoticeToEdifactDesadv(notice: ShipNotice, options: MapOptions): MapResult<readonly OutboundSegment[]> {
  const writer = new EdifactSegmentWriter(options);
  const directory = writtenDirectory(notice.source, writer) ?? 'D96A';
  writer.segment('BGM', '351', writer.text(notice.shipmentId, '/shipmentId'), purposeCode(options, notice.purpose));
  writeDates(writer, notice.dates, SHIP_NOTICE_DATES, '/dates');
  if (notice.grossWeight) writeMeasure(writer, MEASURES.grossWeight, notice.grossWeight.value, notice.grossWeight.unit, '/grossWeight/value');
  if (notice.volume) writeMeasure(writer, MEASURES.volume, notice.volume.value, notice.volume.unit, '/volume/value');
  if (notice.billOfLading !== undefined) writer.segment('RFF', [REFERENCES.billOfLading, writer.text(notice.billOfLading, '/billOfLading')]);
  if (notice.proNumber !== undefined) writer.segment('RFF', [REFERENCES.proNumber, writer.text(notice.proNumber, '/proNumber')]);
  const [onlyOrder] = notice.orders.length === 1 ? notice.orders : [];
  if (onlyOrder) writeOrderReference(writer, onlyOrder, '/orders/0', undefined);
  writeParties(writer, notice.parties, '/parties');
  if (notice.transport !== undefined) writeTransport(writer, notice.transport, '/transport', true);

  let lines = 0;
  let levels = 1;
  const writeGoods = (items: readonly ShippedItem[] | undefined, order: ShippedOrder, orderPath: string, path: string) => {
    items?.forEach((shipped, index) => {
      const at = `${path}/${index}`;
      lines += 1;
      writeItem(writer, String(lines), shipped.item, `${at}/item`, directory);
      writeQuantity(writer, DESPATCHED, shipped.quantity, `${at}/quantity`);
      if (!onlyOrder || shipped.orderLineNumber !== undefined) writeOrderReference(writer, order, orderPath, shipped.orderLineNumber && writer.text(shipped.orderLineNumber, `${at}/orderLineNumber`), !onlyOrder);
    });
  };
  const writePackage = (parent: string, kind: 'pallet' | 'carton', pack: Pallet | Carton, path: string) => {
    levels += 1;
    const level = String(levels);
    writer.segment('CPS', level, parent);
    writer.segment('PAC', '1', '', [WRITTEN_PACKAGE_TYPES[kind]]);
    writePackageMeasures(writer, pack, path);
    if ('trackingNumber' in pack && pack.trackingNumber !== undefined) writer.unwritable(`${path}/trackingNumber`, 'DESADV has no place for a parcel tracking number in this map.');
    if (pack.sscc !== undefined) {
      writer.segment('PCI', SSCC_MARKING);
      writer.segment('GIN', SSCC_IDENTITY, [writer.text(pack.sscc, `${path}/sscc`)]);
    }
    return level;
  };

  writer.segment('CPS', SHIPMENT_LEVEL);
  if (notice.packageCount !== undefined) writer.segment('PAC', String(notice.packageCount));
  notice.orders.forEach((order, index) => writeGoods(order.items, order, `/orders/${index}`, `/orders/${index}/items`));
  notice.orders.forEach((order, orderIndex) => {
    const orderPath = `/orders/${orderIndex}`;
    order.pallets?.forEach((pallet, index) => {
      const path = `${orderPath}/pallets/${index}`;
      const level = writePackage(SHIPMENT_LEVEL, 'pallet', pallet, path);
      writeGoods(pallet.items, order, orderPath, `${path}/items`);
      pallet.cartons?.forEach((carton, cartonIndex) => {
        writePackage(level, 'carton', carton, `${path}/cartons/${cartonIndex}`);
        writeGoods(carton.items, order, orderPath, `${path}/cartons/${cartonIndex}/items`);
      });
    });
    order.cartons?.forEach((carton, index) => {
      writePackage(SHIPMENT_LEVEL, 'carton', carton, `${orderPath}/cartons/${index}`);
      writeGoods(carton.items, order, orderPath, `${orderPath}/cartons/${index}/items`);
    });
  });
  writer.segment('CNT', ['2', String(lines)]);
  return writer.result();
}

/** RFF+ON with the order line when there is one, and the order date (DTM 171) when `withDate`. */
function writeOrderReference(writer: EdifactSegmentWriter, order: ShippedOrder, path: string, orderLine?: string, withDate = true): void {
  writer.segment('RFF', orderLine === undefined ? [REFERENCES.order, writer.text(order.orderNumber, `${path}/orderNumber`)] : [REFERENCES.order, writer.text(order.orderNumber, `${path}/orderNumber`), orderLine]);
  if (withDate && order.orderDate !== undefined) writeDate(writer, REFERENCE_DATE, { date: order.orderDate }, `${path}/orderDate`);
}
