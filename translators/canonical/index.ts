// The canonical business documents every EDI document is translated through, and the one way in.

export { canonicalSchemas, type CanonicalDocument, type CanonicalKind } from './documents.js';
export { parseCanonical, type CanonicalParse } from './parse-canonical.js';
export type { Problem, ProblemCode } from './problem.js';
export { Order } from './order.js';
export { ShipNotice } from './ship-notice.js';
export { ShipmentStatus } from './shipment-status.js';
export { Invoice } from './invoice.js';
export { FunctionalAck } from './functional-ack.js';
export type { DateTime } from './dates.js';
export type { Money } from './money.js';
export type { Quantity } from './quantities.js';
export type { Party } from './parties.js';
export type { Item } from './items.js';
export type { Source } from './source.js';
export type { Transport } from './transport.js';
export type { ShippedOrder } from './packaging.js';
export * as decimal from './decimal.js';
export { gs1CheckDigit, isGln, isGtin, isSscc } from './check-digits.js';
