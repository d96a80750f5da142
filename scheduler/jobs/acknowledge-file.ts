import type { Logger } from '../../gateway/log.js';
import { acknowledgeFile } from '../../gateway/pipeline/acknowledge-file.js';
import { holdsAcknowledgments } from '../../gateway/store/sql/outbound-documents.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function acknowledgeFileJob(deps: {
  pool: Pool;
  actor: string;
  log: Logger;
  nudgeDeliver: (acknowledgmentId: string) => Promise<void>;
  nudgeTranslate: (fileId: string) => Promise<void>;
  /** Outbound tracking: the acknowledgments the file holds settle our documents (gateway/outbound/reconcile-acknowledgments.ts). */
  nudgeReconcile?: (fileId: string) => Promise<void>;
}): JobDefinition {
  return {
    name: JobName.acknowledgeFile,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.acknowledgeFile} needs a fileId, got ${JSON.stringify(data)}`);
      const result = await acknowledgeFile(deps, fileId);
      deps.log.debug({ fileId, ...result }, 'acknowledge-file');
      if (result.outcome !== 'acknowledged') return;
      // The file is ACKNOWLEDGED either way: a lost nudge only waits for the sweep.
      await deps.nudgeTranslate(fileId).catch((error: unknown) => deps.log.warn({ err: error, fileId }, 'could not queue translation; the sweep will pick the file up'));
      // Outbound tracking: only files holding 997, 999 or CONTRL sets are reconciled; a lost nudge only waits for the sweep.
      const nudgeReconcile = deps.nudgeReconcile;
      if (nudgeReconcile) {
        await holdsAcknowledgments(deps.pool, fileId)
          .then((holds) => (holds ? nudgeReconcile(fileId) : undefined))
          .catch((error: unknown) => deps.log.warn({ err: error, fileId }, 'could not queue reconciliation; the sweep will pick the file up'));
      }
      for (const acknowledgmentId of result.acknowledgments) {
        // The acknowledgment is stored PENDING either way: a lost nudge only waits for the sweep.
        await deps.nudgeDeliver(acknowledgmentId).catch((error: unknown) =>
          deps.log.warn({ err: error, fileId, acknowledgmentId }, 'could not queue delivery of an acknowledgment; the sweep will pick it up'),
        );
      }
    },
  };
}
