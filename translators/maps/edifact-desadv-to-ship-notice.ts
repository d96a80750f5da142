import type { ShipNotice, ShippedOrder } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import { dateSegment, readDates, readDateTime } from './edifact-dates.js';
import { DESADV_GROUPS, DESPATCHED, MEASURES, PALLET_TYPES, REFERENCE_DATE, REFERENCES, SHIP_NOTICE_DATES, SSCC_IDENTITY, type DesadvGroups } from './edifact-desadv-layout.js';
import { readItem } from './edifact-items.js';
import { readPurpose } from './edifact-message-function.js';
import { readPackageMeasures, type PackageMeasures } from './edifact-package-measures.js';
import { readParties } from './edifact-parties.js';
import { readMeasure, readQuantity } from './edifact-quantities.js';
import { codeOf, directoryTable, field, InboundProblems, loopsWhere, present, required, type Loop } from './edifact-reading.js';
import { readTransport } from './edifact-transport.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult } from './map-result.js';

// DESADV (D96A, D01B) -> ShipNotice. The packing is a hierarchy of CPS groups, each naming its own number
// (7164) and its parent's (7166): the tree is built from those numbers, not from the order of the groups.
// A CPS without parent and without an SSCC is the shipment itself (its PAC counts the packages, its LIN
// groups are goods shipped unpacked). Below it, a package holding packages, or packed as a pallet (PAC
// 7065), is a pallet; the others are cartons. The goods of a package say which order it belongs to
// (RFF+ON in the line, else in the header), so a package holding goods of two orders is a problem.

type ShippedItem = NonNullable<ShippedOrder['items']>[number];
type Pallet = NonNullable<ShippedOrder['pallets']>[number];
type Carton = NonNullable<ShippedOrder['cartons']>[number];

interface Level {
  readonly cps: TreeSegment;
  readonly number: string;
  readonly parent: string | undefined;
  readonly sscc: string | undefined;
  /** The first PAC: its type says pallet or carton; at the shipment level its count is the package count. */
  readonly pac: TreeSegment | undefined;
  readonly measures: PackageMeasures;
  readonly goods: readonly Goods[];
}

interface Goods {
  readonly order: OrderReference | undefined;
  readonly item: ShippedItem;
}

interface OrderReference {
  readonly orderNumber: string;
  readonly orderDate?: string;
}

export const edifactDesadvToShipNotice: InboundMap<ShipNotice> = (tree, source, options) => {
  const problems = new InboundProblems();
  const groups = directoryTable(source, DESADV_GROUPS, problems);
  if (groups === undefined) return { ok: false, problems: problems.list };
  const bgm = tree.segment('BGM');
  const shipmentId = required(problems, bgm, 'BGM02', 'the despatch advice number');
  const purpose = readPurpose(problems, bgm, options);
  const dates = readDates(problems, tree, SHIP_NOTICE_DATES, options, { issued: 'the date of the despatch advice' });
  const reference = (qualifier: string) => present(loopsWhere(tree, groups.references, 'RFF01-1', [qualifier], options)[0]?.value('RFF01-2') ?? '');
  const headerOrder = orderReference(problems, tree.loops(groups.references), options);
  const levels = readLevels(problems, tree.loops(groups.packing), groups, headerOrder, options);
  const shipmentLevel = levels.find((level) => isShipmentLevel(level));
  const notice = {
    kind: 'ship-notice',
    source,
    purpose,
    shipmentId,
    ...field('billOfLading', reference(REFERENCES.billOfLading)),
    ...field('proNumber', reference(REFERENCES.proNumber)),
    dates,
    parties: readParties(tree.loops(groups.parties), options),
    ...field('transport', readTransport(tree.loops(groups.transport), tree.loops(groups.equipment), options)),
    ...field('packageCount', shipmentLevel?.pac && packageCount(problems, shipmentLevel.pac)),
    ...field('grossWeight', readMeasure(problems, tree, MEASURES.grossWeight, options)),
    ...field('volume', readMeasure(problems, tree, MEASURES.volume, options)),
    orders: shippedOrders(problems, levels, headerOrder),
  };
  return documentResult(notice as ShipNotice, problems.list);
};

