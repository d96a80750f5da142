import { GatewayError } from '../errors/gateway-error.js';
import { canMoveOutbound, OutboundState } from '../pipeline/states.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { resolveException } from '../store/sql/exceptions.js';
import { insertOutboundDocument, listResubmissionChain, lockOutboundDocument, openExceptionsOfDocument, setOutboundState, type OutboundDocument } from '../store/sql/outbound-documents.js';

// Sending a document again: a new document, STORED, with the same canonical document and partner, linked to
// the one it replaces, which becomes RESUBMITTED. Rendering gives it new control numbers, so the partner
// sees a new interchange rather than a duplicate of the old one.

export interface Resubmission {
  /** Who resubmits: a person, or the instance for the partner's policy. */
  readonly actor: string;
  readonly reason: string;
  /** Made by the partner's policy for an overdue acknowledgment, not by a person. */
  readonly automatic: boolean;
}

/** The new document, inserted in the caller's transaction with both documents' events; `original` must be locked and allowed to move. */
export async function insertResubmission(tx: PoolClient, original: OutboundDocument, resubmission: Resubmission): Promise<OutboundDocument> {
  const { document } = await insertOutboundDocument(tx, {
    partner: original.partner,
    kind: original.kind,
    reference: original.reference ?? undefined,
    canonical: original.canonical,
    origin: 'resubmission',
    resubmissionOf: original.id,
    // A person sending it again gives the partner's policy its resubmissions afresh.
    autoResubmissions: resubmission.automatic ? original.autoResubmissions + 1 : 0,
    createdBy: resubmission.actor,
  });
  await setOutboundState(tx, original.id, OutboundState.RESUBMITTED);
  await appendEvent(tx, {
    entity: 'document',
    entityId: original.id,
    type: 'document.resubmitted',
    actor: resubmission.actor,
    details: { from: original.state, as: document.id, reason: resubmission.reason, automatic: resubmission.automatic },
  });
  await appendEvent(tx, {
    entity: 'document',
    entityId: document.id,
    type: 'document.stored',
    actor: resubmission.actor,
    details: { partner: original.partner, kind: original.kind, reference: original.reference, origin: 'resubmission', resubmissionOf: original.id, reason: resubmission.reason },
  });
  return document;
}

/**
 * A person resubmits a document (CLI, API, or the RESUBMIT action of its exception): any document the
 * partner has had, or that could not be rendered, may be sent again, once; the exceptions open about it are
 * resolved by the resubmission. Returns the new document, STORED, for the render step.
 */
export async function resubmitDocument(pool: Pool, id: string, request: { readonly actor: string; readonly reason: string }): Promise<OutboundDocument> {
  const reason = request.reason.trim();
  if (!reason) throw new GatewayError('REQUEST_INVALID', 'A resubmission needs a reason (--reason, or "reason" in the body): say why it is sent again, for whoever reads its history.');
  return withTransaction(pool, async (tx) => {
    const original = await lockOutboundDocument(tx, id);
    if (!original) throw new GatewayError('DOCUMENT_NOT_FOUND', `There is no outbound document ${JSON.stringify(id)}.`);
    if (!canMoveOutbound(original.state, OutboundState.RESUBMITTED)) throw await notResubmittable(tx, original);
    const resubmission = await insertResubmission(tx, original, { actor: request.actor, reason, automatic: false });
    for (const exceptionId of await openExceptionsOfDocument(tx, original.id, ['ACK_OVERDUE', 'ACK_REJECTED', 'DOCUMENT_UNRENDERABLE'])) {
      await resolveException(tx, exceptionId, { by: request.actor, how: `RESUBMIT: sent again as document ${resubmission.id}: ${reason}` });
    }
    return resubmission;
  });
}

async function notResubmittable(tx: PoolClient, document: OutboundDocument): Promise<GatewayError> {
  if (document.state === OutboundState.RESUBMITTED) {
    const latest = (await listResubmissionChain(tx, document.id)).at(-1);
    return new GatewayError('DOCUMENT_NOT_RESUBMITTABLE', `Document ${document.id} was resubmitted already; its latest resubmission is document ${latest?.id ?? '?'} (${latest?.state ?? '?'}): resubmit that one.`);
  }
  return new GatewayError('DOCUMENT_NOT_RESUBMITTABLE', `Document ${document.id} is ${document.state}: it is still on its way to partner ${document.partner}; it can be resubmitted once delivered.`);
}
