import { syncDocument, type SyncDeps } from '../../gateway/pipeline/sync-document.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

/** A refused or deferred sync is not a failed job: its outcome is recorded, and the sweep brings a deferred one back when it is due. */
export function syncDocumentJob(deps: SyncDeps): JobDefinition {
  return {
    name: JobName.syncDocument,
    async run(data) {
      const documentId = (data as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') throw new Error(`${JobName.syncDocument} needs a documentId, got ${JSON.stringify(data)}`);
      const result = await syncDocument(deps, documentId);
      deps.log.debug({ documentId, ...result }, 'sync-document');
    },
  };
}
