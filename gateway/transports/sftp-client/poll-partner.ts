import path from 'node:path';
import type { Intake } from '../../ingest/accept-file.js';
import { withTransaction } from '../../store/pool.js';
import { appendEvent } from '../../store/sql/events.js';
import { getProfileVersion } from '../../store/sql/partner-profiles.js';
import { findFileIdByIntakeKey } from '../../store/sql/received-files.js';
import { recordPollFailed, recordPollSucceeded, wasReported } from '../../store/sql/sftp-remote-polls.js';
import { asRemoteFailure, failureEvent } from './failure.js';
import { matcherFor } from './name-pattern.js';
import { RemoteSftpError } from './remote-error.js';
import { pollPlanOf, type AfterPickup, type PollPlan } from './remote-server.js';
import { openSession, type RemoteFile, type RemoteSession } from './session.js';
import type { SftpRemoteDeps } from './sftp-remote-deps.js';

// One poll of one partner's own SFTP server: every file its profile asks for is stored here (committed)
// before it is deleted or moved there. The intake key is the remote file itself (path, size, time), so a
// poll that is cut short after the commit, or runs twice, stores the file once and finishes removing it.

export const SOURCE = 'sftp-remote';

export interface PollDeps extends SftpRemoteDeps {
  readonly intake: Intake;
  /** Larger files are left on the server and reported once (EDI_MAX_FILE_BYTES). */
  readonly maxFileBytes: number;
}

export type PollOutcome =
  /** The partner's current profile does not poll (any more). */
  | { readonly status: 'not-polled' }
  | { readonly status: 'polled'; readonly stored: number; readonly alreadyStored: number; readonly leftThere: number }
  | { readonly status: 'failed'; readonly failure: RemoteSftpError; readonly stored: number };

interface Tally {
  stored: number;
  alreadyStored: number;
  leftThere: number;
}

export async function pollPartner(deps: PollDeps, partner: string): Promise<PollOutcome> {
  const remote = (await getProfileVersion(deps.pool, partner))?.profile.transports?.sftpRemote;
  if (!remote?.poll) return { status: 'not-polled' };
  const { intervalSeconds } = remote.poll;
  const tally: Tally = { stored: 0, alreadyStored: 0, leftThere: 0 };
  try {
    const plan = pollPlanOf(partner, remote, remote.poll);
    if (plan instanceof RemoteSftpError) throw plan;
    await collect(deps, plan, tally);
  } catch (error) {
    const failure = asRemoteFailure(error, partner);
    await recordFailure(deps, partner, intervalSeconds, failure);
    return { status: 'failed', failure, stored: tally.stored };
  }
  const failuresBefore = await recordPollSucceeded(deps.pool, partner, intervalSeconds);
  if (failuresBefore > 0) {
    await appendEvent(deps.pool, { entity: 'partner', entityId: partner, type: 'sftp-remote.poll-recovered', actor: deps.actor, details: { failuresBefore } });
  }
  return { status: 'polled', ...tally };
}

async function collect(deps: PollDeps, plan: PollPlan, tally: Tally): Promise<void> {
  const { settings } = deps;
  const session = await openSession({ ...settings, server: plan.server, secrets: deps.secrets, db: deps.pool, log: deps.log });
  try {
    const wanted = matcherFor(plan.pattern);
    const files = (await session.list(plan.path)).filter((file) => wanted(file.name));
    // Oldest first: the partner's order of sending is the likeliest order of meaning (an order before its change).
    files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
    // A file that cannot be moved or deleted must not hold back the ones after it; the poll still fails.
    let firstFailure: RemoteSftpError | undefined;
    for (const file of files) {
      try {
        await take(deps, plan, session, file, tally);
      } catch (error) {
        if (!(error instanceof RemoteSftpError && error.code === 'SFTP_REMOTE_TRANSFER_FAILED')) throw error;
        firstFailure ??= error;
      }
    }
    if (firstFailure) throw firstFailure;
  } finally {
    await session.close();
  }
}

