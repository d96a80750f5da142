import type { ShipNotice, ShippedOrder } from '../canonical/index.js';
import type { MapOptions, OutboundMap, OutboundSegment } from './map-contract.js';
import { mapProblem, segmentsResult } from './map-result.js';
import { dateOut, dateTimeOut, dtmSegment } from './x12-dates.js';
import { segment, type Problems } from './x12-elements.js';
import { descriptionOut, itemIdsOut, LIN_ID_PAIRS } from './x12-items.js';
import { packageOut } from './x12-packaging.js';
import { carrierScac, partyLoopsOut } from './x12-parties.js';
import { purposeOut } from './x12-purpose.js';
import { quantityOut } from './x12-quantities.js';
import { td3Out, td5Out } from './x12-transport.js';
import { unwritableText } from './x12-unwritable-text.js';

// A canonical ShipNotice as the segments of an 856, the same in 004010 and 005010: one shipment level (S),
// an order level (O) per order, and under each its tares (T), packs (P) and items (I), numbered in the order
// written, each HL naming its parent and saying whether children follow (HL04). BSN05 0001 says the
// hierarchy is shipment, order, packaging, item; CTT01 counts the HL segments.

type Pallet = NonNullable<ShippedOrder['pallets']>[number];
type Carton = NonNullable<ShippedOrder['cartons']>[number];
type ShippedItem = NonNullable<ShippedOrder['items']>[number];

interface Writing {
  readonly segments: OutboundSegment[];
  readonly options: MapOptions;
  readonly problems: Problems;
  levels: number;
}

export const shipNoticeToX12856: OutboundMap<ShipNotice> = (notice, options) => {
  const problems: Problems = unwritableText(notice, options);
  const { issued } = notice.dates;
  const bsnTime = dateTimeOut(issued, 'BSN04', '/dates/issued', options, problems);
  if (bsnTime.time === undefined) problems.push(mapProblem('MAP_VALUE_MISSING', 'The time of /dates/issued is missing; BSN04, the time of the notice, is required.', { path: '/dates/issued/time' }));
  if (bsnTime.timeCode !== undefined) problems.push(mapProblem('MAP_VALUE_INVALID', 'The zone of /dates/issued cannot be written: BSN has no time code.', { path: '/dates/issued' }));
  const writing: Writing = { segments: [segment('BSN', purposeOut(notice.purpose, 'BSN01', options), notice.shipmentId, bsnTime.date, bsnTime.time, '0001')], options, problems, levels: 0 };
  const shipmentLevel = level(writing, undefined, 'S', true);
  writing.segments.push(
    ...td1Out(notice, options, problems),
    ...td5Out(notice.transport, carrierScac(notice.parties), options),
    ...td3Out(notice.transport, '/transport', options, problems),
    ...(notice.billOfLading ? [segment('REF', 'BM', notice.billOfLading)] : []),
    ...(notice.proNumber ? [segment('REF', 'CN', notice.proNumber)] : []),
    ...(notice.dates.shipped ? [dtmSegment('011', notice.dates.shipped, '/dates/shipped', options, problems)] : []),
    ...(notice.dates.estimatedDelivery ? [dtmSegment('017', notice.dates.estimatedDelivery, '/dates/estimatedDelivery', options, problems)] : []),
    ...partyLoopsOut(notice.parties, '/parties', options, problems),
  );
  notice.orders.forEach((order, index) => {
    const path = `/orders/${index}`;
    const orderLevel = level(writing, shipmentLevel, 'O', Boolean(order.pallets ?? order.cartons ?? order.items));
    writing.segments.push(segment('PRF', order.orderNumber, undefined, undefined, order.orderDate && dateOut(order.orderDate)));
    order.pallets?.forEach((pallet, palletIndex) => palletOut(writing, orderLevel, pallet, `${path}/pallets/${palletIndex}`));
    order.cartons?.forEach((carton, cartonIndex) => cartonOut(writing, orderLevel, carton, `${path}/cartons/${cartonIndex}`));
    order.items?.forEach((item, itemIndex) => itemOut(writing, orderLevel, item, `${path}/items/${itemIndex}`));
  });
  writing.segments.push(segment('CTT', String(writing.levels)));
  return segmentsResult(writing.segments, problems);
};

/** Writes the HL of a new level and returns its number. */
function level(writing: Writing, parent: number | undefined, code: string, hasChildren: boolean): number {
  writing.levels += 1;
  writing.segments.push(segment('HL', String(writing.levels), parent === undefined ? undefined : String(parent), code, hasChildren ? '1' : '0'));
  return writing.levels;
}

function td1Out(notice: ShipNotice, options: MapOptions, problems: Problems): OutboundSegment[] {
  const { packageCount, grossWeight, volume } = notice;
  if (packageCount === undefined && grossWeight === undefined && volume === undefined) return [];
  const weight = grossWeight && quantityOut(grossWeight, '/grossWeight', options, problems);
  const space = volume && quantityOut(volume, '/volume', options, problems);
  return [segment('TD1', undefined, packageCount === undefined ? undefined : String(packageCount), undefined, undefined, undefined, weight && 'G', weight?.value, weight?.unit, space?.value, space?.unit)];
}

function palletOut(writing: Writing, parent: number, pallet: Pallet, path: string): void {
  const palletLevel = level(writing, parent, 'T', Boolean(pallet.cartons ?? pallet.items));
  writing.segments.push(...packageOut(pallet, path, writing.options, writing.problems));
  pallet.cartons?.forEach((carton, index) => cartonOut(writing, palletLevel, carton, `${path}/cartons/${index}`));
  pallet.items?.forEach((item, index) => itemOut(writing, palletLevel, item, `${path}/items/${index}`));
}

function cartonOut(writing: Writing, parent: number, carton: Carton, path: string): void {
  const cartonLevel = level(writing, parent, 'P', true);
  writing.segments.push(...packageOut(carton, path, writing.options, writing.problems));
  carton.items.forEach((item, index) => itemOut(writing, cartonLevel, item, `${path}/items/${index}`));
}

function itemOut(writing: Writing, parent: number, shipped: ShippedItem, path: string): void {
  level(writing, parent, 'I', false);
  const { value, unit } = quantityOut(shipped.quantity, `${path}/quantity`, writing.options, writing.problems);
  const ids = itemIdsOut(shipped.item, LIN_ID_PAIRS, `${path}/item`, writing.options, writing.problems);
  writing.segments.push(segment('LIN', shipped.orderLineNumber, ...ids), segment('SN1', undefined, value, unit), ...descriptionOut(shipped.item));
}
