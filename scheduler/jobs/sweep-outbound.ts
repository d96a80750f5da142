import type { Logger } from '../../gateway/log.js';
import { sweepOutbound } from '../../gateway/outbound/sweep-outbound.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

/** Outbound documents stuck in a state, acknowledgments past due, and acknowledgments received but not reconciled. */
export function sweepOutboundJob(deps: {
  pool: Pool;
  log: Logger;
  everyMs: number;
  stuckAfterMs: number;
  now: () => Date;
  nudgeRender: (documentId: string) => Promise<void>;
  nudgeDeliver: (documentId: string) => Promise<void>;
  nudgeOverdue: (documentId: string) => Promise<void>;
  nudgeReconcile: (fileId: string) => Promise<void>;
}): JobDefinition {
  return {
    name: JobName.sweepOutbound,
    everyMs: deps.everyMs,
    async run() {
      const nudged = await sweepOutbound(deps);
      if (Object.values(nudged).some((count) => count > 0)) deps.log.info({ nudged }, 'outbound sweep nudged documents and acknowledgments');
    },
  };
}
