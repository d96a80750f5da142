import type { CanonicalDocument, CanonicalKind } from '../canonical/index.js';
import type { Standard } from '../identify-standard.js';
import { edifactDesadvToShipNotice } from './edifact-desadv-to-ship-notice.js';
import { edifactIftstaToShipmentStatus } from './edifact-iftsta-to-shipment-status.js';
import { edifactInvoicToInvoice } from './edifact-invoic-to-invoice.js';
import { edifactOrdersToOrder } from './edifact-orders-to-order.js';
import { invoiceToEdifactInvoic } from './invoice-to-edifact-invoic.js';
import { invoiceToX12810 } from './invoice-to-x12-810.js';
import type { InboundMap, OutboundMap } from './map-contract.js';
import { orderToEdifactOrders } from './order-to-edifact-orders.js';
import { orderToX12850 } from './order-to-x12-850.js';
import { shipNoticeToEdifactDesadv } from './ship-notice-to-edifact-desadv.js';
import { shipNoticeToX12856 } from './ship-notice-to-x12-856.js';
import { shipmentStatusToEdifactIftsta } from './shipment-status-to-edifact-iftsta.js';
import { shipmentStatusToX12214 } from './shipment-status-to-x12-214.js';
import { x12214ToShipmentStatus } from './x12-214-to-shipment-status.js';
import { x12810ToInvoice } from './x12-810-to-invoice.js';
import { x12850ToOrder } from './x12-850-to-order.js';
import { x12856ToShipNotice } from './x12-856-to-ship-notice.js';

// Every map, by standard and message: which canonical document a transaction set or message becomes, and
// the two functions between them. Each map takes its own document; the registry holds them under the one
// type callers look them up by, having checked the pairing here once.

export interface DocumentMaps {
  readonly kind: Exclude<CanonicalKind, 'functional-ack'>;
  readonly inbound: InboundMap<CanonicalDocument>;
  readonly outbound: OutboundMap<CanonicalDocument>;
}

function pair<D extends CanonicalDocument & { readonly kind: DocumentMaps['kind'] }>(kind: D['kind'], inbound: InboundMap<D>, outbound: OutboundMap<D>): DocumentMaps {
  return { kind, inbound, outbound: outbound as OutboundMap<CanonicalDocument> };
}

const MAPS: Readonly<Record<Standard, Readonly<Record<string, DocumentMaps>>>> = {
  X12: {
    '850': pair('order', x12850ToOrder, orderToX12850),
    '856': pair('ship-notice', x12856ToShipNotice, shipNoticeToX12856),
    '214': pair('shipment-status', x12214ToShipmentStatus, shipmentStatusToX12214),
    '810': pair('invoice', x12810ToInvoice, invoiceToX12810),
  },
  EDIFACT: {
    ORDERS: pair('order', edifactOrdersToOrder, orderToEdifactOrders),
    DESADV: pair('ship-notice', edifactDesadvToShipNotice, shipNoticeToEdifactDesadv),
    IFTSTA: pair('shipment-status', edifactIftstaToShipmentStatus, shipmentStatusToEdifactIftsta),
    INVOIC: pair('invoice', edifactInvoicToInvoice, invoiceToEdifactInvoic),
  },
};

/** The maps of a transaction set or message ('850', 'DESADV'), or undefined when there are none. */
export function mapsFor(standard: Standard, message: string): DocumentMaps | undefined {
  return Object.hasOwn(MAPS[standard], message) ? MAPS[standard][message] : undefined;
}

/** The message that carries a kind of canonical document in a standard: 'ship-notice' in X12 is '856'. */
export function messageFor(standard: Standard, kind: DocumentMaps['kind']): string {
  const found = Object.entries(MAPS[standard]).find(([, maps]) => maps.kind === kind);
  if (!found) throw new RangeError(`No ${standard} message carries a ${kind}.`);
  return found[0];
}
