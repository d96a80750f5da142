import { createHmac } from 'node:crypto';
import { GatewayError, describeError } from '../errors/gateway-error.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Queryable } from '../store/pool.js';
import { gatewayVersion } from '../version.js';
import { alertToJson, type Alert } from './alert.js';
import type { Notifier } from './notifier.js';
import { renderAlert, type AlertTemplates } from './render-alert.js';

// Alerts POSTed as JSON to the URL support gave (EDI_ALERT_WEBHOOK_URL). The receiver checks X-EDI-Signature,
// an HMAC-SHA256 of the exact body bytes under the key stored as secret alerts/webhook-key, so a forged or
// altered alert is told apart. The body carries the same timestamp as X-EDI-Timestamp, signed with it, to let
// a receiver refuse old replays; and the alert's key, to let it drop an alert sent again after an attempt
// whose answer we never got.

/** The secret (edi-gateway secret set alerts/webhook-key --kind password --file FILE) the webhook is signed with; its bytes are the key. */
export const WEBHOOK_KEY_SECRET = 'alerts/webhook-key';

export interface WebhookRequest {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

const userAgent = `edi-gateway/${gatewayVersion()}`;

/** `sha256=<hex>`: the value of X-EDI-Signature for these body bytes. */
export function signBody(key: Buffer, body: Buffer): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

/** The request that carries one alert: its JSON body and the headers that sign it. */
export function webhookRequest(alert: Alert, options: { key: Buffer; now: Date; templates?: AlertTemplates }): WebhookRequest {
  const { subject, text } = renderAlert(alert, options.templates);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const body = Buffer.from(JSON.stringify({ key: alert.key, kind: alert.kind, subject, text, timestamp, ...alertToJson(alert) }), 'utf8');
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': userAgent,
      'X-EDI-Timestamp': String(timestamp),
      'X-EDI-Signature': signBody(options.key, body),
    },
  };
}

export interface WebhookNotifierOptions {
  readonly url: string;
  readonly timeoutMs: number;
  /** Read on every alert, so a key stored or replaced while the gateway runs is used from the next alert on. */
  readonly secrets: Pick<SecretStore, 'get'>;
  readonly db: Queryable;
  readonly now?: () => Date;
  readonly templates?: AlertTemplates;
}

/**
 * Resolves once the webhook answered 2xx. Any other answer, no answer within the timeout, or no connection
 * rejects with ALERT_WEBHOOK_FAILED; a missing or unreadable key rejects with the secret store's own code.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  // Only the origin appears in messages: webhook URLs often carry their access token in the path.
  const shownAs = new URL(options.url).origin;
  const now = options.now ?? (() => new Date());
  return {
    async notify(alert) {
      const key = await options.secrets.get(options.db, WEBHOOK_KEY_SECRET);
      const request = webhookRequest(alert, { key, now: now(), ...(options.templates ? { templates: options.templates } : {}) });
      let response: Response;
      let answer: string;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(options.timeoutMs),
          // A redirect is a failure to see, not a new address to hand signed alerts to.
          redirect: 'manual',
        });
        answer = await response.text();
      } catch (error) {
        throw new GatewayError('ALERT_WEBHOOK_FAILED', `The alerts webhook at ${shownAs} did not take alert ${alert.key}: ${failureWords(error, options.timeoutMs)}.`, { cause: error });
      }
      if (response.status < 200 || response.status > 299) {
        const said = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
        throw new GatewayError(
          'ALERT_WEBHOOK_FAILED',
          `The alerts webhook at ${shownAs} did not take alert ${alert.key}: it answered ${response.status}${said ? ` (${said})` : ''}.`,
        );
      }
    },
  };
}

function failureWords(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors may come from another realm (undici's own), where instanceof Error is false.
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; cause?: unknown };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (typeof message !== 'string') return describeError(error);
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, a reset connection) is its cause.
  const reason = typeof cause === 'object' && cause !== null && typeof (cause as { message?: unknown }).message === 'string' ? (cause as { message: string }).message : undefined;
  return reason ? `${message}: ${reason}` : message;
}