async function take(deps: PollDeps, plan: PollPlan, session: RemoteSession, file: RemoteFile, tally: Tally): Promise<void> {
  const { partner } = plan.server;
  const remotePath = path.posix.join(plan.path, file.name);
  const intakeKey = `${SOURCE}:${partner}:${remotePath}:${file.size}:${file.mtimeMs}`;
  if (file.size > deps.maxFileBytes) {
    await reportTooLarge(deps, partner, intakeKey, remotePath, file.size);
    tally.leftThere += 1;
    return;
  }
  let fileId = await findFileIdByIntakeKey(deps.pool, intakeKey);
  if (fileId === undefined) {
    const content = await session.read(remotePath);
    const after = await session.stat(remotePath);
    // Changed while we read it: its writer is still at work. Taken on a later poll, whole.
    if (content.length !== file.size || after?.size !== file.size || after.mtimeMs !== file.mtimeMs) {
      tally.leftThere += 1;
      return;
    }
    const accepted = await deps.intake({ partner, source: SOURCE, originalName: file.name, intakeKey, content });
    fileId = accepted.fileId;
    tally[accepted.created ? 'stored' : 'alreadyStored'] += 1;
  } else {
    tally.alreadyStored += 1;
  }
  const movedTo = await clearAway(session, remotePath, fileId, plan.afterPickup);
  await appendEvent(deps.pool, {
    entity: 'partner',
    entityId: partner,
    type: 'sftp-remote.picked-up',
    actor: deps.actor,
    details: { fileId, remotePath, size: file.size, action: plan.afterPickup.action, ...(movedTo ? { movedTo } : {}) },
  });
}

/** Deletes or moves a stored file on the partner's server; where it was moved to, if it was. */
async function clearAway(session: RemoteSession, remotePath: string, fileId: string, afterPickup: AfterPickup): Promise<string | undefined> {
  if (afterPickup.action === 'delete') {
    await session.remove(remotePath);
    return undefined;
  }
  const name = path.posix.basename(remotePath);
  const plain = path.posix.join(afterPickup.moveTo, name);
  const target = (await session.exists(plain)) ? path.posix.join(afterPickup.moveTo, `${fileId}-${name}`) : plain;
  try {
    await session.rename(remotePath, target);
  } catch (error) {
    // Moved by an earlier poll that was cut short before its event: done.
    if (!(await session.exists(remotePath)) && (await session.exists(target))) return target;
    throw error;
  }
  return target;
}

async function reportTooLarge(deps: PollDeps, partner: string, key: string, remotePath: string, size: number): Promise<void> {
  const type = 'sftp-remote.file-too-large';
  if (await wasReported(deps.pool, partner, type, key)) return;
  const message = `${remotePath} on the SFTP server of partner ${partner} is ${size} bytes; the largest file accepted is ${deps.maxFileBytes} bytes (EDI_MAX_FILE_BYTES). It was left there, not received.`;
  deps.log.warn({ partner, remotePath, size }, message);
  await appendEvent(deps.pool, { entity: 'partner', entityId: partner, type, actor: deps.actor, details: { key, remotePath, size, code: 'FILE_TOO_LARGE', message } });
}

async function recordFailure(deps: PollDeps, partner: string, intervalSeconds: number, failure: RemoteSftpError): Promise<void> {
  const { retryMs, retryMaxMs } = deps.settings;
  await withTransaction(deps.pool, async (tx) => {
    const state = await recordPollFailed(tx, partner, { intervalSeconds, code: failure.code, message: failure.message, retryMs, retryMaxMs });
    const details = { failures: state.failures, nextPollAt: state.nextPollAt };
    await appendEvent(tx, failureEvent({ partner, actor: deps.actor, during: 'poll', failure, details }));
  });
  deps.log.warn({ partner, code: failure.code }, failure.message);
}
