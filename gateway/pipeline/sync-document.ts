import type { ErrorCode } from '../errors/catalogue.js';
import { describeError, isGatewayError } from '../errors/gateway-error.js';
import { ExceptionAction } from '../exceptions/exception.js';
import { openExceptionWithAlert } from '../exceptions/open-exception.js';
import type { Logger } from '../log.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { endSyncAttempt, lockDocument, recordIntentOutcome, setSetState, startSyncAttempt, type AttemptEnd, type StoredDocument } from '../store/sql/documents.js';
import { appendEvent } from '../store/sql/events.js';
import { lockReceivedFile } from '../store/sql/received-files.js';
import { businessReference, kindWords } from './business-reference.js';
import { settleFile } from './settle-file.js';
import { DocumentState, SetState } from './states.js';
import type { SyncOutcome, SyncPort } from './sync-port.js';

export interface SyncPolicy {
  /** Deferrals ('retry-later') in a row after which an exception is opened instead. */
  readonly attempts: number;
  /** The wait after the first deferral; it doubles with each further one, up to `retryMaxMs`. */
  readonly retryMs: number;
  readonly retryMaxMs: number;
  /** How long an attempt may take before another may take the document over (its lease). */
  readonly leaseMs: number;
}

/**
 * Ten deferrals from 30 s doubling up to an hour: about seven hours of an unreachable ERP before support is
 * asked. A lease of two minutes: longer than a call with its own retries should take, short enough that an
 * attempt cut off by a crash is taken over soon after the restart.
 */
export const DEFAULT_SYNC_POLICY: SyncPolicy = { attempts: 10, retryMs: 30_000, retryMaxMs: 3_600_000, leaseMs: 120_000 };

export interface SyncDeps {
  readonly pool: Pool;
  readonly actor: string;
  readonly log: Logger;
  readonly port: SyncPort;
  readonly policy: SyncPolicy;
}

export type SyncResult =
  | { readonly outcome: 'synced'; readonly reference: string; readonly processed: boolean }
  | { readonly outcome: 'exception'; readonly exceptionId: string }
  | { readonly outcome: 'deferred'; readonly waitMs: number }
  /** A newer attempt took the document over while this one waited on the port: nothing of this one was written. */
  | { readonly outcome: 'superseded' }
  /** Another attempt holds the document (within its lease), or its deferral is not over. */
  | { readonly outcome: 'in-progress' | 'not-due' | 'already-done' | 'not-found' };

/** The key the system of record knows the document by: one per document, whatever the attempt. */
export function idempotencyKeyOf(documentId: string): string {
  return `inbound-document:${documentId}`;
}

/**
 * Hands a TRANSLATED document to the sync port. The side effect is an intent first: one transaction marks the
 * document SYNCING under the next attempt number (the fencing token) and records the attempt in
 * sync_intents; then the port is called with the document's idempotency key; then a second transaction writes
 * the outcome (SYNCED with the reference, and the file PROCESSED when it was its last set; EXCEPTION with an
 * exception for 'refused'; TRANSLATED again after a growing wait for 'retry-later'), but only if the document
 * is still SYNCING under this attempt. An attempt that outlived its lease (`policy.leaseMs`) may be taken over
 * by a new one; when the old one comes back, its outcome is dropped.
 */
