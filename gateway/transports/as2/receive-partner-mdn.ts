import type { Pool } from '../../store/pool.js';
import { getOutboundMessage, type As2Profile } from '../../store/sql/as2-messages.js';
import { appendEvent } from '../../store/sql/events.js';
import { readMdnReport } from './mdn.js';
import { judgeMdn, settleOutbound } from './settle-outbound.js';
import type { UnwrappedMessage } from './unwrap-message.js';

// An asynchronous MDN from a partner, about a message we sent it: arrives at our AS2 URL like a message.

export async function receivePartnerMdn(
  deps: { readonly pool: Pool; readonly actor: string },
  received: { readonly partner: string; readonly as2: As2Profile; readonly mdn: UnwrappedMessage; readonly raw: Buffer },
): Promise<void> {
  const report = readMdnReport(received.mdn.payload);
  const about = report.ok ? report.value.originalMessageId : undefined;
  const message = about === undefined ? undefined : await getOutboundMessage(deps.pool, about, { lock: false });
  if (!message || message.partner !== received.partner) {
    await appendEvent(deps.pool, {
      entity: 'as2-message',
      entityId: about ?? 'unknown',
      type: 'as2.mdn.unmatched',
      actor: deps.actor,
      details: { partner: received.partner, reason: report.ok ? 'no message of this partner has this Message-ID' : report.failure.detail },
    });
    return;
  }
  await settleOutbound(deps.pool, deps.actor, message.messageId, judgeMdn(received.mdn, received.raw, message, received.as2.signedMdn));
}
