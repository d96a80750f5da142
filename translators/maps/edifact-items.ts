import type { Item } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import { codeOf, field, joinedText, type Loop } from './edifact-reading.js';
import { splitText, type EdifactSegmentWriter, type WrittenDirectory } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';
import { codeOut } from './map-options.js';

// What the goods are, read from LIN's item number (C212) and the additional ids of PIA, and the free-form
// descriptions of IMD. Which item types (7143) carry the buyer's and the vendor's numbers is the partner's
// choice (MapOptions); GS1 numbers, batches and serial numbers are the standard's.

/** GS1 trade item numbers: EN (EAN), UP (U.P.C.), and SRV and SRS, the GS1 codes of later directories and guides. */
const GTIN_TYPES = ['EN', 'UP', 'SRV', 'SRS'];
/** What LIN's number is written as: EANCOM 1997 (D96A) says EN, EANCOM 2002 (D01B) SRV. */
const WRITTEN_GTIN_TYPE: Readonly<Record<WrittenDirectory, string>> = { D96A: 'EN', D01B: 'SRV' };
const LOT = 'NB';
const SERIAL = 'SN';
/** PIA holds its ids in elements 2 to 6. */
const PIA_IDS = 5;
const LENGTH = 35;

interface ItemId {
  readonly type: string;
  readonly value: string;
}

/** The item of a line group: LIN, its PIAs and IMDs. */
export function readItem(line: Loop, options: MapOptions): Item {
  const ids = itemIds(line, options);
  const first = (types: readonly string[]) => types.map((type) => ids.find((id) => id.type === type)?.value).find((value) => value !== undefined);
  const serialNumbers = ids.filter((id) => id.type === SERIAL).map((id) => id.value);
  // C273: the description is in components 4 and 5, after a coded description and its code list.
  const description = line
    .segments('IMD')
    .map((imd) => joinedText(imd, 'IMD03', 4, 5))
    .find((text) => text !== undefined);
  return {
    ...field('gtin', first(GTIN_TYPES)),
    ...field('buyerItem', first(options.buyerItemQualifiers)),
    ...field('vendorItem', first(options.vendorItemQualifiers)),
    ...field('description', description),
    ...field('lot', first([LOT])),
    ...(serialNumbers.length > 0 ? { serialNumbers } : {}),
  };
}

function itemIds(line: Loop, options: MapOptions): ItemId[] {
  const ids: ItemId[] = [];
  const add = (at: TreeSegment, element: string) => {
    const value = at.value(`${element}-1`);
    if (value !== '') ids.push({ type: codeOf(options, at, `${element}-2`), value });
  };
  const lin = line.segment('LIN');
  if (lin) add(lin, 'LIN03');
  for (const pia of line.segments('PIA')) {
    for (let position = 2; position < 2 + PIA_IDS; position += 1) add(pia, `PIA0${position}`);
  }
  return ids;
}

/** LIN (numbered `lineNumber`, as written) with the GTIN, a PIA with the other numbers, an IMD with the description. */
export function writeItem(writer: EdifactSegmentWriter, lineNumber: string, item: Item, path: string, directory: WrittenDirectory): void {
  const { options } = writer;
  writer.segment('LIN', lineNumber, '', item.gtin === undefined ? '' : [item.gtin, codeOut(options, 'LIN03-2', WRITTEN_GTIN_TYPE[directory])]);
  const ids: [string, string][] = [];
  const id = (value: string | undefined, type: string | undefined, at: string) => {
    if (value === undefined) return;
    if (type === undefined) writer.unwritable(at, 'the partner profile names no item type (7143) for it.');
    else ids.push([writer.text(value, at), codeOut(options, 'PIA02-2', type)]);
  };
  id(item.buyerItem, options.buyerItemQualifiers[0], `${path}/buyerItem`);
  id(item.vendorItem, options.vendorItemQualifiers[0], `${path}/vendorItem`);
  id(item.lot, LOT, `${path}/lot`);
  item.serialNumbers?.forEach((serial, index) => id(serial, SERIAL, `${path}/serialNumbers/${index}`));
  for (let start = 0; start < ids.length; start += PIA_IDS) writer.segment('PIA', '1', ...ids.slice(start, start + PIA_IDS));
  if (item.description !== undefined) writer.segment('IMD', 'F', '', ['', '', '', ...splitText(writer, item.description, `${path}/description`, LENGTH, 2)]);
}
