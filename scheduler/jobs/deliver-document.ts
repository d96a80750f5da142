import type { Logger } from '../../gateway/log.js';
import { deliverOutboundDocument } from '../../gateway/outbound/deliver-document.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function deliverDocumentJob(deps: { pool: Pool; actor: string; log: Logger; now?: () => Date }): JobDefinition {
  return {
    name: JobName.deliverDocument,
    async run(data) {
      const documentId = (data as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') throw new Error(`${JobName.deliverDocument} needs a documentId, got ${JSON.stringify(data)}`);
      const outcome = await deliverOutboundDocument(deps, documentId);
      deps.log.debug({ documentId, outcome }, 'deliver-document');
    },
  };
}
