import { documentWords } from '../../translators/canonical/business-names.js';
import type { CanonicalDocument } from '../../translators/canonical/index.js';
import type { Standard } from '../../translators/identify-standard.js';
import type { TreeLoop, TreeSegment } from '../../translators/tree.js';
import type { BusinessReference } from '../alerts/alert.js';

export { referenceOf } from '../../translators/canonical/business-names.js';
import type { DocumentKind } from '../store/sql/documents.js';

// How support names a document: its business name and number ("order PO-1"), never its transaction set.

const kinds: Readonly<Record<CanonicalDocument['kind'], DocumentKind>> = {
  order: 'Order',
  'ship-notice': 'ShipNotice',
  'shipment-status': 'ShipmentStatus',
  invoice: 'Invoice',
  'functional-ack': 'FunctionalAck',
};

const words = Object.fromEntries(Object.entries(kinds).map(([kind, stored]) => [stored, documentWords[kind as CanonicalDocument['kind']]])) as Readonly<Record<DocumentKind, string>>;

/** The business name a canonical document is stored under: 'ship-notice' is a ShipNotice. */
export function documentKindOf(kind: CanonicalDocument['kind']): DocumentKind {
  return kinds[kind];
}

/** 'ship notice' */
export function kindWords(kind: DocumentKind): string {
  return words[kind];
}

// Where each message carries its number, as its map reads it: for a set whose map failed, so that its
// exception still names the order or invoice when that much could be read.
const numberElements: Readonly<Record<Standard, Readonly<Record<string, string>>>> = {
  X12: { '850': 'BEG03', '856': 'BSN02', '810': 'BIG02', '214': 'B1002' },
  EDIFACT: { ORDERS: 'BGM02', DESADV: 'BGM02', INVOIC: 'BGM02' },
};

/** The number written in the set or message, when its message has one where its map reads it. */
export function referenceInTree(standard: Standard, message: string, tree: TreeLoop<TreeSegment> | undefined): string | undefined {
  const element = Object.hasOwn(numberElements[standard], message) ? numberElements[standard][message] : undefined;
  const value = element && tree ? tree.value(element).trim() : '';
  return value === '' ? undefined : value;
}

export function businessReference(kind: DocumentKind, number: string | null | undefined): BusinessReference | undefined {
  return number ? { document: kindWords(kind), number } : undefined;
}
