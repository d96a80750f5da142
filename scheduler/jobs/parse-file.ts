import type { Logger } from '../../gateway/log.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function parseFileJob(deps: { pool: Pool; actor: string; log: Logger; nudgeAcknowledge: (fileId: string) => Promise<void> }): JobDefinition {
  return {
    name: JobName.parseFile,
    async run(data) {
      const fileId = (data as { fileId?: unknown } | null)?.fileId;
      if (typeof fileId !== 'string') throw new Error(`${JobName.parseFile} needs a fileId, got ${JSON.stringify(data)}`);
      const outcome = await parseFile(deps, fileId);
      deps.log.debug({ fileId, outcome }, 'parse-file');
      if (outcome !== 'parsed') return;
      // The file is PARSED either way: a lost nudge only waits for the sweep.
      await deps.nudgeAcknowledge(fileId).catch((error: unknown) => deps.log.warn({ err: error, fileId }, 'could not queue acknowledgment; the sweep will pick the file up'));
    },
  };
}
