import type { Config } from '../config/settings.js';
import { describeError, isGatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { Pool, Queryable } from '../store/pool.js';
import { claimDueAlerts, insertAlert, recordAttemptFailed, recordAttemptSent, recordDelivered, type StoredAlert } from '../store/sql/alerts.js';
import { AlertState, type Alert } from './alert.js';
import { createLogNotifier } from './log-notifier.js';
import type { Notifier } from './notifier.js';
import { createWebhookNotifier } from './webhook-notifier.js';

// Alerts are recorded before anyone is told, then told through every channel (notifier). The row is the
// truth: an occurrence fired again finds its row and sends nothing; a channel that took it is never told
// again; one that did not is tried again by retryDueAlerts, on a wait that doubles, until it takes it or the
// attempts run out (FAILED). A channel told just before the instance died is told again: the webhook body
// carries the alert's key for the receiver to drop what it already has.

export interface AlertPolicy {
  /** Attempts in all before an alert is FAILED. */
  readonly attempts: number;
  /** The wait after the first failed attempt; it doubles with each further one, up to `retryMaxMs`. */
  readonly retryMs: number;
  readonly retryMaxMs: number;
  /** How long an instance may take over one attempt before another may take the alert. */
  readonly holdMs: number;
}

/** The policy the settings give (EDI_ALERT_ATTEMPTS, EDI_ALERT_RETRY_MS, EDI_ALERT_WEBHOOK_TIMEOUT_MS). */
export function alertPolicy(settings: Config['alerts']): AlertPolicy {
  return {
    attempts: settings.attempts,
    retryMs: settings.retryMs,
    retryMaxMs: 3_600_000,
    // Longer than the webhook may take to answer (the slowest channel), with room for the database.
    holdMs: settings.webhookTimeoutMs * 2 + 30_000,
  };
}

/** The notifiers the settings ask for, by channel name: the log always, the webhook when its URL is set. */
export function alertChannels(deps: { settings: Config['alerts']; log: Logger; pool: Pool; secrets: SecretStore }): Record<string, Notifier> {
  const channels: Record<string, Notifier> = { log: createLogNotifier({ log: deps.log }) };
  if (deps.settings.webhookUrl) {
    channels.webhook = createWebhookNotifier({ url: deps.settings.webhookUrl, timeoutMs: deps.settings.webhookTimeoutMs, secrets: deps.secrets, db: deps.pool });
  }
  return channels;
}

export interface SendAlertsDeps {
  readonly pool: Pool;
  /** The notifiers by channel name: the name is what a row records as having taken the alert. */
  readonly channels: Readonly<Record<string, Notifier>>;
  readonly policy: AlertPolicy;
  /** Where failed attempts are reported (the log channel's own lines are the alerts themselves). */
  readonly log: Logger;
}

/**
 * 'sent': every channel took it; 'retrying': one did not and it is tried again later; 'failed': one did not
 * on the last attempt allowed; 'already-recorded': recorded before (or settled by another attempt), so
 * nothing was sent now.
 */
export type AlertOutcome = 'sent' | 'retrying' | 'failed' | 'already-recorded';

/** Records the alert, and sends it unless its key was recorded before. */
export async function fireAlert(deps: SendAlertsDeps, alert: Alert): Promise<AlertOutcome> {
  const recorded = await insertAlert(deps.pool, alert, deps.policy.holdMs);
  if (!recorded) return 'already-recorded';
  return attempt(deps, recorded);
}

/**
 * Records the alert due at once without sending it: in a pipeline step's transaction, so the alert commits
 * with the change it is about, and the next retryDueAlerts sends it. False when its key was recorded before.
 */
export async function recordAlert(db: Queryable, alert: Alert): Promise<boolean> {
  return (await insertAlert(db, alert, 0)) !== undefined;
}

export interface RetrySummary {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

/** Sends the PENDING alerts that are due (recorded ones, and those whose wait after a failure is over). */
export async function retryDueAlerts(deps: SendAlertsDeps, options: { limit?: number } = {}): Promise<RetrySummary> {
  const due = await claimDueAlerts(deps.pool, { limit: options.limit ?? 100, holdMs: deps.policy.holdMs });
  const counts = { sent: 0, retrying: 0, failed: 0 };
  for (const alert of due) {
    const outcome = await attempt(deps, alert);
    if (outcome !== 'already-recorded') counts[outcome] += 1;
  }
  return counts;
}

interface ChannelFailure {
  readonly channel: string;
  readonly error: unknown;
}

async function attempt(deps: SendAlertsDeps, stored: StoredAlert): Promise<AlertOutcome> {
  const failures: ChannelFailure[] = [];
  for (const [channel, notifier] of Object.entries(deps.channels)) {
    if (stored.deliveredTo.includes(channel)) continue;
    const told = await notifier.notify(stored.alert).then(
      () => true,
      (error: unknown) => {
        failures.push({ channel, error });
        return false;
      },
    );
    // Outside the catch: a database failure here is not the channel's, and leaves the alert to come round again.
    if (told) await recordDelivered(deps.pool, stored.id, channel);
  }

  if (failures.length === 0) return (await recordAttemptSent(deps.pool, stored.id)) ? 'sent' : 'already-recorded';

  const [first] = failures as [ChannelFailure, ...ChannelFailure[]];
  const state = await recordAttemptFailed(deps.pool, stored.id, {
    code: isGatewayError(first.error) ? first.error.code : 'INTERNAL',
    message: failures.map(({ channel, error }) => `${channel}: ${describeError(error)}`).join('; '),
    attempts: deps.policy.attempts,
    retryMs: deps.policy.retryMs,
    retryMaxMs: deps.policy.retryMaxMs,
  });
  if (state === undefined) return 'already-recorded';
  const givenUp = state === AlertState.FAILED;
  for (const { channel, error } of failures) {
    deps.log[givenUp ? 'error' : 'warn'](
      { alert: stored.key, channel, attempt: stored.attempts + 1, err: error },
      givenUp ? 'alert given up: a channel did not take it on the last attempt' : 'alert not sent through a channel; it is tried again later',
    );
  }
  return givenUp ? 'failed' : 'retrying';
}
