import type { Logger } from '../../gateway/log.js';
import { reconcileAcknowledgments } from '../../gateway/outbound/reconcile-acknowledgments.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function reconcileAcknowledgmentsJob(deps: { pool: Pool; actor: string; log: Logger; now?: () => Date }): JobDefinition {
  return {
    name: JobName.reconcileAcknowledgments,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.reconcileAcknowledgments} needs a fileId, got ${JSON.stringify(data)}`);
      const result = await reconcileAcknowledgments(deps, fileId);
      deps.log.debug({ fileId, ...result }, 'reconcile-acknowledgments');
    },
  };
}
