import type { Logger } from '../../gateway/log.js';
import { translateFile } from '../../gateway/pipeline/translate-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function translateFileJob(deps: { pool: Pool; actor: string; log: Logger; nudgeSync: (documentId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.translateFile,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.translateFile} needs a fileId, got ${JSON.stringify(data)}`);
      const result = await translateFile(deps, fileId);
      deps.log.debug({ fileId, ...result }, 'translate-file');
      if (result.outcome !== 'translated') return;
      for (const documentId of result.documents) {
        // The document is stored TRANSLATED either way: a lost nudge only waits for the sweep.
        await deps.nudgeSync(documentId).catch((error: unknown) => deps.log.warn({ err: error, fileId, documentId }, 'could not queue the sync of a document; the sweep will pick it up'));
      }
    },
  };
}
