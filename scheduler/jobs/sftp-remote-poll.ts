import type { Logger } from '../../gateway/log.js';
import type { Pool } from '../../gateway/store/pool.js';
import { queueDuePolls } from '../../gateway/transports/sftp-client/due-polls.js';
import { pollPartner, type PollDeps } from '../../gateway/transports/sftp-client/poll-partner.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';
import type { Scheduler } from '../scheduler.js';

// Partners' own SFTP servers: a periodic check queues a poll job per partner that is due (its schedule is
// in sftp_remote_polls, which follows the profiles), so a partner's poll never waits on another's server.

export function sftpRemoteDuePollsJob(deps: { pool: Pool; log: Logger; everyMs: number; scheduler: Pick<Scheduler, 'nudge'> }): JobDefinition {
  const queuePoll = (partner: string) => deps.scheduler.nudge(JobName.sftpRemotePoll, `sftp-remote:${partner}`, { partner });
  return {
    name: JobName.sftpRemoteDuePolls,
    everyMs: deps.everyMs,
    async run() {
      const queued = await queueDuePolls({ ...deps, queuePoll });
      if (queued.length > 0) deps.log.debug({ partners: queued }, 'SFTP polls queued');
    },
  };
}

/** A failed poll is not a failed job: it is recorded with its event, and the schedule retries it with backoff. */
export function sftpRemotePollJob(deps: PollDeps): JobDefinition {
  return {
    name: JobName.sftpRemotePoll,
    async run(data) {
      const partner = (data as { partner?: unknown } | null)?.partner;
      if (typeof partner !== 'string') throw new Error(`${JobName.sftpRemotePoll} needs a partner, got ${JSON.stringify(data)}`);
      const outcome = await pollPartner(deps, partner);
      deps.log.debug({ partner, outcome: outcome.status === 'failed' ? { status: 'failed', code: outcome.failure.code } : outcome }, 'SFTP poll');
    },
  };
}
