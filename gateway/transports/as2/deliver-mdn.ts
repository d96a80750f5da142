import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { recordMdnAttempt, type HeaderList } from '../../store/sql/as2-messages.js';
import { appendEvent } from '../../store/sql/events.js';
import { post } from './http-post.js';

// An asynchronous MDN POSTed to the partner's Receipt-Delivery-Option, after the answer to its message.

export interface MdnDeliveryDeps {
  readonly pool: Pool;
  readonly actor: string;
  readonly log: Logger;
  readonly attempts: number;
  readonly retryMs: number;
  readonly timeoutMs: number;
}

export interface AsyncMdn {
  /** The recorded message the MDN is about; undefined for a refused message, which has no row. */
  readonly inboundId: string | undefined;
  readonly partner: string;
  readonly messageId: string;
  readonly url: string;
  readonly headers: HeaderList;
  readonly body: Buffer;
}

/** Tries up to `attempts` times; every attempt is an event, and the recorded message keeps where its MDN stands. */
export async function deliverMdn(deps: MdnDeliveryDeps, mdn: AsyncMdn): Promise<void> {
  for (let attempt = 1; attempt <= deps.attempts; attempt += 1) {
    const answer = await post(mdn.url, { headers: mdn.headers, body: mdn.body, timeoutMs: deps.timeoutMs });
    const delivered = !(answer instanceof Error) && answer.status >= 200 && answer.status < 300;
    const last = delivered || attempt === deps.attempts;
    const reason = answer instanceof Error ? answer.message : `HTTP ${answer.status}`;
    await withTransaction(deps.pool, async (tx) => {
      if (mdn.inboundId !== undefined) await recordMdnAttempt(tx, mdn.inboundId, delivered ? 'DELIVERED' : last ? 'FAILED' : 'QUEUED');
      await appendEvent(tx, {
        entity: 'as2-message',
        entityId: mdn.messageId,
        type: delivered ? 'as2.mdn.delivered' : last ? 'as2.mdn.failed' : 'as2.mdn.attempt-failed',
        actor: deps.actor,
        details: { partner: mdn.partner, url: mdn.url, attempt, ...(delivered ? {} : { reason }) },
      });
    });
    if (delivered) return;
    deps.log.warn({ partner: mdn.partner, messageId: mdn.messageId, url: mdn.url, attempt, reason }, 'asynchronous MDN not taken by the partner');
    if (!last) await sleep(deps.retryMs);
  }
}
