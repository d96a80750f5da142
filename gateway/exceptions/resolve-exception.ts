import { GatewayError } from '../errors/gateway-error.js';
import { forceDuplicate } from '../pipeline/force-duplicate.js';
import { settleFile } from '../pipeline/settle-file.js';
import { DocumentState, SetState, canMoveDocument, canMoveSet } from '../pipeline/states.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { getSetState, lockDocument, reopenDocument, setDocumentState, setSetState } from '../store/sql/documents.js';
import { appendEvent } from '../store/sql/events.js';
import { getException, resolveException as closeException } from '../store/sql/exceptions.js';
import { lockReceivedFile } from '../store/sql/received-files.js';
import { ExceptionState, type ExceptionAction, type StoredException } from './exception.js';

// Support acts on an exception with one of the actions it allows. Resolving closes it and does what the
// action means for what it is about, in one transaction with its event (who, which action, why); a retried
// step is nudged once that has committed, and the sweep takes it up should the nudge be lost (or when there
// is no scheduler to nudge, as from the command line).

/** Asks a step to run now; the same nudges the scheduler's jobs use. */
export interface RetryNudges {
  readonly translate?: (fileId: string) => Promise<void>;
  readonly sync?: (documentId: string) => Promise<void>;
}

export interface Resolution {
  readonly action: ExceptionAction;
  /** Why: required to DISMISS, kept with the resolution and in the event. */
  readonly reason?: string | undefined;
  /** Who resolves it, for the event and the exception's row. */
  readonly actor: string;
}

export interface Resolved {
  readonly exception: StoredException;
  /** What happens next: 'nudged' (the step runs now), 'sweep' (on the sweep's next round), 'none' (closed). */
  readonly next: 'nudged' | 'sweep' | 'none';
}

/** Nudge to send once the transaction committed, when there is one to send. */
type Followup = ((nudges: RetryNudges) => Promise<boolean>) | undefined;

type Handler = (tx: PoolClient, exception: StoredException, actor: string) => Promise<Followup>;

/**
 * What each action does, by the first part of the exception's key ('translate:set:42:0' is a translation's).
 * An action an exception allows but that has no handler here is carried out by a command of its own (REPLAY,
 * FORCE, RESUBMIT), and is refused here rather than closing the exception with nothing done.
 */
const handlers: Readonly<Record<string, Partial<Record<ExceptionAction, Handler>>>> = {
  translate: { RETRY: retryTranslation, DISMISS: dismissSet },
  sync: { RETRY: retrySync, DISMISS: dismissDocument },
  duplicate: { FORCE: forceThrough, DISMISS: closeOnly },
};

/** Closing an exception of another step with a reason: its file may have waited only on it. */
async function closeOnly(tx: PoolClient, exception: StoredException, actor: string): Promise<Followup> {
  const file = exception.fileId ? await lockReceivedFile(tx, exception.fileId, 0) : undefined;
  if (file) await settleFile(tx, actor, file);
  return undefined;
}

function handlerFor(exception: StoredException, action: ExceptionAction): Handler | undefined {
  const family = exception.key.split(':')[0] ?? '';
  const own = Object.hasOwn(handlers, family) ? handlers[family]?.[action] : undefined;
  return own ?? (action === 'DISMISS' && !Object.hasOwn(handlers, family) ? closeOnly : undefined);
}

export async function resolveException(deps: { pool: Pool; nudges?: RetryNudges }, id: string, resolution: Resolution): Promise<Resolved> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new GatewayError('EXCEPTION_NOT_FOUND', `There is no exception ${JSON.stringify(id)}: exception ids are whole numbers.`);
  const reason = resolution.reason?.trim() || undefined;
  if (resolution.action === 'DISMISS' && !reason) throw new GatewayError('REQUEST_INVALID', 'DISMISS needs a reason: say why nothing is to be done, for whoever looks at it later.');
  if (resolution.action === 'FORCE' && !reason) throw new GatewayError('REQUEST_INVALID', 'FORCE needs a reason: say why the duplicate is to be processed after all, for whoever looks at it later.');

  const { exception, followup } = await withTransaction(deps.pool, async (tx) => {
    const found = await getException(tx, id);
    if (!found) throw new GatewayError('EXCEPTION_NOT_FOUND', `There is no exception ${id}.`);
    if (found.state !== ExceptionState.OPEN) throw notOpen(found);
    if (!found.actions.includes(resolution.action)) {
      throw new GatewayError('EXCEPTION_ACTION_NOT_ALLOWED', `Exception ${id} (${found.code}) allows ${found.actions.join(', ')}, not ${resolution.action}.`);
    }
    const handler = handlerFor(found, resolution.action);
    if (!handler) {
      const here = found.actions.filter((action) => handlerFor(found, action));
      throw new GatewayError(
        'EXCEPTION_ACTION_NOT_ALLOWED',
        `${resolution.action} on exception ${id} (${found.code}) is not carried out by resolving it; ${here.length === 0 ? 'no action is' : `only ${here.join(' and ')} ${here.length === 1 ? 'is' : 'are'}`}.`,
      );
    }
    const closed = await closeException(tx, id, { by: resolution.actor, how: reason ? `${resolution.action}: ${reason}` : resolution.action });
    if (!closed) throw notOpen((await getException(tx, id)) ?? found);
    const next = await handler(tx, closed, resolution.actor);
    await appendEvent(tx, {
      entity: 'exception',
      entityId: id,
      type: 'exception.resolved',
      actor: resolution.actor,
      details: { action: resolution.action, reason: reason ?? null, code: closed.code, key: closed.key, fileId: closed.fileId, setId: closed.setId, documentId: closed.documentId },
    });
    return { exception: closed, followup: next };
  });
  if (!followup) return { exception, next: 'none' };
  // Committed either way: a nudge that is not sent only waits for the sweep.
  const nudged = await followup(deps.nudges ?? {}).catch(() => false);
  return { exception, next: nudged ? 'nudged' : 'sweep' };
}

