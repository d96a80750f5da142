import { CircuitBreaker } from '../client/circuit-breaker.js';
import type { OdooClient } from '../client/odoo-client.js';

// The one Odoo the gateway syncs with. It is logged in to on first use, not at start-up, so that a gateway
// whose Odoo is down still starts and takes files; a failed log-in is tried again by the next document.
// The circuit breaker outlives the attempts, so an Odoo that stays down is not hammered by every document.

export type OdooUsage = 'test' | 'production';

export interface OdooConnection {
  /** Where documents go, in messages: the URL's host, or "the sandbox". */
  readonly name: string;
  /** A production Odoo never gets test documents. */
  readonly usage: OdooUsage;
  client(): Promise<OdooClient>;
}

export interface OdooConnectionOptions {
  readonly name: string;
  readonly usage: OdooUsage;
  /** Logs in through the breaker given (connectOdoo's `breaker` option). */
  readonly connect: (breaker: CircuitBreaker) => Promise<OdooClient>;
}

export function odooConnection(options: OdooConnectionOptions): OdooConnection {
  const breaker = new CircuitBreaker(options.name);
  let connected: Promise<OdooClient> | undefined;
  return {
    name: options.name,
    usage: options.usage,
    client() {
      if (connected === undefined) {
        const attempt = options.connect(breaker);
        connected = attempt;
        attempt.catch(() => {
          if (connected === attempt) connected = undefined;
        });
      }
      return connected;
    },
  };
}
