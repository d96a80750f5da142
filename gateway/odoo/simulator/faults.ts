/**
 * Failures a test can switch on while the simulator runs: the server down, slow answers, a call committed
 * but its response lost, and the serialization failure Odoo returns when concurrent updates collide.
 */
export type DownMode = 'refused' | 'unavailable';

/** Which calls a fault applies to; every call when nothing is given. */
export interface CallMatch {
  readonly model?: string | readonly string[];
  readonly method?: string | readonly string[];
}

export interface DropOptions extends CallMatch {
  /** Share of matching calls whose response is dropped, decided by a seeded generator (default 1). */
  readonly fraction?: number;
  readonly seed?: number;
  /** How many responses to drop at most (default 1; Infinity for no limit). */
  readonly times?: number;
}

export interface SerializationOptions extends CallMatch {
  /** How many matching calls fail (default 1). */
  readonly times?: number;
}

export interface FaultStats {
  readonly droppedResponses: number;
  readonly serializationFailures: number;
}

export interface FaultControl {
  /** refused: the port is closed (ECONNREFUSED); unavailable: every request answers 503 as a proxy would. */
  down(mode?: DownMode): Promise<void>;
  up(): Promise<void>;
  /** Every request waits this long before it is served (0 to stop). */
  slow(delayMs: number): void;
  /** The call is committed, then the connection is destroyed instead of answering. */
  dropResponseAfterCommit(options?: DropOptions): void;
  serializationFailure(options?: SerializationOptions): void;
  /** Everything back to normal, the server up again. */
  clear(): Promise<void>;
  stats(): FaultStats;
}

function matches(match: CallMatch, model: string, method: string): boolean {
  const has = (wanted: string | readonly string[] | undefined, value: string) => wanted === undefined || (typeof wanted === 'string' ? wanted === value : wanted.includes(value));
  return has(match.model, model) && has(match.method, method);
}

/** mulberry32: small, seedable, the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface Armed<T> {
  readonly options: T;
  remaining: number;
}

/** The fault state the transports consult. */
export class Faults {
  delayMs = 0;
  unavailable = false;
  private drop: (Armed<DropOptions> & { random: () => number }) | undefined;
  private serialization: Armed<SerializationOptions> | undefined;
  private dropped = 0;
  private failed = 0;

  armDrop(options: DropOptions): void {
    this.drop = { options, remaining: options.times ?? 1, random: seededRandom(options.seed ?? 1) };
  }

  armSerialization(options: SerializationOptions): void {
    this.serialization = { options, remaining: options.times ?? 1 };
  }

  reset(): void {
    this.delayMs = 0;
    this.unavailable = false;
    this.drop = undefined;
    this.serialization = undefined;
  }

  /** Called before a call runs: should it fail as a serialization failure (nothing committed)? */
  takeSerializationFailure(model: string, method: string): boolean {
    const armed = this.serialization;
    if (!armed || armed.remaining <= 0 || !matches(armed.options, model, method)) return false;
    armed.remaining -= 1;
    this.failed += 1;
    return true;
  }

  /** Called after a call committed: should its response be lost? */
  takeDrop(model: string, method: string): boolean {
    const armed = this.drop;
    if (!armed || armed.remaining <= 0 || !matches(armed.options, model, method)) return false;
    if (armed.random() >= (armed.options.fraction ?? 1)) return false;
    armed.remaining -= 1;
    this.dropped += 1;
    return true;
  }

  stats(): FaultStats {
    return { droppedResponses: this.dropped, serializationFailures: this.failed };
  }
}
