import type { CanonicalDocument } from './documents.js';

// How the business names a canonical document, inbound or outbound: its kind in words and the number it is
// known by, so that support reads "ship notice SHIP-0042", never a row id or a transaction set.

export const documentWords: Readonly<Record<CanonicalDocument['kind'], string>> = {
  order: 'order',
  'ship-notice': 'ship notice',
  'shipment-status': 'shipment status',
  invoice: 'invoice',
  'functional-ack': 'functional acknowledgment',
};

/** The number the document is known by: the order, shipment or invoice number; a status report by its shipment. */
export function referenceOf(document: CanonicalDocument): string | undefined {
  switch (document.kind) {
    case 'order':
      return document.orderNumber;
    case 'ship-notice':
      return document.shipmentId;
    case 'invoice':
      return document.invoiceNumber;
    case 'shipment-status':
      return document.shipmentId ?? document.billOfLading ?? document.proNumber ?? document.orderNumbers?.[0];
    case 'functional-ack':
      return undefined;
  }
}
