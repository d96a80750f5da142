import type { FunctionalAck } from '../../translators/canonical/index.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { newAlert } from '../alerts/alert.js';
import { recordAlert } from '../alerts/send-alerts.js';
import { ExceptionAction } from '../exceptions/exception.js';
import { openExceptionWithAlert } from '../exceptions/open-exception.js';
import { canMoveOutbound, FileState, OutboundState } from '../pipeline/states.js';
import { withTransaction, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { openException, resolveException } from '../store/sql/exceptions.js';
import {
  findDocumentByGroup,
  findDocumentByInterchange,
  insertReceivedAcknowledgment,
  listUnreconciledAcknowledgments,
  lockOutboundDocuments,
  openExceptionsOfDocument,
  recordAcknowledged,
  type AcknowledgmentSet,
  type OutboundDocument,
} from '../store/sql/outbound-documents.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { lockReceivedFile, readFileContent, type ReceivedFile } from '../store/sql/received-files.js';
import { verdictFor, type Verdict } from './ack-verdict.js';
import { businessReference, kindWords } from './business-reference.js';
import { readFunctionalAcks, type AcknowledgmentRead } from './read-functional-acks.js';
import type { OutboundStepDeps } from './render-document.js';

export type ReconcileResult =
  | { readonly outcome: 'reconciled'; readonly settled: number; readonly duplicates: number; readonly unmatched: number }
  | { readonly outcome: 'not-acknowledged' | 'nothing-to-do' | 'not-found' };

/** The states an acknowledgment has settled; another acknowledgment of the same document is a duplicate. */
const SETTLED: readonly OutboundState[] = [OutboundState.ACCEPTED, OutboundState.ACCEPTED_WITH_ERRORS, OutboundState.REJECTED];

/**
 * The step after acknowledging, for files that hold acknowledgments (997, 999, CONTRL) the acknowledge step
 * accepted: reads each and settles the document of ours it answers, found by the group control number (AK1,
 * X12) or the interchange control reference (UCI, EDIFACT) and then the set's own number (AK2, UCM): ACCEPTED,
 * ACCEPTED_WITH_ERRORS or REJECTED with the reason in words, an 'ack-rejected' alert and an exception for a
 * rejection. One that answers nothing we sent opens an exception (ACK_UNMATCHED); one for a document already
 * settled is a duplicate and changes nothing. Every acknowledgment read is recorded (acknowledgments_in, one
 * row per set) in the transaction that settles its document, so running the step again finds nothing to do.
 */
export async function reconcileAcknowledgments(deps: OutboundStepDeps, fileId: string): Promise<ReconcileResult> {
  return withTransaction(deps.pool, async (tx) => {
    const file = await lockReceivedFile(tx, fileId, 0);
    if (!file) return { outcome: 'not-found' };
    if (file.state === FileState.RECEIVED || file.state === FileState.IDENTIFIED || file.state === FileState.PARSED) return { outcome: 'not-acknowledged' };
    const pending = await listUnreconciledAcknowledgments(tx, fileId);
    if (pending.length === 0) return { outcome: 'nothing-to-do' };

    const reads = await readPending(tx, file, pending);
    const matched = new Map<string, string>();
    for (const set of pending) {
      const read = reads.get(set.id);
      const documentId = read?.ok ? await answeredDocument(tx, file.partner, read.ack) : undefined;
      if (documentId) matched.set(set.id, documentId);
    }
    // Locked in id order before any is changed: two files answering the same documents cannot deadlock.
    const documents = await lockOutboundDocuments(tx, [...matched.values()]);
    const context: Context = { tx, deps, file, profile: (await getProfileVersion(tx, file.partner))?.profile, now: deps.now?.() ?? new Date() };

    const counts = { settled: 0, duplicates: 0, unmatched: 0 };
    const outcomes: Record<string, unknown>[] = [];
    for (const set of pending) {
      const read = reads.get(set.id) ?? { ok: false, problem: 'it was not found again in the file' };
      const document = documents.get(matched.get(set.id) ?? '');
      if (!read.ok) {
        counts.unmatched += 1;
        outcomes.push({ set: set.controlNumber, outcome: 'unmatched', exception: await unmatched(context, set, undefined, `cannot be read: ${read.problem}`) });
        continue;
      }
      if (!document) {
        counts.unmatched += 1;
        outcomes.push({ set: set.controlNumber, outcome: 'unmatched', exception: await unmatched(context, set, read.ack, `answers ${answered(read.ack)}, which we never sent to ${partnerName(context)}`) });
        continue;
      }
      if (SETTLED.includes(document.state)) {
        counts.duplicates += 1;
        await insertReceivedAcknowledgment(tx, { setId: set.id, fileId, partner: file.partner, kind: set.kind, controlNumber: set.interchangeControlNumber, outcome: 'duplicate', documentId: document.id, functionalAck: read.ack });
        outcomes.push({ set: set.controlNumber, outcome: 'duplicate', document: document.id });
        continue;
      }
      const verdict = verdictFor(read.ack, set.kind, document.setControlNumber);
      if (!verdict || !canMoveOutbound(document.state, verdict.state)) {
        counts.unmatched += 1;
        const why = `answers ${answered(read.ack)} without saying what became of ${document.message ?? ''} ${document.setControlNumber ?? ''} in it`.replace(/\s+/g, ' ');
        outcomes.push({ set: set.controlNumber, outcome: 'unmatched', exception: await unmatched(context, set, read.ack, why) });
        continue;
      }
      counts.settled += 1;
      documents.set(document.id, await settle(context, set, read.ack, document, verdict));
      outcomes.push({ set: set.controlNumber, outcome: 'settled', document: document.id, state: verdict.state });
    }
    await appendEvent(tx, {
      entity: 'file',
      entityId: fileId,
      type: 'file.acknowledgments-reconciled',
      actor: deps.actor,
      details: { partner: file.partner, ...counts, acknowledgments: outcomes },
    });
    return { outcome: 'reconciled', ...counts };
  });
}

interface Context {
  readonly tx: PoolClient;
  readonly deps: OutboundStepDeps;
  readonly file: ReceivedFile;
  readonly profile: PartnerProfile | undefined;
  readonly now: Date;
}

/** Each pending set read from the bytes of its interchange, by set id. */
async function readPending(tx: PoolClient, file: ReceivedFile, pending: readonly AcknowledgmentSet[]): Promise<Map<string, AcknowledgmentRead>> {
  const content = await readFileContent(tx, file.id);
  const standard = file.standard === 'EDIFACT' ? 'EDIFACT' : 'X12';
  const byInterchange = new Map<string, Map<number, AcknowledgmentRead>>();
  const reads = new Map<string, AcknowledgmentRead>();
  for (const set of pending) {
    let found = byInterchange.get(set.interchangeId);
    if (!found) {
      found = readFunctionalAcks(content.subarray(set.interchangeStart, set.interchangeEnd), standard);
      byInterchange.set(set.interchangeId, found);
    }
    const read = found.get(set.start - set.interchangeStart);
    if (read) reads.set(set.id, read);
  }
  return reads;
}

/** The delivered document of ours the acknowledgment answers: by group (X12) or by interchange (EDIFACT). */
async function answeredDocument(tx: PoolClient, partner: string, ack: FunctionalAck): Promise<string | undefined> {
  const { groupControlNumber, interchangeControlNumber, functionalId } = ack.acknowledged;
  if (ack.source.standard === 'X12') return groupControlNumber ? findDocumentByGroup(tx, partner, groupControlNumber, functionalId) : undefined;
  return interchangeControlNumber ? findDocumentByInterchange(tx, partner, interchangeControlNumber) : undefined;
}

function answered(ack: FunctionalAck): string {
  const { groupControlNumber, interchangeControlNumber, functionalId } = ack.acknowledged;
  if (ack.source.standard === 'X12') return `group ${groupControlNumber ?? '?'}${functionalId ? ` (${functionalId})` : ''}`;
  return `interchange ${interchangeControlNumber ?? '?'}`;
}

function partnerName(context: Context): string {
  return context.profile?.name ?? context.file.partner;
}

function partnerRef(context: Context) {
  return { id: context.file.partner, ...(context.profile ? { name: context.profile.name } : {}) };
}

/** The acknowledgment set as support finds it: "the 997 0001 in interchange 000000123 of file acks.x12". */
function setWords(context: Context, set: AcknowledgmentSet): string {
  return `the ${set.kind} ${set.controlNumber} in interchange ${set.interchangeControlNumber} of file ${context.file.originalName}`;
}

/** Records an acknowledgment that settles nothing, with the exception that tells support; returns the exception's id. */
async function unmatched(context: Context, set: AcknowledgmentSet, ack: FunctionalAck | undefined, why: string): Promise<string> {
  const { tx, file } = context;
  await insertReceivedAcknowledgment(tx, { setId: set.id, fileId: file.id, partner: file.partner, kind: set.kind, controlNumber: set.interchangeControlNumber, outcome: 'unmatched', documentId: undefined, functionalAck: ack });
  const message = `${capitalized(setWords(context, set))} ${why}; nothing was changed.`;
  const { exception } = await openExceptionWithAlert(
    tx,
    {
      key: `ack-unmatched:set:${set.id}`,
      code: 'ACK_UNMATCHED',
      message,
      partner: file.partner,
      fileId: file.id,
      setId: set.id,
      location: { offset: set.start, interchange: set.interchangeControlNumber, set: set.controlNumber },
      actions: [ExceptionAction.DISMISS],
    },
    { reference: { document: 'interchange', number: set.interchangeControlNumber }, partnerName: partnerName(context) },
  );
  return exception.id;
}

/** The document as the acknowledgment leaves it, with its event; a rejection alerts support and opens an exception. */
async function settle(context: Context, set: AcknowledgmentSet, ack: FunctionalAck, document: OutboundDocument, verdict: Verdict): Promise<OutboundDocument> {
  const { tx, deps, file, now } = context;
  const acknowledgmentId = await insertReceivedAcknowledgment(tx, {
    setId: set.id,
    fileId: file.id,
    partner: file.partner,
    kind: set.kind,
    controlNumber: set.interchangeControlNumber,
    outcome: 'settled',
    documentId: document.id,
    functionalAck: ack,
  });
  await recordAcknowledged(tx, document.id, { state: verdict.state, reason: verdict.reason, acknowledgmentId, at: now });
  await appendEvent(tx, {
    entity: 'document',
    entityId: document.id,
    type: 'document.acknowledged',
    actor: deps.actor,
    details: {
      from: document.state,
      state: verdict.state,
      reason: verdict.reason,
      acknowledgment: { kind: set.kind, interchangeControlNumber: set.interchangeControlNumber, setControlNumber: set.controlNumber, fileId: file.id },
    },
  });

  if (document.state === OutboundState.OVERDUE) {
    for (const exceptionId of await openExceptionsOfDocument(tx, document.id, ['ACK_OVERDUE'])) {
      await resolveException(tx, exceptionId, { by: deps.actor, how: `acknowledged late: ${setWords(context, set)} came in, ${verdict.state}` });
    }
  }
  if (verdict.state === OutboundState.REJECTED) {
    const reason = verdict.reason ?? 'rejected';
    const reference = businessReference(document);
    await recordAlert(
      tx,
      newAlert({
        kind: 'ack-rejected',
        partner: partnerRef(context),
        reference,
        documentId: document.id,
        acknowledgment: set.kind,
        acknowledgmentControlNumber: set.interchangeControlNumber,
        reason,
        fileId: file.id,
        occurredAt: now,
      }),
    );
    // The 'ack-rejected' alert above tells support; an 'exception-opened' one would tell it twice.
    await openException(tx, {
      key: `ack-rejected:document:${document.id}`,
      code: 'ACK_REJECTED',
      message: `${partnerName(context)} rejected the ${kindWords(document.kind)} ${reference.number} (${document.message ?? ''} ${document.setControlNumber ?? ''} in interchange ${document.interchangeControlNumber ?? ''}) in ${setWords(context, set)}: ${reason}`,
      partner: file.partner,
      ...(document.reference ? { reference: document.reference } : {}),
      fileId: file.id,
      setId: set.id,
      documentId: document.id,
      actions: [ExceptionAction.RESUBMIT, ExceptionAction.DISMISS],
    });
  }
  return { ...document, state: verdict.state, reason: verdict.reason, acknowledgmentId };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
