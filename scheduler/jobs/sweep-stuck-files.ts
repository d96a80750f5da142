import type { Logger } from '../../gateway/log.js';
import { sweepStuckFiles } from '../../gateway/pipeline/sweep-stuck-files.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function sweepStuckFilesJob(deps: {
  pool: Pool;
  log: Logger;
  everyMs: number;
  stuckAfterMs: number;
  nudgeIdentify: (fileId: string) => Promise<void>;
  nudgeParse: (fileId: string) => Promise<void>;
  nudgeAcknowledge: (fileId: string) => Promise<void>;
  nudgeDeliver: (acknowledgmentId: string) => Promise<void>;
  nudgeTranslate: (fileId: string) => Promise<void>;
  nudgeSync: (documentId: string) => Promise<void>;
}): JobDefinition {
  return {
    name: JobName.sweepStuckFiles,
    everyMs: deps.everyMs,
    async run() {
      const nudged = await sweepStuckFiles(deps);
      if (Object.keys(nudged.files).length > 0 || nudged.acknowledgments > 0 || nudged.documents > 0) deps.log.info({ nudged }, 'sweep nudged stuck work');
    },
  };
}
