import type { ShipmentStatus } from '../canonical/index.js';
import type { OutboundMap, OutboundSegment } from './map-contract.js';
import { mapProblem, segmentsResult } from './map-result.js';
import { dateTimeOut } from './x12-dates.js';
import { segment, type Problems } from './x12-elements.js';
import { ms1Out } from './x12-locations.js';
import { carrierScac, partyLoopsOut } from './x12-parties.js';
import { statusOut } from './x12-shipment-statuses.js';
import { ms2Out } from './x12-transport.js';
import { unwritableText } from './x12-unwritable-text.js';
import { from005010 } from './x12-versions.js';

// A canonical ShipmentStatus as the segments of a 214: B10 with the PRO number, the shipment id and the
// carrier's SCAC, then an LX per event holding its AT7, MS1 (where) and MS2 (equipment). The version decides
// where the references (L11: BM, PO) and parties (N1) go: the heading in 004010, the LX in 005010, where they
// are written once, in the first, since the canonical status holds them once for the whole shipment. The
// shipment's transport and the events' notes have no element in this map's 214 and are not written.

export const shipmentStatusToX12214: OutboundMap<ShipmentStatus> = (status, options) => {
  const problems: Problems = unwritableText(status, options);
  const version = status.source.version;
  const perStatus = from005010(version);
  const scac = carrierScac(status.parties);
  if (scac === undefined) problems.push(mapProblem('MAP_VALUE_MISSING', "No carrier party has a SCAC; B1003, the carrier's SCAC, is required.", { path: '/parties' }));
  const maxParties = perStatus ? 5 : 10;
  if (status.parties.length > maxParties) {
    problems.push(mapProblem('MAP_VALUE_INVALID', `The status names ${status.parties.length} parties; a ${version} 214 has room for ${maxParties} N1 loops.`, { path: '/parties' }));
  }
  const references = [
    ...(status.billOfLading ? [segment('L11', status.billOfLading, 'BM')] : []),
    ...(status.orderNumbers ?? []).map((orderNumber) => segment('L11', orderNumber, 'PO')),
  ];
  const parties = partyLoopsOut(status.parties, '/parties', options, problems);
  const events = status.events.flatMap((event, index) => {
    const path = `/events/${index}`;
    const first = perStatus && index === 0;
    const { date, time, timeCode } = dateTimeOut(event.at, 'AT707', `${path}/at`, options, problems);
    return [
      segment('LX', String(index + 1)),
      ...(first ? references : []),
      segment('AT7', ...statusOut(event, path, version, options, problems), date, time, timeCode),
      ...(event.location ? [ms1Out(event.location, `${path}/location`, version, problems)] : []),
      ...(event.equipment ? [ms2Out(event.equipment, `${path}/equipment`, version, options, problems)] : []),
      ...(first ? parties : []),
    ];
  });
  const segments: OutboundSegment[] = [b10(status, scac), ...(perStatus ? [] : [...references, ...parties]), ...events];
  return segmentsResult(segments, problems);
};

/** B10 needs B1001 or B1006 (R0106): without a PRO number, the bill of lading or else the shipment id stands in B1005/B1006. */
function b10(status: ShipmentStatus, scac: string | undefined): OutboundSegment {
  const { proNumber, shipmentId, billOfLading } = status;
  const standIn = proNumber !== undefined ? [] : billOfLading !== undefined ? ['BM', billOfLading] : ['SI', shipmentId];
  return segment('B10', proNumber, shipmentId, scac, undefined, ...standIn);
}
