import type { Logger } from '../../gateway/log.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function identifyFileJob(deps: { pool: Pool; actor: string; log: Logger; nudgeParse: (fileId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.identifyFile,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.identifyFile} needs a fileId, got ${JSON.stringify(data)}`);
      const outcome = await identifyFile(deps, fileId);
      deps.log.debug({ fileId, outcome }, 'identify-file');
      if (outcome !== 'identified') return;
      // The file is IDENTIFIED either way: a lost nudge only waits for the sweep.
      await deps.nudgeParse(fileId).catch((error: unknown) => deps.log.warn({ err: error, fileId }, 'could not queue parsing; the sweep will pick the file up'));
    },
  };
}
