import type { Logger } from '../../gateway/log.js';
import { renderOutboundDocument } from '../../gateway/outbound/render-document.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function renderDocumentJob(deps: { pool: Pool; actor: string; log: Logger; now?: () => Date; nudgeDeliver: (documentId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.renderDocument,
    async run(data) {
      const documentId = (data as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') throw new Error(`${JobName.renderDocument} needs a documentId, got ${JSON.stringify(data)}`);
      const outcome = await renderOutboundDocument(deps, documentId);
      deps.log.debug({ documentId, outcome }, 'render-document');
      if (outcome !== 'rendered') return;
      // The document is RENDERED either way: a lost nudge only waits for the sweep.
      await deps.nudgeDeliver(documentId).catch((error: unknown) => deps.log.warn({ err: error, documentId }, 'could not queue delivery of a document; the sweep will pick it up'));
    },
  };
}
