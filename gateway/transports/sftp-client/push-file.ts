import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCatalogue } from '../../errors/catalogue.js';
import { appendEvent } from '../../store/sql/events.js';
import { getProfileVersion } from '../../store/sql/partner-profiles.js';
import { asRemoteFailure, failureEvent } from './failure.js';
import { RemoteSftpError } from './remote-error.js';
import { pushPlanOf, type PushPlan } from './remote-server.js';
import { openSession } from './session.js';
import type { SftpRemoteDeps } from './sftp-remote-deps.js';

// Delivers one file to a partner's own SFTP server, into the push folder of its profile. The partner's
// poller must never see half a file: the bytes go to a temporary name (hidden, ending in .part, which
// pollers leave alone) and are renamed to the final name only once all of them are there. A retry after a
// push whose answer was lost finds the same bytes under the final name and changes nothing.

export interface PushRequest {
  readonly partner: string;
  /** The file name on the partner's server: a plain name, no folder. */
  readonly name: string;
  readonly content: Buffer;
}

export type PushOutcome =
  | { readonly ok: true; readonly remotePath: string; readonly attempts: number; readonly alreadyThere: boolean }
  | { readonly ok: false; readonly failure: RemoteSftpError; readonly attempts: number };

const PLAIN_NAME = /^(?!\.\.?$)[^/\x00]{1,255}$/;

export async function pushFile(deps: SftpRemoteDeps, request: PushRequest): Promise<PushOutcome> {
  const { partner, name } = request;
  if (!PLAIN_NAME.test(name)) {
    return failed(deps, request, new RemoteSftpError('REQUEST_INVALID', `"${name}" cannot be pushed to partner ${partner}: a file name has no / and is not . or ..`, { partner }), 0);
  }
  const current = await getProfileVersion(deps.pool, partner);
  const plan = current
    ? pushPlanOf(current.profile)
    : new RemoteSftpError('PARTNER_NOT_FOUND', `There is no partner named "${partner}" to push ${name} to.`, { partner });
  if (plan instanceof RemoteSftpError) return failed(deps, request, plan, 0);

  const remotePath = path.posix.join(plan.path, name);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const alreadyThere = await deliver(deps, plan, remotePath, request.content);
      await appendEvent(deps.pool, {
        entity: 'partner',
        entityId: partner,
        type: 'sftp-remote.pushed',
        actor: deps.actor,
        details: {
          remotePath,
          size: request.content.length,
          sha256: createHash('sha256').update(request.content).digest('hex'),
          host: plan.server.host,
          attempts: attempt,
          alreadyThere,
        },
      });
      return { ok: true, remotePath, attempts: attempt, alreadyThere };
    } catch (error) {
      const failure = asRemoteFailure(error, partner);
      if (!errorCatalogue[failure.code].retryable || attempt >= deps.settings.pushAttempts) return failed(deps, request, failure, attempt);
      deps.log.info({ partner, remotePath, attempt, code: failure.code }, `push failed, trying again: ${failure.message}`);
      await sleep(Math.min(deps.settings.retryMaxMs, deps.settings.retryMs * 2 ** (attempt - 1)));
    }
  }
}

/** True when the same bytes were already there under the final name (a retried push). */
async function deliver(deps: SftpRemoteDeps, plan: PushPlan, remotePath: string, content: Buffer): Promise<boolean> {
  const session = await openSession({ ...deps.settings, server: plan.server, secrets: deps.secrets, db: deps.pool, log: deps.log });
  try {
    if (await session.exists(remotePath)) return sameBytesOrRefuse(await session.read(remotePath), content, plan, remotePath);
    const temporary = path.posix.join(plan.path, `.${path.posix.basename(remotePath)}.${randomBytes(4).toString('hex')}.part`);
    try {
      await session.write(temporary, content);
      const written = await session.stat(temporary);
      if (written?.size !== content.length) {
        throw new RemoteSftpError('SFTP_REMOTE_TRANSFER_FAILED', `Writing ${temporary} on the SFTP server of partner ${plan.server.partner} left ${written?.size ?? 'no'} bytes of ${content.length}.`, {
          host: plan.server.host,
          path: temporary,
        });
      }
      await session.rename(temporary, remotePath);
    } catch (error) {
      await session.remove(temporary).catch(() => undefined);
      // Another push of the same name won the rename meanwhile: fine if it carried the same bytes.
      if (await session.exists(remotePath).catch(() => false)) return sameBytesOrRefuse(await session.read(remotePath), content, plan, remotePath);
      throw error;
    }
    return false;
  } finally {
    await session.close();
  }
}

function sameBytesOrRefuse(there: Buffer, content: Buffer, plan: PushPlan, remotePath: string): true {
  if (there.equals(content)) return true;
  throw new RemoteSftpError(
    'SFTP_REMOTE_NAME_TAKEN',
    `The SFTP server of partner ${plan.server.partner} (${plan.server.host}) already holds another ${remotePath} (${there.length} bytes); ours (${content.length} bytes) was not written over it.`,
    { host: plan.server.host, path: remotePath },
  );
}

async function failed(deps: SftpRemoteDeps, request: PushRequest, failure: RemoteSftpError, attempts: number): Promise<PushOutcome> {
  await appendEvent(deps.pool, failureEvent({ partner: request.partner, actor: deps.actor, during: 'push', failure, details: { name: request.name, attempts } }));
  deps.log.warn({ partner: request.partner, name: request.name, code: failure.code }, failure.message);
  return { ok: false, failure, attempts };
}
