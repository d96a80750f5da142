import type { Logger } from '../../gateway/log.js';
import { settleOverdueDocument } from '../../gateway/outbound/settle-overdue-document.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function settleOverdueDocumentJob(deps: { pool: Pool; actor: string; log: Logger; now: () => Date; nudgeRender: (documentId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.settleOverdueDocument,
    async run(data) {
      const documentId = (data as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') throw new Error(`${JobName.settleOverdueDocument} needs a documentId, got ${JSON.stringify(data)}`);
      const result = await settleOverdueDocument(deps, documentId);
      deps.log.debug({ documentId, ...result }, 'settle-overdue-document');
      if (result.outcome !== 'resubmitted') return;
      // The resubmission is STORED either way: a lost nudge only waits for the sweep.
      await deps.nudgeRender(result.resubmission).catch((error: unknown) =>
        deps.log.warn({ err: error, documentId: result.resubmission }, 'could not queue rendering of a resubmission; the sweep will pick it up'),
      );
    },
  };
}