/** The first order number of a set of RFF groups, with the date (DTM 171) in its group. */
function orderReference(problems: InboundProblems, references: readonly Loop[], options: MapOptions): OrderReference | undefined {
  const group = references.find((candidate) => candidate.segment('RFF') && codeOf(options, candidate.segment('RFF') as TreeSegment, 'RFF01-1') === REFERENCES.order);
  const orderNumber = present(group?.value('RFF01-2') ?? '');
  if (group === undefined || orderNumber === undefined) return undefined;
  const dtm = dateSegment(group, REFERENCE_DATE, options);
  const orderDate = dtm && readDateTime(problems, dtm)?.date;
  return { orderNumber, ...field('orderDate', orderDate) };
}

function readLevels(problems: InboundProblems, packing: readonly Loop[], groups: DesadvGroups, headerOrder: OrderReference | undefined, options: MapOptions): Level[] {
  const levels: Level[] = [];
  for (const group of packing) {
    const cps = group.segment('CPS') as TreeSegment;
    const number = required(problems, cps, 'CPS01', 'the number of the packing level');
    if (number === undefined) continue;
    if (levels.some((level) => level.number === number)) problems.invalid(cps, 'CPS01', `CPS01 numbers a second packing level ${number}; each CPS needs its own number.`);
    const packages = group.loops(groups.package);
    const ssccs = packages.flatMap((pac) => pac.loops(groups.marking)).flatMap((pci) => pci.loops(groups.label)).flatMap((label) => ssccsOf(label, options));
    if (ssccs.length > 1) problems.invalid(cps, 'CPS01', `CPS ${number} holds ${ssccs.length} SSCCs; describe each labelled package in a CPS of its own.`);
    const goods = group.loops(groups.line).map((line): Goods => {
      const lineOrder = orderReference(problems, line.loops(groups.lineReference), options);
      const orderLine = lineOrderLine(line, groups, options);
      const quantity = readQuantity(problems, line, [DESPATCHED], options, 'the despatched quantity');
      return { order: lineOrder ?? headerOrder, item: { ...field('orderLineNumber', orderLine), item: readItem(line, options), quantity } as ShippedItem };
    });
    levels.push({
      cps,
      number,
      parent: present(cps.value('CPS02')),
      sscc: ssccs[0],
      pac: packages[0]?.segment('PAC'),
      measures: packages[0] ? readPackageMeasures(problems, packages[0], options) : {},
      goods,
    });
  }
  for (const level of levels) {
    if (level.parent === level.number) problems.invalid(level.cps, 'CPS02', `CPS02 names packing level ${level.number} as its own parent.`);
    else if (level.parent !== undefined && !levels.some((candidate) => candidate.number === level.parent)) {
      problems.invalid(level.cps, 'CPS02', `CPS02 names packing level ${level.parent} as the parent of level ${level.number}, but the message has no CPS ${level.parent}.`);
    }
  }
  return levels;
}

function ssccsOf(label: Loop, options: MapOptions): string[] {
  return label
    .segments('GIN')
    .filter((gin) => codeOf(options, gin, 'GIN01') === SSCC_IDENTITY)
    .flatMap((gin) => [2, 3, 4, 5, 6].map((element) => gin.value(`GIN0${element}-1`)))
    .filter((sscc) => sscc !== '');
}

/** The order line the goods were ordered on: the line number of RFF+ON (1156), or RFF+LI. */
function lineOrderLine(line: Loop, groups: DesadvGroups, options: MapOptions): string | undefined {
  const onLine = loopsWhere(line, groups.lineReference, 'RFF01-1', [REFERENCES.order], options)[0]?.value('RFF01-3');
  return present(onLine ?? '') ?? present(loopsWhere(line, groups.lineReference, 'RFF01-1', [REFERENCES.orderLine], options)[0]?.value('RFF01-2') ?? '');
}

function isShipmentLevel(level: Level): boolean {
  return level.parent === undefined && level.sscc === undefined;
}