function notOpen(exception: StoredException): GatewayError {
  const when = exception.resolvedAt ? ` on ${exception.resolvedAt.toISOString()}` : '';
  return new GatewayError('EXCEPTION_NOT_OPEN', `Exception ${exception.id} was resolved already, by ${exception.resolvedBy ?? 'someone'}${when}: ${exception.resolution ?? ''}.`);
}

/** The file's row, locked: every writer of a file's sets and documents takes it first. */
async function lockFileOf(tx: PoolClient, exception: StoredException) {
  const file = exception.fileId ? await lockReceivedFile(tx, exception.fileId, 0) : undefined;
  if (!file) throw new Error(`Exception ${exception.id} (${exception.key}) names no file that is there.`);
  return file;
}

async function moveSet(tx: PoolClient, exception: StoredException, to: SetState): Promise<void> {
  const setId = exception.setId;
  const from = setId ? await getSetState(tx, setId) : undefined;
  if (!setId || !from || !canMoveSet(from, to)) throw new Error(`Exception ${exception.id} (${exception.key}) is about set ${setId ?? '(none)'}, in ${from ?? 'no state'}, which cannot move to ${to}.`);
  await setSetState(tx, setId, to);
}

async function lockDocumentOf(tx: PoolClient, exception: StoredException, to: DocumentState) {
  const document = exception.documentId ? await lockDocument(tx, exception.documentId) : undefined;
  if (!document || !canMoveDocument(document.state, to)) {
    throw new Error(`Exception ${exception.id} (${exception.key}) is about document ${exception.documentId ?? '(none)'}, in ${document?.state ?? 'no state'}, which cannot move to ${to}.`);
  }
  return document;
}

/** The set is ACCEPTED again, for the translate step to take up with the partner's profile as it is now. */
async function retryTranslation(tx: PoolClient, exception: StoredException): Promise<Followup> {
  const file = await lockFileOf(tx, exception);
  await moveSet(tx, exception, SetState.ACCEPTED);
  return async (nudges) => (nudges.translate ? (await nudges.translate(file.id), true) : false);
}

/** The document is TRANSLATED again, due now, its deferrals counted from nothing; its next attempt uses the same key. */
async function retrySync(tx: PoolClient, exception: StoredException): Promise<Followup> {
  await lockFileOf(tx, exception);
  const document = await lockDocumentOf(tx, exception, DocumentState.TRANSLATED);
  await reopenDocument(tx, document.id);
  await moveSet(tx, exception, SetState.TRANSLATED);
  return async (nudges) => (nudges.sync ? (await nudges.sync(document.id), true) : false);
}

/** A duplicate interchange processed after all: its sets ACCEPTED for the translate step. */
async function forceThrough(tx: PoolClient, exception: StoredException, actor: string): Promise<Followup> {
  await lockFileOf(tx, exception);
  const { fileId } = await forceDuplicate(tx, exception, actor);
  return async (nudges) => (nudges.translate ? (await nudges.translate(fileId), true) : false);
}

async function dismissSet(tx: PoolClient, exception: StoredException, actor: string): Promise<Followup> {
  const file = await lockFileOf(tx, exception);
  await moveSet(tx, exception, SetState.DISMISSED);
  await settleFile(tx, actor, file);
  return undefined;
}

async function dismissDocument(tx: PoolClient, exception: StoredException, actor: string): Promise<Followup> {
  const file = await lockFileOf(tx, exception);
  const document = await lockDocumentOf(tx, exception, DocumentState.DISMISSED);
  await setDocumentState(tx, document.id, DocumentState.DISMISSED);
  await moveSet(tx, exception, SetState.DISMISSED);
  await settleFile(tx, actor, file);
  return undefined;
}
