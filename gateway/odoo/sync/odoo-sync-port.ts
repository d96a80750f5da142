import type { PartnerProfile } from '../../../partners/schema/profile.js';
import { errorCatalogue } from '../../errors/catalogue.js';
import { GatewayError, isGatewayError } from '../../errors/gateway-error.js';
import type { Logger } from '../../log.js';
import type { SyncDocument, SyncOutcome, SyncPort } from '../../pipeline/sync-port.js';
import { isOdooCallError } from '../client/odoo-errors.js';
import type { OdooConnection } from './odoo-connection.js';
import { syncInvoice } from './invoice-to-vendor-bill.js';
import { syncOrder } from './order-to-sale-order.js';
import { partnerRecord } from './partner-record.js';
import { syncShipNotice } from './ship-notice-to-receipt.js';
import { syncShipmentStatus } from './shipment-status-to-delivery.js';
import type { FlowInput, OneAtATime } from './sync-flow.js';

// The sync port on Odoo: each inbound document goes to the flow of its kind, with the Odoo side of its
// partner's current profile. What Odoo or the document makes impossible is 'refused' with the reason in
// plain words; what may pass (Odoo unreachable, busy, an answer lost) is 'retry-later', and the next attempt
// comes with the same idempotency key, so it finds what this one made instead of making it again.

export interface OdooSyncPortOptions {
  readonly connection: OdooConnection;
  /** The partner's current profile; undefined when there is no such partner. */
  readonly profileOf: (partner: string) => Promise<PartnerProfile | undefined>;
  readonly oneAtATime: OneAtATime;
  readonly log: Logger;
}

export function createOdooSyncPort(options: OdooSyncPortOptions): SyncPort {
  return {
    async sync(document, { idempotencyKey }) {
      try {
        const reference = await syncToOdoo(options, document, idempotencyKey);
        options.log.info({ documentId: document.id, kind: document.kind, partner: document.partner, reference, odoo: options.connection.name }, `${document.kind} synced to Odoo as ${reference}`);
        return { outcome: 'synced', reference };
      } catch (error) {
        const outcome = outcomeOf(error);
        if (outcome === undefined) throw error;
        options.log.warn({ documentId: document.id, kind: document.kind, partner: document.partner, ...outcome }, `${document.kind} not synced to Odoo`);
        return outcome;
      }
    },
  };
}

async function syncToOdoo(options: OdooSyncPortOptions, document: SyncDocument, idempotencyKey: string): Promise<string> {
  const { canonical } = document;
  if (canonical.source.usage === 'test' && options.connection.usage === 'production') {
    throw new GatewayError(
      'ODOO_USAGE_MISMATCH',
      `The document is marked test in its envelope, and the Odoo at ${options.connection.name} is a production one (EDI_ODOO_USAGE): test business never makes production records. Have the partner send it again marked production, or sync test partners to a test Odoo`,
    );
  }
  const profile = await options.profileOf(document.partner);
  if (profile === undefined) throw new GatewayError('PARTNER_NOT_FOUND', `There is no partner "${document.partner}" any more to read the Odoo side of its profile from`);
  const client = await options.connection.client();
  const partnerId = await partnerRecord(client, profile.odoo);
  const input = <T>(kind: T): FlowInput<T> => ({ client, document, canonical: kind, odoo: profile.odoo, partnerId, idempotencyKey, oneAtATime: options.oneAtATime });
  switch (canonical.kind) {
    case 'order':
      return syncOrder(input(canonical));
    case 'ship-notice':
      return syncShipNotice(input(canonical));
    case 'shipment-status':
      return syncShipmentStatus(input(canonical));
    case 'invoice':
      return syncInvoice(input(canonical));
    case 'functional-ack':
      throw new GatewayError('ODOO_DOCUMENT_UNSUPPORTED', 'Acknowledgments are kept by the gateway, not written to Odoo');
  }
}

/** A failure as the pipeline takes it; undefined for one that is the gateway's own fault, which is thrown on. */
function outcomeOf(error: unknown): Exclude<SyncOutcome, { outcome: 'synced' }> | undefined {
  if (isOdooCallError(error)) return { outcome: error.transient ? 'retry-later' : 'refused', code: error.code, message: error.message };
  if (isGatewayError(error)) return { outcome: errorCatalogue[error.code].retryable ? 'retry-later' : 'refused', code: error.code, message: error.message };
  return undefined;
}
