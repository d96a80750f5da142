import type { Logger } from '../../gateway/log.js';
import { deliverAcknowledgment } from '../../gateway/pipeline/deliver-acknowledgment.js';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

export function deliverAcknowledgmentJob(deps: { pool: Pool; actor: string; log: Logger }): JobDefinition {
  return {
    name: JobName.deliverAcknowledgment,
    async run(data) {
      const acknowledgmentId = (data as { acknowledgmentId?: unknown } | null)?.acknowledgmentId;
      if (typeof acknowledgmentId !== 'string') throw new Error(`${JobName.deliverAcknowledgment} needs an acknowledgmentId, got ${JSON.stringify(data)}`);
      const outcome = await deliverAcknowledgment(deps, acknowledgmentId);
      deps.log.debug({ acknowledgmentId, outcome }, 'deliver-acknowledgment');
    },
  };
}
