import type { ShipmentStatus } from '../canonical/index.js';
import { dateOf } from './edifact-dates.js';
import { IFTSTA_GROUPS, ORDER_REFERENCE, REASONS, STATUS_DATE, STATUS_REFERENCES, STATUSES } from './edifact-iftsta-layout.js';
import { readParties } from './edifact-parties.js';
import { codeOf, directoryTable, field, InboundProblems, joinedText, loopsWhere, present, type Loop } from './edifact-reading.js';
import { readTransport } from './edifact-transport.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult } from './map-result.js';

// IFTSTA (D96A, D01B) -> ShipmentStatus: the parties, the references of the shipment (RFF: BM, CN, ON), the
// consignment (CNI, whose number is the shipment id) and one event per STS group: what happened (STS02),
// why (STS03), when (DTM 334), where (LOC), with which equipment (EQD) and in the carrier's words (FTX).
// A shipment status is about one shipment, so a message reporting on consignments with different numbers
// is a problem: the carrier is asked for one message per consignment.

type StatusEvent = ShipmentStatus['events'][number];

export const edifactIftstaToShipmentStatus: InboundMap<ShipmentStatus> = (tree, source, options) => {
  const problems = new InboundProblems();
  const groups = directoryTable(source, IFTSTA_GROUPS, problems);
  if (groups === undefined) return { ok: false, problems: problems.list };
  const consignments = tree.loops(groups.consignment);
  const numbers = [...new Set(consignments.map((consignment) => consignment.value('CNI02-1')).filter((number) => number !== ''))];
  if (numbers.length > 1) {
    problems.invalid(consignments[1]?.segment('CNI'), 'CNI02-1', `The message reports on consignments ${numbers.join(', ')}; a shipment status is about one shipment, so each consignment needs a message of its own.`);
  }
  const statusGroups = consignments.flatMap((consignment) => consignment.loops(groups.status));
  const reference = (qualifier: string) => referenceValues(tree, groups.references, statusGroups, qualifier, options)[0];
  const orderNumbers = [...new Set(referenceValues(tree, groups.references, statusGroups, ORDER_REFERENCE, options))];
  const status = {
    kind: 'shipment-status',
    source,
    ...field('shipmentId', numbers[0]),
    ...field('billOfLading', reference(STATUS_REFERENCES.billOfLading)),
    ...field('proNumber', reference(STATUS_REFERENCES.proNumber)),
    ...(orderNumbers.length > 0 ? { orderNumbers } : {}),
    parties: readParties(tree.loops(groups.parties), options),
    ...field('transport', readTransport(statusGroups.flatMap((group) => group.loops(groups.transport)), [], options)),
    events: statusGroups.map((group) => readEvent(problems, group, groups.equipment, options)),
  };
  return documentResult(status as ShipmentStatus, problems.list);
};

/** The values of RFF with that qualifier: in the header's RFF groups, then in the status groups. */
function referenceValues(tree: Loop, referenceGroup: string, statusGroups: readonly Loop[], qualifier: string, options: MapOptions): string[] {
  const header = loopsWhere(tree, referenceGroup, 'RFF01-1', [qualifier], options).map((group) => group.value('RFF01-2'));
  const inStatus = statusGroups.flatMap((group) => group.segments('RFF').filter((rff) => codeOf(options, rff, 'RFF01-1') === qualifier).map((rff) => rff.value('RFF01-2')));
  return [...header, ...inStatus].filter((value) => value !== '');
}

function readEvent(problems: InboundProblems, group: Loop, equipmentGroup: string, options: MapOptions): StatusEvent {
  const sts = group.segment('STS');
  const status = sts && STATUSES[codeOf(options, sts, 'STS02-1')];
  if (sts && status === undefined) problems.unknownCode(sts, 'STS02-1', 'a status event');
  const reasonCode = sts ? codeOf(options, sts, 'STS03-1') : '';
  const reason = reasonCode === '' ? undefined : REASONS[reasonCode];
  if (sts && reasonCode !== '' && reason === undefined) problems.unknownCode(sts, 'STS03-1', 'a status reason');
  const loc = group.segment('LOC');
  const place = loc?.value('LOC02-1') ?? '';
  // A two-letter place is a country; a UN/LOCODE starts with its country's.
  const country = /^[A-Z]{2}(?:[A-Z0-9]{3})?$/.test(place) ? place.slice(0, 2) : undefined;
  const location = { ...field('city', present(loc?.value('LOC02-4') ?? '')), ...field('country', country) };
  const equipment = readTransport([], group.loops(equipmentGroup), options)?.equipment?.[0];
  const notes = group.segments('FTX').map((ftx) => joinedText(ftx, 'FTX04', 1, 5)).filter((note) => note !== undefined);
  return {
    status,
    ...field('reason', reason),
    at: dateOf(problems, group, STATUS_DATE, options, 'when the status changed'),
    ...(Object.keys(location).length > 0 ? { location } : {}),
    ...field('equipment', equipment),
    ...field('note', notes.length > 0 ? notes.join(' ') : undefined),
  } as StatusEvent;
}
