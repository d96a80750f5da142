import { canMoveOutbound, OutboundState } from '../pipeline/states.js';
import { withTransaction } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { lockOutboundDocument, recordDelivered } from '../store/sql/outbound-documents.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { placeInOutboundWithin } from '../transports/sftp-server/place-outbound.js';
import { expectationOf } from './acknowledgment-policy.js';
import type { OutboundStepDeps } from './render-document.js';

export type DeliverOutcome = 'awaiting-ack' | 'delivered' | 'not-rendered' | 'no-transport' | 'already-done' | 'not-found';

/**
 * The step after rendering: places a RENDERED document's stored bytes, unchanged, under its stored name in
 * the partner's SFTP /outbound, and makes it AWAITING_ACK with the due time the partner's policy gives (or
 * DELIVERED when the partner sends no acknowledgments), with its event. The mailbox lives in the database,
 * so the placement commits in the same transaction as the new state: the file is in /outbound exactly when
 * the document says it was delivered, and a retry finds the document delivered and places nothing. A
 * partner whose profile lost its mailbox keeps the document RENDERED ('no-transport') until it has one.
 */
export async function deliverOutboundDocument(deps: OutboundStepDeps, id: string): Promise<DeliverOutcome> {
  return withTransaction(deps.pool, async (tx) => {
    const document = await lockOutboundDocument(tx, id);
    if (!document) return 'not-found';
    if (document.state === OutboundState.STORED) return 'not-rendered';
    if (!canMoveOutbound(document.state, OutboundState.AWAITING_ACK)) return 'already-done';
    const current = await getProfileVersion(tx, document.partner);
    if (!current?.profile.transports?.sftpMailbox) return 'no-transport';
    const { content, fileName } = document;
    if (!content || !fileName) throw new Error(`Outbound document ${id} is RENDERED without its bytes or its name.`);

    await placeInOutboundWithin(tx, { partner: document.partner, name: fileName, content, placedBy: deps.actor });
    const expectation = expectationOf(current.profile);
    const at = deps.now?.() ?? new Date();
    const dueAt = expectation.expected ? new Date(at.getTime() + expectation.withinMs) : undefined;
    await recordDelivered(tx, id, { at, dueAt });
    await appendEvent(tx, {
      entity: 'document',
      entityId: id,
      type: 'document.delivered',
      actor: deps.actor,
      details: {
        partner: document.partner,
        transport: 'sftp-mailbox',
        path: `/outbound/${fileName}`,
        interchangeControlNumber: document.interchangeControlNumber,
        acknowledgmentDueAt: dueAt?.toISOString() ?? null,
      },
    });
    return dueAt ? 'awaiting-ack' : 'delivered';
  });
}
