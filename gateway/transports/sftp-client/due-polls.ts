import { describeError } from '../../errors/gateway-error.js';
import type { Logger } from '../../log.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { claimDuePolls, syncPollSchedule } from '../../store/sql/sftp-remote-polls.js';

/**
 * Brings the poll schedule in step with the partner profiles, then queues a poll of its own for each partner
 * that is due: one partner's slow or dead server then holds up only its own poll. Returns the partners queued.
 */
export async function queueDuePolls(deps: { pool: Pool; log: Logger; queuePoll: (partner: string) => Promise<void> }): Promise<string[]> {
  await withTransaction(deps.pool, syncPollSchedule);
  const due = await claimDuePolls(deps.pool);
  for (const partner of due) {
    // The claim already moved this partner's next poll one interval ahead, so a poll that could not be
    // queued is late by one interval, never lost.
    await deps.queuePoll(partner).catch((error: unknown) => deps.log.warn({ err: error, partner }, `could not queue the SFTP poll of ${partner}: ${describeError(error)}`));
  }
  return due;
}
