import { FunctionalAck } from './functional-ack.js';
import { Invoice } from './invoice.js';
import { Order } from './order.js';
import { ShipNotice } from './ship-notice.js';
import { ShipmentStatus } from './shipment-status.js';

// Every canonical document's JSON Schema by its kind: what parseCanonical checks against, and what the
// HTTP API can publish. JSON.stringify of a schema is plain JSON Schema.

export const canonicalSchemas = {
  order: Order,
  'ship-notice': ShipNotice,
  'shipment-status': ShipmentStatus,
  invoice: Invoice,
  'functional-ack': FunctionalAck,
} as const;

export type CanonicalKind = keyof typeof canonicalSchemas;

export type CanonicalDocument = Order | ShipNotice | ShipmentStatus | Invoice | FunctionalAck;
