import type { CanonicalDocument } from '../../translators/canonical/index.js';
import type { ErrorCode } from '../errors/catalogue.js';
import type { DocumentKind } from '../store/sql/documents.js';

// The port the sync step hands canonical documents to the system of record through: the Odoo connector
// (gateway/odoo/sync/) implements it; with EDI_ODOO=off, sync-to-log does. An adapter answers with an outcome and does not
// throw for what the system of record said: only its own faults are thrown (and taken as 'retry-later').

/** An inbound document as the port gets it. */
export interface SyncDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly partner: string;
  /** The order, shipment or invoice number, when it has one. */
  readonly reference: string | null;
  /** Its source says whether it is test or production business: a test document never makes a production record. */
  readonly canonical: CanonicalDocument;
  readonly fileId: string;
  readonly setId: string;
}

export type SyncOutcome =
  /** In the system of record (made now, or found made by an earlier attempt under the same key), as `reference`. */
  | { readonly outcome: 'synced'; readonly reference: string }
  /** Refused for what the document says or what the system of record holds: retrying it as it is will not help. */
  | { readonly outcome: 'refused'; readonly code: ErrorCode; readonly message: string }
  /** Not now (unreachable, busy, outcome unknown): tried again later with the same idempotency key. */
  | { readonly outcome: 'retry-later'; readonly code: ErrorCode; readonly message: string };

export interface SyncPort {
  /**
   * `idempotencyKey` is the same for every attempt on one document: an attempt that finds what an earlier one
   * made under it answers 'synced' with that record, never makes a second.
   */
  sync(document: SyncDocument, options: { readonly idempotencyKey: string }): Promise<SyncOutcome>;
}
