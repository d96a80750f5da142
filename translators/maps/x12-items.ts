import type { Item } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { mapProblem } from './map-result.js';
import { field, segment, text, type Problems } from './x12-elements.js';

// What the goods are, read from and written to the product id pairs of PO1, IT1 and LIN (a qualifier (235)
// followed by its id (234)) and the free-form PID descriptions. Which qualifiers carry the buyer's and the
// vendor's item numbers is the partner's choice (MapOptions); GS1 numbers and lots are the standard's.
// Pairs with other qualifiers (colour, promotion ...) describe nothing the canonical item holds and are left.

/** Where a segment's pairs are: PO106/PO107 to PO124/PO125 is { first: 6, count: 10 }. */
export interface IdPairs {
  readonly first: number;
  readonly count: number;
}

export const PO1_ID_PAIRS: IdPairs = { first: 6, count: 10 };
export const IT1_ID_PAIRS: IdPairs = { first: 6, count: 10 };
export const LIN_ID_PAIRS: IdPairs = { first: 2, count: 15 };

/** U.P.C. (UP), GTIN-14 (UK), EAN (EN) and U.P.C./EAN case codes (UA) are all GS1 trade item numbers. */
const GTIN_QUALIFIERS = ['UP', 'UK', 'EN', 'UA'];

function elementName(tag: string, position: number): string {
  return `${tag}${String(position).padStart(2, '0')}`;
}

function pairsOf(line: TreeSegment, pairs: IdPairs): { qualifier: string; id: string }[] {
  return Array.from({ length: pairs.count }, (_, index) => {
    const position = pairs.first + index * 2;
    return { qualifier: text(line, elementName(line.tag, position)), id: text(line, elementName(line.tag, position + 1)) };
  }).filter((pair) => pair.qualifier !== '' && pair.id !== '');
}

/** The item a line names; a problem when none of its ids is a GTIN, buyer or vendor item number. */
export function itemFrom(line: TreeSegment, pairs: IdPairs, descriptions: readonly TreeSegment[], options: MapOptions, problems: Problems): Item | undefined {
  const found = pairsOf(line, pairs);
  const first = (qualifiers: readonly string[]) => qualifiers.map((qualifier) => found.find((pair) => pair.qualifier === qualifier)?.id).find((id) => id !== undefined);
  const serialNumbers = found.filter((pair) => pair.qualifier === 'SN').map((pair) => pair.id);
  const description = descriptions
    .filter((pid) => text(pid, 'PID01') === 'F')
    .map((pid) => text(pid, 'PID05'))
    .filter((words) => words !== '')
    .join(' ');
  const item: Item = {
    ...field('gtin', found.find((pair) => GTIN_QUALIFIERS.includes(pair.qualifier))?.id),
    ...field('buyerItem', first(options.buyerItemQualifiers)),
    ...field('vendorItem', first(options.vendorItemQualifiers)),
    ...field('description', description || undefined),
    ...field('lot', first(['LT'])),
    ...(serialNumbers.length > 0 ? { serialNumbers } : {}),
  };
  if (item.gtin ?? item.buyerItem ?? item.vendorItem) return item;
  const last = elementName(line.tag, pairs.first + pairs.count * 2 - 1);
  problems.push(
    mapProblem(
      'MAP_VALUE_MISSING',
      `${line.tag} names its item by none of the ids the canonical item needs (a GTIN, or a buyer or vendor item number by the qualifiers in the partner's profile) in ${elementName(line.tag, pairs.first)}-${last}.`,
      { segmentPosition: line.position, element: elementName(line.tag, pairs.first) },
    ),
  );
  return undefined;
}

/** The qualifier and id pairs to write for an item, as many as the segment has room for. */
export function itemIdsOut(item: Item, pairs: IdPairs, path: string, options: MapOptions, problems: Problems): string[] {
  const written: [string, string | undefined][] = [
    [gtinQualifier(item.gtin ?? ''), item.gtin],
    [options.buyerItemQualifiers[0] ?? '', item.buyerItem],
    [options.vendorItemQualifiers[0] ?? '', item.vendorItem],
    ['LT', item.lot],
    ...(item.serialNumbers ?? []).map((serial): [string, string] => ['SN', serial]),
  ];
  const present = written.filter((pair): pair is [string, string] => pair[1] !== undefined);
  if (present.some(([qualifier]) => qualifier === '')) {
    problems.push(mapProblem('MAP_VALUE_INVALID', `The item at ${path} has a buyer or vendor item number, and the partner's profile names no qualifier to write it with.`, { path }));
  }
  if (present.length > pairs.count) {
    problems.push(mapProblem('MAP_VALUE_INVALID', `The item at ${path} has ${present.length} numbers; the segment has room for ${pairs.count} product ids.`, { path }));
  }
  return present.slice(0, pairs.count).flat();
}

function gtinQualifier(gtin: string): string {
  if (gtin.length === 12) return 'UP';
  if (gtin.length === 14) return 'UK';
  return 'EN';
}

/** The item's description as a free-form PID, when it has one. */
export function descriptionOut(item: Item): OutboundSegment[] {
  return item.description === undefined ? [] : [segment('PID', 'F', undefined, undefined, undefined, item.description)];
}
