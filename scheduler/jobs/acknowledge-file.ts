import type { Logger } from '../../gateway/log.js';
import { acknowledgeFile } from '../../gateway/pipeline/acknowledge-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function acknowledgeFileJob(deps: { pool: Pool; actor: string; log: Logger; nudgeDeliver: (acknowledgmentId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.acknowledgeFile,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.acknowledgeFile} needs a fileId, got ${JSON.stringify(data)}`);
      const result = await acknowledgeFile(deps, fileId);
      deps.log.debug({ fileId, ...result }, 'acknowledge-file');
      if (result.outcome !== 'acknowledged') return;
      for (const acknowledgmentId of result.acknowledgments) {
        // The acknowledgment is stored PENDING either way: a lost nudge only waits for the sweep.
        await deps.nudgeDeliver(acknowledgmentId).catch((error: unknown) =>
          deps.log.warn({ err: error, fileId, acknowledgmentId }, 'could not queue delivery of an acknowledgment; the sweep will pick it up'),
        );
      }
    },
  };
}
