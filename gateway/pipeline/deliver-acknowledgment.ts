import { isGatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { lockAcknowledgment, setAcknowledgmentState, type Acknowledgment } from '../store/sql/acknowledgments.js';
import { appendEvent } from '../store/sql/events.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { placeInOutbound } from '../transports/sftp-server/place-outbound.js';
import { AcknowledgmentState } from './states.js';

export type DeliverOutcome = 'delivered' | 'no-transport' | 'already-done' | 'not-found';

/**
 * Hands a PENDING acknowledgment, its stored bytes unchanged, to the partner's transport: for now the
 * partner's SFTP /outbound, as 997-<ISA13>.x12, TA1-<ISA13>.x12 or CONTRL-<UNB 0020>.edi. Re-reads and
 * locks the row, and writes DELIVERED with its event in one transaction once the file is placed. The name
 * is the idempotency key: a file of that name already waiting is this one, placed by an attempt that did
 * not get to commit, so it counts as delivered and is not placed twice. A partner without an SFTP mailbox
 * keeps its acknowledgment PENDING ('no-transport') until it has one.
 */
export async function deliverAcknowledgment(deps: { pool: Pool; actor: string }, acknowledgmentId: string): Promise<DeliverOutcome> {
  return withTransaction(deps.pool, async (tx) => {
    const acknowledgment = await lockAcknowledgment(tx, acknowledgmentId);
    if (!acknowledgment) return 'not-found';
    if (acknowledgment.state !== AcknowledgmentState.PENDING) return 'already-done';
    const current = await getProfileVersion(tx, acknowledgment.partner);
    if (!current?.profile.transports?.sftpMailbox) return 'no-transport';

    const name = outboundName(acknowledgment);
    const placed = await placeInOutbound(deps.pool, { partner: acknowledgment.partner, name, content: acknowledgment.content, placedBy: deps.actor }).then(
      () => true,
      (error: unknown) => {
        if (isGatewayError(error) && error.code === 'SFTP_OUTBOUND_NAME_TAKEN') return false;
        throw error;
      },
    );
    await setAcknowledgmentState(tx, acknowledgmentId, AcknowledgmentState.DELIVERED);
    await appendEvent(tx, {
      entity: 'acknowledgment',
      entityId: acknowledgmentId,
      type: 'acknowledgment.delivered',
      actor: deps.actor,
      details: {
        fileId: acknowledgment.fileId,
        partner: acknowledgment.partner,
        kind: acknowledgment.kind,
        controlNumber: acknowledgment.controlNumber,
        transport: 'sftp-mailbox',
        path: `/outbound/${name}`,
        // Placed by an earlier attempt that did not get to record it.
        alreadyWaiting: !placed,
      },
    });
    return 'delivered';
  });
}

function outboundName({ kind, controlNumber }: Acknowledgment): string {
  return `${kind}-${controlNumber}.${kind === 'CONTRL' ? 'edi' : 'x12'}`;
}
