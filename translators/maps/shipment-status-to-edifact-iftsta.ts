import type { ShipmentStatus } from '../canonical/index.js';
import { writeDate } from './edifact-dates.js';
import { NOTE_SUBJECT, ORDER_REFERENCE, REASONS, STATUS_DATE, STATUS_DOCUMENT, STATUS_PLACE, STATUS_REFERENCES, STATUSES, TRANSPORT_STATUS } from './edifact-iftsta-layout.js';
import { writeParties } from './edifact-parties.js';
import { writeCarriage, writeEquipment } from './edifact-transport.js';
import { EdifactSegmentWriter, splitText, writtenDirectory } from './edifact-writing.js';
import type { MapOptions, MapResult, OutboundSegment } from './map-contract.js';
import { codeOut } from './map-options.js';

// ShipmentStatus -> IFTSTA (D96A or D01B, as the document's source says): BGM 23 numbered with the shipment's
// first reference, the parties, the references (RFF BM, CN, ON), one consignment (CNI, numbered with the
// shipment id) and one STS group per event. The transport's mode rides in the first event's TDT.

const NOTE_LENGTH = 70;

export function shipmentStatusToEdifactIftsta(status: ShipmentStatus, options: MapOptions): MapResult<readonly OutboundSegment[]> {
  const writer = new EdifactSegmentWriter(options);
  writtenDirectory(status.source, writer);
  const documentNumber = status.shipmentId ?? status.billOfLading ?? status.proNumber;
  writer.segment('BGM', STATUS_DOCUMENT, writer.text(documentNumber, '/shipmentId'), '9');
  writeParties(writer, status.parties, '/parties');
  for (const [key, qualifier] of Object.entries(STATUS_REFERENCES) as [keyof typeof STATUS_REFERENCES, string][]) {
    const value = status[key];
    if (value !== undefined) writer.segment('RFF', [qualifier, writer.text(value, `/${key}`)]);
  }
  status.orderNumbers?.forEach((orderNumber, index) => writer.segment('RFF', [ORDER_REFERENCE, writer.text(orderNumber, `/orderNumbers/${index}`)]));
  writer.segment('CNI', '1', status.shipmentId === undefined ? '' : [writer.text(status.shipmentId, '/shipmentId')]);
  if (status.transport?.equipment !== undefined) writer.unwritable('/transport/equipment', "IFTSTA carries equipment with each status, not for the shipment; put it on the events.");
  status.events.forEach((event, index) => {
    const path = `/events/${index}`;
    const code = Object.entries(STATUSES).find(([, meaning]) => meaning === event.status)?.[0];
    if (code === undefined) writer.problem('MAP_CODE_UNKNOWN', `${path}/status`, `There is no STS02 status event code for "${event.status}" in this map.`);
    const reasonCode = event.reason === undefined || event.reason === 'normal' ? '' : Object.entries(REASONS).find(([, meaning]) => meaning === event.reason)?.[0];
    if (reasonCode === undefined) writer.problem('MAP_CODE_UNKNOWN', `${path}/reason`, `There is no STS03 status reason code for "${event.reason}" in this map.`);
    writer.segment('STS', [TRANSPORT_STATUS], [codeOut(options, 'STS02-1', code ?? '')], reasonCode ? [codeOut(options, 'STS03-1', reasonCode)] : '');
    writeDate(writer, STATUS_DATE, event.at, `${path}/at`);
    if (event.note !== undefined) writer.segment('FTX', NOTE_SUBJECT, '', '', splitText(writer, event.note, `${path}/note`, NOTE_LENGTH, 5));
    if (event.location !== undefined) {
      const { street, region, postalCode, city, country } = event.location;
      for (const [key, value] of Object.entries({ street, region, postalCode })) {
        if (value !== undefined) writer.unwritable(`${path}/location/${key}`, 'LOC names a place by its country and name only.');
      }
      writer.segment('LOC', STATUS_PLACE, [writer.text(country, `${path}/location/country`), '', '', writer.text(city, `${path}/location/city`)]);
    }
    if (index === 0 && status.transport !== undefined) writeCarriage(writer, status.transport, '/transport');
    if (event.equipment !== undefined) writeEquipment(writer, event.equipment, `${path}/equipment`, true);
  });
  return writer.result();
}
