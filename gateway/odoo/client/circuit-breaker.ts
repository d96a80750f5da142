import { OdooCallError } from './odoo-errors.js';

// One breaker per Odoo connection. While Odoo is down every caller would otherwise wait through its own
// retries and time-outs; once `failureThreshold` calls in a row found it unreachable, calls fail at once
// (ODOO_CIRCUIT_OPEN) until the cool-down has passed. Then one call goes through as a probe: its success
// closes the breaker, its failure opens it for another cool-down.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Calls in a row that found Odoo unreachable before the breaker opens. */
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  readonly now: () => number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerOptions = { failureThreshold: 5, coolDownMs: 30_000, now: () => Date.now() };

export class CircuitBreaker {
  private readonly options: CircuitBreakerOptions;
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;
  private lastFailure = '';

  /** `name` says which Odoo connection, in the messages. */
  constructor(
    readonly name: string,
    options: Partial<CircuitBreakerOptions> = {},
  ) {
    this.options = { ...DEFAULT_CIRCUIT_BREAKER, ...options };
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.options.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** Lets a call through, or refuses it with ODOO_CIRCUIT_OPEN; a call let through must end in succeeded() or failed(). */
  admit(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.probing) {
      this.probing = true;
      return;
    }
    const waitMs = Math.max(0, this.openedAt! + this.options.coolDownMs - this.options.now());
    const when = state === 'half-open' ? 'a trial call is under way' : `the next try is in ${Math.ceil(waitMs / 1000)} s`;
    throw new OdooCallError(
      'ODOO_CIRCUIT_OPEN',
      `Calls to Odoo (${this.name}) are paused after ${this.failures} failed in a row (the last: ${this.lastFailure}); ${when}`,
    );
  }

  /** Odoo answered (with a result or with one of its own refusals): it is up. */
  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  /** Odoo could not be reached, or a proxy answered for it. */
  failed(reason: string): void {
    this.failures += 1;
    this.lastFailure = reason;
    if (this.probing || this.failures >= this.options.failureThreshold) this.openedAt = this.options.now();
    this.probing = false;
  }

  /** A call let through ended without telling anything about Odoo's health (a fault of the gateway's own). */
  released(): void {
    this.probing = false;
  }
}
