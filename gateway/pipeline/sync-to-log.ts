import type { Logger } from '../log.js';
import type { SyncPort } from './sync-port.js';

/**
 * The sync port with EDI_ODOO=off: each document is written to the log (kind, partner, reference, key) and
 * counts as synced under the reference 'logged', so the pipeline runs end to end without an ERP.
 */
export function createSyncToLog(options: { log: Logger }): SyncPort {
  return {
    async sync(document, { idempotencyKey }) {
      options.log.info(
        { documentId: document.id, kind: document.kind, partner: document.partner, reference: document.reference, fileId: document.fileId, idempotencyKey },
        `${document.kind} ${document.reference ?? document.id} from ${document.partner} handed to the log (EDI_ODOO=off)`,
      );
      return { outcome: 'synced', reference: 'logged' };
    },
  };
}
