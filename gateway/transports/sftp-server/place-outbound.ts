import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors/gateway-error.js';
import { withTransaction, type Pool, type Queryable } from '../../store/pool.js';
import { appendEvent } from '../../store/sql/events.js';
import { insertOutboundFile, type OutboundFile } from '../../store/sql/sftp-mailboxes.js';
import { isFileName } from './mailbox-path.js';

export interface OutboundPlacement {
  readonly partner: string;
  /** The name the partner sees in /outbound. */
  readonly name: string;
  readonly content: Buffer;
  /** Who places it: an instance name, a job, a person. */
  readonly placedBy: string;
}

/**
 * Puts a document or acknowledgment in a partner's /outbound for pick-up, with its 'sftp.outbound.placed'
 * event, in one transaction. Refused (SFTP_OUTBOUND_NAME_TAKEN) while a file of that name still waits there:
 * replacing a file the partner may be reading would hand it half of each.
 */
export async function placeInOutbound(pool: Pool, placement: OutboundPlacement): Promise<OutboundFile> {
  return withTransaction(pool, (tx) => placeInOutboundWithin(tx, placement));
}

/**
 * The same in the caller's transaction, for a step whose state change must commit with the placement: the
 * file is in /outbound exactly when the step says it was delivered.
 */
export async function placeInOutboundWithin(tx: Queryable, placement: OutboundPlacement): Promise<OutboundFile> {
  const { partner, name, content, placedBy } = placement;
  if (!isFileName(name)) {
    throw new GatewayError('SFTP_NAME_INVALID', `"${name}" cannot be the name of a file in ${partner}'s SFTP /outbound: use 1 to 255 bytes without / or control characters.`);
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  const placed = await insertOutboundFile(tx, { partner, name, content, sha256, placedBy });
  if (!placed) {
    throw new GatewayError('SFTP_OUTBOUND_NAME_TAKEN', `${partner}'s SFTP /outbound already holds a file named "${name}" that the partner has not deleted; place this one under another name.`);
  }
  await appendEvent(tx, {
    entity: 'partner',
    entityId: partner,
    type: 'sftp.outbound.placed',
    actor: placedBy,
    details: { path: `/outbound/${name}`, outboundFileId: placed.id, size: content.length, sha256 },
  });
  return placed;
}
