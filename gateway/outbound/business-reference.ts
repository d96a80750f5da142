import type { BusinessDocument } from '../../partners/schema/documents.js';
import { documentWords } from '../../translators/canonical/business-names.js';
import type { BusinessReference } from '../alerts/alert.js';
import type { OutboundDocument, OutboundKind } from '../store/sql/outbound-documents.js';

// What the business calls an outbound document, so that support finds it by the number it knows and reads
// alerts and exceptions as "ship notice SHIP-0042", not as a row id.

const PROFILE_DOCUMENTS: Readonly<Record<OutboundKind, BusinessDocument>> = {
  order: 'order',
  'ship-notice': 'shipNotice',
  'shipment-status': 'shipmentStatus',
  invoice: 'invoice',
};

/** The kind in words: 'ship notice'. */
export function kindWords(kind: OutboundKind): string {
  return documentWords[kind];
}

/** The business document a partner profile's `documents` entries name it by: 'shipNotice'. */
export function profileDocumentOf(kind: OutboundKind): BusinessDocument {
  return PROFILE_DOCUMENTS[kind];
}

export { referenceOf } from '../../translators/canonical/business-names.js';

/** The document as alerts name it; one without a number of its own by its id. */
export function businessReference(document: Pick<OutboundDocument, 'id' | 'kind' | 'reference'>): BusinessReference {
  return { document: kindWords(document.kind), number: document.reference ?? `#${document.id}` };
}
