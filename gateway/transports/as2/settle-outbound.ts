import type { ErrorCode } from '../../errors/catalogue.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { getOutboundMessage, setOutboundState, type OutboundMessage } from '../../store/sql/as2-messages.js';
import { appendEvent } from '../../store/sql/events.js';
import { digestByMicalg } from './algorithms.js';
import { readMdnReport } from './mdn.js';
import type { UnwrappedMessage } from './unwrap-message.js';

// How an outbound message ends: acknowledged by an MDN that checks out, rejected by the partner's MDN, or
// failed (no trustworthy MDN). Sync answers and async MDNs end it through the same step, once.

export interface Settlement {
  readonly state: 'ACKNOWLEDGED' | 'REJECTED' | 'FAILED';
  readonly code: ErrorCode | undefined;
  readonly detail: string;
  readonly mdn: { readonly disposition: string; readonly body: Buffer } | undefined;
}

/** What an MDN (its signature already checked by unwrapping; `received` as it arrived) says about our message. */
export function judgeMdn(mdn: UnwrappedMessage, received: Buffer, message: OutboundMessage, signedRequired: boolean): Settlement {
  const receipt = readMdnReport(mdn.payload);
  if (!receipt.ok) return { state: 'FAILED', code: receipt.failure.code, detail: receipt.failure.detail, mdn: undefined };
  const { originalMessageId, disposition, processed, mic } = receipt.value;
  const kept = { disposition, body: received };
  if (signedRequired && !mdn.signed) return { state: 'FAILED', code: 'AS2_MDN_INVALID', detail: 'The MDN is not signed, though a signed MDN was asked for.', mdn: kept };
  if (originalMessageId !== message.messageId) {
    return { state: 'FAILED', code: 'AS2_MDN_INVALID', detail: `The MDN is about ${originalMessageId ?? 'no message'}, not ${message.messageId}.`, mdn: kept };
  }
  if (!processed) return { state: 'REJECTED', code: 'AS2_MESSAGE_REJECTED', detail: `The partner's MDN says: ${disposition}.`, mdn: kept };
  const [expectedValue, expectedMicalg = ''] = message.mic.split(', ');
  if (!mic || mic.value !== expectedValue || digestByMicalg(mic.micalg) !== digestByMicalg(expectedMicalg)) {
    return {
      state: 'FAILED',
      code: 'AS2_MDN_INVALID',
      detail: `The MDN's MIC (${mic ? `${mic.value}, ${mic.micalg}` : 'none'}) is not the MIC of what we sent (${message.mic}): the partner did not receive our message as sent.`,
      mdn: kept,
    };
  }
  return { state: 'ACKNOWLEDGED', code: undefined, detail: `The partner's MDN says: ${disposition}.`, mdn: kept };
}

/** Ends the message unless it has ended already (an MDN that came twice, or late); returns it as it ends. */
export async function settleOutbound(pool: Pool, actor: string, messageId: string, settlement: Settlement): Promise<OutboundMessage | undefined> {
  return withTransaction(pool, async (tx) => {
    const message = await getOutboundMessage(tx, messageId, { lock: true });
    if (!message || !['PREPARED', 'SENT'].includes(message.state)) return message;
    const settled = await setOutboundState(tx, message.id, {
      state: settlement.state,
      failureCode: settlement.code ?? null,
      lastError: settlement.state === 'ACKNOWLEDGED' ? null : settlement.detail,
      ...(settlement.mdn ? { mdn: settlement.mdn } : {}),
    });
    await appendEvent(tx, {
      entity: 'as2-message',
      entityId: messageId,
      type: `as2.message.${settlement.state.toLowerCase()}`,
      actor,
      details: { partner: message.partner, ...(settlement.code ? { code: settlement.code } : {}), detail: settlement.detail },
    });
    return settled;
  });
}
