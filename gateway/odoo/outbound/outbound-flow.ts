import type { BusinessDocument } from '../../../partners/schema/documents.js';
import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { ShipmentStatus } from '../../../translators/canonical/index.js';
import type { OdooClient, OdooDomain, OdooRecord } from '../client/odoo-client.js';

// What the Odoo poller works with: per model, which records it reads and whose they are; per flow, the
// documents one record becomes for one partner.

export interface OutboundInput {
  readonly client: OdooClient;
  /** The record as the poller read it (the source's fields). */
  readonly record: OdooRecord;
  /** The partner's current profile: its identities and options. */
  readonly profile: PartnerProfile;
  /** What the gateway itself knows of the record's delivery: a carrier's report that the goods arrived. */
  readonly deliveredMilestone: (delivery: string) => Promise<ShipmentStatus['events'][number] | undefined>;
}

/** One document a record becomes, before it is stored. */
export interface OutboundDraft {
  /** Told apart from the record's other documents of the same flow ('shipped'); '' when a flow makes one. */
  readonly part: string;
  /** The canonical document, without its source: the partner's envelope is given when it is stored. */
  readonly canonical: Readonly<Record<string, unknown>>;
}

export interface OutboundFlow {
  /** The business document it sends, as partner profiles name it. */
  readonly document: BusinessDocument;
  /** The parts of a record it sends, each once: a record whose parts were all sent is not read again. */
  readonly parts: readonly string[];
  drafts(input: OutboundInput): Promise<readonly OutboundDraft[]>;
}

/** One Odoo model the poller reads, and the flows its records go through. */
export interface OutboundSource {
  readonly model: string;
  /** The records worth sending, besides the watermark's condition: done deliveries, posted invoices. */
  readonly domain: OdooDomain;
  readonly fields: readonly string[];
  /** The field holding the record's partner (a contact or address under the partner's company). */
  readonly partnerField: string;
  /** How support reads the record: "delivery WH/OUT/00012". */
  readonly describe: (record: OdooRecord) => string;
  readonly flows: readonly OutboundFlow[];
}