/** The package count of the shipment level: the number of packages (7224) of its first PAC. */
function packageCount(problems: InboundProblems, pac: TreeSegment): number | undefined {
  const written = pac.value('PAC01');
  if (written === '') return undefined;
  if (/^\d+$/.test(written) && Number(written) > 0) return Number(written);
  problems.invalid(pac, 'PAC01', `PAC01, the number of packages of the shipment, is "${written}", which is not a whole number of packages.`);
  return undefined;
}

function shippedOrders(problems: InboundProblems, levels: readonly Level[], headerOrder: OrderReference | undefined): ShippedOrder[] {
  const orders = new Map<string, { orderNumber: string; orderDate?: string; pallets?: Pallet[]; cartons?: Carton[]; items?: ShippedItem[] }>();
  const references = [...(headerOrder ? [headerOrder] : []), ...levels.flatMap((level) => level.goods.flatMap((piece) => (piece.order ? [piece.order] : [])))];
  const orderOf = (orderNumber: string) => {
    let order = orders.get(orderNumber);
    if (order === undefined) {
      const orderDate = references.find((reference) => reference.orderNumber === orderNumber && reference.orderDate !== undefined)?.orderDate;
      order = { orderNumber, ...field('orderDate', orderDate) };
      orders.set(orderNumber, order);
    }
    return order;
  };
  const childrenOf = (level: Level) => levels.filter((candidate) => candidate.parent === level.number);
  /** The one order all goods of a package belong to; a problem when they name none or several. */
  const packageOrder = (level: Level, goods: readonly Goods[]) => {
    const numbers = [...new Set(goods.map((piece) => piece.order?.orderNumber ?? ''))];
    if (numbers.length === 1 && numbers[0] !== '') return orderOf(numbers[0] as string);
    if (numbers.length === 0 && headerOrder) return orderOf(headerOrder.orderNumber);
    if (numbers.includes('') || numbers.length === 0) problems.missing(level.cps, 'RFF01-2', `the order number of the goods in packing level ${level.number}`, 'RFF ON');
    else problems.invalid(level.cps, 'CPS01', `Packing level ${level.number} holds goods of orders ${numbers.join(' and ')}; a package belongs to one order.`);
    return undefined;
  };
  const carton = (level: Level): Carton => ({ ...field('sscc', level.sscc), ...level.measures, items: level.goods.map((piece) => piece.item) }) as Carton;

  for (const level of levels) {
    const parent = levels.find((candidate) => candidate.number === level.parent);
    const children = childrenOf(level);
    if (isShipmentLevel(level)) {
      for (const piece of level.goods) {
        if (piece.order === undefined) problems.missing(level.cps, 'RFF01-2', 'the order number of the goods', 'RFF ON');
        else (orderOf(piece.order.orderNumber).items ??= []).push(piece.item);
      }
    } else if (parent === undefined || isShipmentLevel(parent)) {
      const isPallet = children.length > 0 || PALLET_TYPES.includes(level.pac?.value('PAC03-1') ?? '');
      const goods = [...level.goods, ...children.flatMap((child) => child.goods)];
      const order = packageOrder(level, goods);
      if (order && isPallet) {
        const pallet = { ...field('sscc', level.sscc), ...level.measures, ...(children.length > 0 ? { cartons: children.map(carton) } : {}), ...(level.goods.length > 0 ? { items: level.goods.map((piece) => piece.item) } : {}) };
        (order.pallets ??= []).push(pallet as Pallet);
      } else if (order) (order.cartons ??= []).push(carton(level));
    } else if (children.length > 0 || !isPalletLevel(parent, levels)) {
      problems.invalid(level.cps, 'CPS02', `Packing level ${level.number} is packed deeper than pallet and carton, which a ship notice describes.`);
    }
  }
  if (orders.size === 0 && headerOrder) orderOf(headerOrder.orderNumber);
  if (orders.size === 0) problems.missing(undefined, 'RFF01-2', 'the order number', 'RFF ON');
  return [...orders.values()];
}

function isPalletLevel(level: Level, levels: readonly Level[]): boolean {
  const parent = levels.find((candidate) => candidate.number === level.parent);
  return parent === undefined || isShipmentLevel(parent);
}
