import type { CircuitBreaker } from './circuit-breaker.js';
import { isOdooCallError, outcomeUnknown, type OdooCallError } from './odoo-errors.js';

// How one call to Odoo is tried: through the connection's circuit breaker, again after a transient failure
// with exponentially growing, jittered waits, never again after a business refusal. A change whose answer
// was lost (create, a business button) is not sent again either: that is ODOO_OUTCOME_UNKNOWN, for the
// caller to look up what happened (idempotent-write.ts) instead of doing it twice.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A number in [0, 1): the jitter. */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The wait before retry number `retry` (1 for the first): half of min(max, base * 2^(retry-1)) for sure,
 * the other half at random, so that gateways colliding on the same records (serialization failures) drift
 * apart while a down server still gets real pauses.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

export interface RetryEvent {
  /** The try that failed (1 for the first). */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: OdooCallError;
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly breaker: CircuitBreaker;
  /** Whether sending the call twice does no harm (reads, plain writes); see isRepeatable. */
  readonly repeatable: boolean;
  readonly onRetry?: (event: RetryEvent) => void;
}

/** Runs `work` under the policy; the last failure, or ODOO_CIRCUIT_OPEN, or ODOO_OUTCOME_UNKNOWN comes out. */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, breaker } = options;
  for (let attempt = 1; ; attempt += 1) {
    breaker.admit();
    let value: T;
    try {
      value = await work();
    } catch (error) {
      if (!isOdooCallError(error)) {
        breaker.released();
        throw error;
      }
      if (error.code === 'ODOO_UNAVAILABLE') breaker.failed(error.message);
      else breaker.succeeded();
      if (!error.transient) throw error;
      if (error.outcomeUnknown && !options.repeatable) throw outcomeUnknown(error);
      if (attempt >= policy.attempts) throw error;
      const delayMs = backoffDelay(attempt, policy);
      options.onRetry?.({ attempt, delayMs, error });
      await policy.sleep(delayMs);
      continue;
    }
    breaker.succeeded();
    return value;
  }
}
