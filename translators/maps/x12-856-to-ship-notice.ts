import type { ShipNotice, ShippedOrder, Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult, mapProblem } from './map-result.js';
import { calendarDateElement, dateTimeElements, dtmDateTime } from './x12-dates.js';
import { at, field, integerElement, optionalText, requiredText, text, type Problems } from './x12-elements.js';
import { hierarchyFrom, type Level } from './x12-hierarchy.js';
import { itemFrom, LIN_ID_PAIRS } from './x12-items.js';
import { packageFrom } from './x12-packaging.js';
import { partiesFrom, withCarrier } from './x12-parties.js';
import { purposeFrom } from './x12-purpose.js';
import { quantityElements } from './x12-quantities.js';
import { td3Segments, transportFrom } from './x12-transport.js';

// The 856 ship notice, 004010 and 005010 alike, as a canonical ShipNotice. The HL levels nest shipment (S),
// order (O), tare (T, a pallet), pack (P, a carton) and item (I); tare and pack are optional, so an order may
// hold cartons or items directly. Orders packed onto shared pallets (a tare above its orders) have no place in
// the canonical notice, which keeps packages under their order: such a layout is refused, not rearranged.

type Pallet = NonNullable<ShippedOrder['pallets']>[number];
type Carton = NonNullable<ShippedOrder['cartons']>[number];
type ShippedItem = NonNullable<ShippedOrder['items']>[number];

/** What each level may hold, by HL03. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = { S: ['O'], O: ['T', 'P', 'I'], T: ['P', 'I'], P: ['I'], I: [] };
const NAMES: Readonly<Record<string, string>> = { S: 'a shipment', O: 'an order', T: 'a tare', P: 'a pack', I: 'an item' };

export const x12856ToShipNotice: InboundMap<ShipNotice> = (tree, source: Source, options) => {
  const problems: Problems = [];
  const bsn = tree.segment('BSN');
  const purpose = purposeFrom(bsn, 'BSN01', options, problems);
  const shipmentId = requiredText(bsn, 'BSN02', 'the shipment identification', problems);
  const issued = dateTimeElements(bsn, { date: 'BSN03', time: 'BSN04' }, { what: 'the date of the notice', required: true }, options, problems);
  const roots = hierarchyFrom(tree.loops('HL'), options, problems);
  checkLayout(roots, undefined, problems);
  const shipment = roots.find((level) => level.code === 'S');
  const orderLevels = shipment?.children.filter((level) => level.code === 'O') ?? [];
  if (orderLevels.length === 0 && problems.length === 0) {
    problems.push(mapProblem('MAP_VALUE_MISSING', 'No HL names an order (HL03 O) under the shipment (HL03 S); a ship notice says which orders it ships.', { element: 'HL03' }));
  }
  const orders = orderLevels.map((level) => orderFrom(level, options, problems));
  if (!shipment || shipmentId === undefined || issued === undefined || !orders.every((order) => order !== undefined)) return { ok: false, problems };
  const loop = shipment.loop;
  const { transport, scac } = transportFrom(loop.segment('TD5'), td3Segments(loop), options);
  const td1 = loop.segment('TD1');
  const grossWeight = text(td1, 'TD106') === 'G' ? quantityElements(td1, { value: 'TD107', unit: 'TD108' }, { what: 'the gross weight of the shipment', required: false }, options, problems) : undefined;
  const notice: ShipNotice = {
    kind: 'ship-notice',
    source,
    purpose,
    shipmentId,
    ...field('billOfLading', reference(loop, 'BM')),
    ...field('proNumber', reference(loop, 'CN')),
    dates: {
      issued,
      ...field('shipped', dtmDateTime(loop, '011', 'the ship date', options, problems)),
      ...field('estimatedDelivery', dtmDateTime(loop, '017', 'the estimated delivery date', options, problems)),
    },
    parties: withCarrier(partiesFrom(loop.loops('N1'), options, problems), scac),
    ...field('transport', transport),
    ...field('packageCount', integerElement(td1, 'TD102', { what: 'the lading quantity', required: false }, problems) || undefined),
    ...field('grossWeight', grossWeight),
    ...field('volume', quantityElements(td1, { value: 'TD109', unit: 'TD110' }, { what: 'the volume of the shipment', required: false }, options, problems)),
    orders,
  };
  return documentResult(notice, problems);
};

function reference(loop: TreeLoop<TreeSegment>, qualifier: string): string | undefined {
  return optionalText(
    loop.segments('REF').find((ref) => text(ref, 'REF01') === qualifier),
    'REF02',
  );
}

/** Every level where the canonical notice can hold it: known codes, each under a level that may hold it. */
function checkLayout(levels: readonly Level[], parent: Level | undefined, problems: Problems): void {
  for (const level of levels) {
    const allowed = parent === undefined ? ['S'] : (CHILDREN[parent.code] ?? []);
    if (NAMES[level.code] === undefined) {
      problems.push(mapProblem('MAP_CODE_UNKNOWN', `HL03 is "${text(level.hl, 'HL03')}", a level this map does not know (S, O, T, P, I); the partner's profile can translate it.`, at(level.hl, 'HL03')));
    } else if (!allowed.includes(level.code)) {
      const where = parent === undefined ? 'at the top of the hierarchy' : `under ${NAMES[parent.code]} level (HL ${text(parent.hl, 'HL01')})`;
      problems.push(mapProblem('MAP_VALUE_INVALID', `HL ${text(level.hl, 'HL01')} is ${NAMES[level.code]} level ${where}; the ship notice keeps shipment, order, tare, pack and item in that order.`, at(level.hl, 'HL03')));
    } else {
      checkLayout(level.children, level, problems);
    }
  }
}