export async function syncDocument(deps: SyncDeps, documentId: string): Promise<SyncResult> {
  const started = await withTransaction(deps.pool, async (tx) => {
    const document = await lockDocument(tx, documentId);
    if (!document) return { outcome: 'not-found' } as const;
    if (document.state === DocumentState.SYNCING && !document.due) return { outcome: 'in-progress' } as const;
    if (document.state === DocumentState.TRANSLATED && document.syncDeferrals > 0 && !document.due) return { outcome: 'not-due' } as const;
    if (document.state !== DocumentState.TRANSLATED && document.state !== DocumentState.SYNCING) return { outcome: 'already-done' } as const;
    const idempotencyKey = idempotencyKeyOf(documentId);
    const attempt = await startSyncAttempt(tx, documentId, { idempotencyKey, leaseMs: deps.policy.leaseMs, startedBy: deps.actor });
    await appendEvent(tx, {
      entity: 'inbound-document',
      entityId: documentId,
      type: 'document.sync-started',
      actor: deps.actor,
      details: { attempt, idempotencyKey, ...(document.state === DocumentState.SYNCING ? { tookOverAttempt: document.syncAttempt } : {}) },
    });
    return { outcome: 'started', document, attempt, idempotencyKey } as const;
  });
  if (started.outcome !== 'started') return started;

  const { document, attempt, idempotencyKey } = started;
  const answer = await callPort(deps, document, idempotencyKey);

  return withTransaction(deps.pool, async (tx) => {
    // The file first, as the translate step and support's actions lock it: the order every writer keeps.
    const file = await lockReceivedFile(tx, document.fileId, 0);
    if (!file) throw new Error(`Document ${documentId} names file ${document.fileId}, which is not there.`);
    const end = outcomeOf(deps.policy, document, answer);
    if (!(await endSyncAttempt(tx, documentId, attempt, end))) {
      deps.log.warn({ documentId, attempt, outcome: answer.outcome }, 'a sync attempt outlived its lease and was taken over; its outcome is dropped');
      return { outcome: 'superseded' };
    }
    await recordIntentOutcome(tx, documentId, attempt, answer);
    const details = { fileId: document.fileId, partner: document.partner, kind: document.kind, reference: document.reference, attempt };

    if (end.state === DocumentState.SYNCED) {
      await setSetState(tx, document.setId, SetState.SYNCED);
      await appendEvent(tx, { entity: 'inbound-document', entityId: documentId, type: 'document.synced', actor: deps.actor, details: { ...details, syncReference: end.reference } });
      const processed = await settleFile(tx, deps.actor, file);
      return { outcome: 'synced', reference: end.reference, processed };
    }
    if (end.state === DocumentState.TRANSLATED) {
      const deferred = answer as Exclude<SyncOutcome, { outcome: 'synced' }>;
      await appendEvent(tx, {
        entity: 'inbound-document',
        entityId: documentId,
        type: 'document.sync-deferred',
        actor: deps.actor,
        details: { ...details, code: deferred.code, message: deferred.message, waitMs: end.waitMs },
      });
      return { outcome: 'deferred', waitMs: end.waitMs };
    }
    const exceptionId = await openSyncException(tx, document, attempt, answer as Exclude<SyncOutcome, { outcome: 'synced' }>);
    await setSetState(tx, document.setId, SetState.EXCEPTION);
    await appendEvent(tx, {
      entity: 'inbound-document',
      entityId: documentId,
      type: 'document.sync-failed',
      actor: deps.actor,
      details: { ...details, outcome: answer.outcome, exceptionId },
    });
    return { outcome: 'exception', exceptionId };
  });
}

/** The port's answer; a port that throws has failed on its own account, which a later attempt may not. */
async function callPort(deps: SyncDeps, document: StoredDocument, idempotencyKey: string): Promise<SyncOutcome> {
  const { id, kind, partner, reference, canonical, fileId, setId } = document;
  try {
    return await deps.port.sync({ id, kind, partner, reference, canonical, fileId, setId }, { idempotencyKey });
  } catch (error) {
    deps.log.error({ err: error, documentId: id }, 'the sync port failed; the attempt is deferred');
    const code: ErrorCode = isGatewayError(error) ? error.code : 'INTERNAL';
    return { outcome: 'retry-later', code, message: describeError(error) };
  }
}

function outcomeOf(policy: SyncPolicy, document: StoredDocument, answer: SyncOutcome): AttemptEnd {
  if (answer.outcome === 'synced') return { state: DocumentState.SYNCED, reference: answer.reference };
  if (answer.outcome === 'refused' || document.syncDeferrals + 1 >= policy.attempts) return { state: DocumentState.EXCEPTION };
  return { state: DocumentState.TRANSLATED, waitMs: Math.min(policy.retryMaxMs, policy.retryMs * 2 ** Math.min(document.syncDeferrals, 30)) };
}

async function openSyncException(tx: PoolClient, document: StoredDocument, attempt: number, answer: Exclude<SyncOutcome, { outcome: 'synced' }>): Promise<string> {
  const named = `${kindWords(document.kind)}${document.reference ? ` ${document.reference}` : ''} (${document.messageType} ${document.setControlNumber} in file ${document.fileId})`;
  const message =
    answer.outcome === 'refused'
      ? `The ${named} was refused by the system of record: ${answer.message}`
      : `The ${named} could not be synced in ${document.syncDeferrals + 1} attempts in a row; the last answer was: ${answer.message}`;
  const { exception } = await openExceptionWithAlert(
    tx,
    {
      key: `sync:document:${document.id}:${attempt}`,
      code: answer.code,
      message,
      partner: document.partner,
      ...(document.reference ? { reference: document.reference } : {}),
      fileId: document.fileId,
      setId: document.setId,
      documentId: document.id,
      actions: [ExceptionAction.RETRY, ExceptionAction.DISMISS],
    },
    { reference: businessReference(document.kind, document.reference) },
  );
  return exception.id;
}
