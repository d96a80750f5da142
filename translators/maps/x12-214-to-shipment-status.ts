import type { Party, ShipmentStatus, Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult, mapProblem } from './map-result.js';
import { dateTimeElements } from './x12-dates.js';
import { field, optionalText, text, type Problems } from './x12-elements.js';
import { locationFrom } from './x12-locations.js';
import { partiesFrom, withCarrier } from './x12-parties.js';
import { statusFrom } from './x12-shipment-statuses.js';
import { equipmentFrom } from './x12-transport.js';

// The 214 shipment status, 004010 and 005010 alike, as a canonical ShipmentStatus. B10 names the shipment:
// B1001 the carrier's PRO number, B1002 the shipper's shipment id, B1003 the carrier's SCAC; each AT7 loop is
// an event, in the order sent, with its place (MS1) and equipment (the first MS2). 004010 keeps the references
// (L11) and parties (N1) in the heading, 005010 in each LX: they are read wherever they stand, and a party
// named in several LX loops is one party. AT8 weights, MS3 interline routing and K1 remarks are not read.

type StatusEvent = ShipmentStatus['events'][number];

export const x12214ToShipmentStatus: InboundMap<ShipmentStatus> = (tree, source: Source, options) => {
  const problems: Problems = [];
  const b10 = tree.segment('B10');
  const lxs = tree.loops('LX');
  const references = referencesOf(b10, [tree, ...lxs]);
  const orderNumbers = [...new Set(references('PO'))];
  const parties = distinct(partiesFrom([...tree.loops('N1'), ...lxs.flatMap((lx) => lx.loops('N1'))], options, problems));
  const statusLoops = lxs.flatMap((lx) => lx.loops('AT7'));
  if (statusLoops.length === 0) problems.push(mapProblem('MAP_VALUE_MISSING', 'The set has no AT7; a shipment status reports at least one status.', { element: 'AT701' }));
  const events = statusLoops.map((loop) => eventFrom(loop, options, problems));
  if (!events.every((event) => event !== undefined)) return { ok: false, problems };
  const status: ShipmentStatus = {
    kind: 'shipment-status',
    source,
    ...field('shipmentId', optionalText(b10, 'B1002') ?? references('SI')[0]),
    ...field('billOfLading', references('BM')[0]),
    ...field('proNumber', optionalText(b10, 'B1001') ?? references('CN')[0]),
    ...(orderNumbers.length > 0 ? { orderNumbers } : {}),
    parties: withCarrier(parties, optionalText(b10, 'B1003')),
    events,
  };
  return documentResult(status, problems);
};

/** The values of the references with a qualifier (128): B1005/B1006 first, then the L11 of the heading and of each LX. */
function referencesOf(b10: TreeSegment | undefined, loops: readonly TreeLoop<TreeSegment>[]): (qualifier: string) => string[] {
  const pairs = [
    { qualifier: text(b10, 'B1005'), value: text(b10, 'B1006') },
    ...loops.flatMap((loop) => loop.segments('L11').map((l11) => ({ qualifier: text(l11, 'L1102'), value: text(l11, 'L1101') }))),
  ];
  return (qualifier) => pairs.filter((pair) => pair.qualifier === qualifier && pair.value !== '').map((pair) => pair.value);
}

function distinct(parties: readonly Party[]): Party[] {
  return parties.filter((party, index) => parties.findIndex((other) => JSON.stringify(other) === JSON.stringify(party)) === index);
}

function eventFrom(loop: TreeLoop<TreeSegment>, options: MapOptions, problems: Problems): StatusEvent | undefined {
  const at7 = loop.segment('AT7');
  if (at7 === undefined) return undefined;
  const happened = statusFrom(at7, options, problems);
  const at = dateTimeElements(at7, { date: 'AT705', time: 'AT706', timeCode: 'AT707' }, { what: 'the date of the status', required: true }, options, problems);
  const ms2 = loop.segment('MS2');
  const equipment = ms2 && equipmentFrom(ms2, { type: 'MS203', initial: 'MS201', number: 'MS202' }, options);
  if (happened === undefined || at === undefined) return undefined;
  return { ...happened, at, ...field('location', locationFrom(loop.segment('MS1'))), ...field('equipment', equipment) };
}