function orderFrom(level: Level, options: MapOptions, problems: Problems): ShippedOrder | undefined {
  const prf = level.loop.segment('PRF');
  const orderNumber = requiredText(prf, 'PRF01', 'the purchase order number', problems);
  const orderDate = calendarDateElement(prf, 'PRF04', { what: 'the purchase order date', required: false }, problems);
  const contents = contentsOf(level, options, problems);
  if (orderNumber === undefined) {
    if (prf === undefined) problems.push(mapProblem('MAP_VALUE_MISSING', `The order level HL ${text(level.hl, 'HL01')} has no PRF, which names its purchase order.`, at(level.hl, 'HL03')));
    return undefined;
  }
  return { orderNumber, ...field('orderDate', orderDate), ...contents };
}

function contentsOf(level: Level, options: MapOptions, problems: Problems): { pallets?: Pallet[]; cartons?: Carton[]; items?: ShippedItem[] } {
  const pick = <T>(code: string, read: (child: Level) => T | undefined): T[] => level.children.filter((child) => child.code === code).flatMap((child) => read(child) ?? []);
  const pallets = pick('T', (child) => palletFrom(child, options, problems));
  const cartons = pick('P', (child) => cartonFrom(child, options, problems));
  const items = pick('I', (child) => itemLevelFrom(child, options, problems));
  return { ...(pallets.length > 0 ? { pallets } : {}), ...(cartons.length > 0 ? { cartons } : {}), ...(items.length > 0 ? { items } : {}) };
}

function palletFrom(level: Level, options: MapOptions, problems: Problems): Pallet {
  const { sscc, grossWeight, dimensions } = packageFrom(level.loop, options, problems);
  return { ...field('sscc', sscc), ...field('grossWeight', grossWeight), ...field('dimensions', dimensions), ...contentsOf(level, options, problems) };
}

function cartonFrom(level: Level, options: MapOptions, problems: Problems): Carton | undefined {
  const facts = packageFrom(level.loop, options, problems);
  const { items } = contentsOf(level, options, problems);
  if (items === undefined) {
    problems.push(mapProblem('MAP_VALUE_MISSING', `The pack level HL ${text(level.hl, 'HL01')} holds no item level; a carton says what is in it.`, at(level.hl, 'HL04')));
    return undefined;
  }
  return { ...facts, items };
}

function itemLevelFrom(level: Level, options: MapOptions, problems: Problems): ShippedItem | undefined {
  const lin = level.loop.segment('LIN');
  const sn1 = level.loop.segment('SN1');
  if (lin === undefined) {
    problems.push(mapProblem('MAP_VALUE_MISSING', `The item level HL ${text(level.hl, 'HL01')} has no LIN, which names the item.`, at(level.hl, 'HL03')));
    return undefined;
  }
  const item = itemFrom(lin, LIN_ID_PAIRS, level.loop.segments('PID'), options, problems);
  const quantity = quantityElements(sn1, { value: 'SN102', unit: 'SN103' }, { what: 'the number of units shipped', required: true }, options, problems);
  if (item === undefined || quantity === undefined) return undefined;
  return { ...field('orderLineNumber', optionalText(lin, 'LIN01') ?? optionalText(sn1, 'SN101')), item, quantity };
}
