import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { SyncDocument } from '../../pipeline/sync-port.js';
import type { OdooClient } from '../client/odoo-client.js';

/** What every flow works from: one document of one partner, and the Odoo it goes to. */
export interface FlowInput<T> {
  readonly client: OdooClient;
  readonly document: SyncDocument;
  readonly canonical: T;
  /** The Odoo side of the partner's current profile. */
  readonly odoo: PartnerProfile['odoo'];
  /** The partner's own res.partner record (customer, supplier or carrier). */
  readonly partnerId: number;
  /** The same for every attempt on the document: what the records it makes are known by in Odoo. */
  readonly idempotencyKey: string;
  /** Runs `work` one caller at a time per key, across every gateway on the database: for records documents share. */
  readonly oneAtATime: OneAtATime;
}

export type OneAtATime = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** What a flow answers: the business reference of what it made or changed in Odoo ("S00042", "WH/IN/00007"). */
export type FlowResult = Promise<string>;
