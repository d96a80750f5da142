import type { SyncDocument, SyncOutcome, SyncPort } from '../../gateway/pipeline/sync-port.js';

/** One call the double took: the document and the idempotency key it came with. */
export interface SyncCall {
  readonly document: SyncDocument;
  readonly idempotencyKey: string;
}

export interface SyncDouble extends SyncPort {
  readonly calls: SyncCall[];
  /** Answers the next calls, in order, with these; once they run out, every call is synced as `synced-<document id>`. */
  answer(...outcomes: SyncOutcome[]): void;
  /**
   * Holds the next call until `release` is called with its answer: the attempt stays under way meanwhile, as
   * one waiting on a slow ERP does. Resolves with the release function once the call has come in.
   */
  hold(): Promise<(outcome: SyncOutcome) => void>;
}

/** A sync port for tests: records every call and answers as told. */
export function createSyncDouble(): SyncDouble {
  const calls: SyncCall[] = [];
  const scripted: SyncOutcome[] = [];
  let holdNext: { arrived: (release: (outcome: SyncOutcome) => void) => void } | undefined;
  return {
    calls,
    answer(...outcomes) {
      scripted.push(...outcomes);
    },
    hold() {
      return new Promise((resolve) => {
        holdNext = { arrived: resolve };
      });
    },
    async sync(document, { idempotencyKey }) {
      calls.push({ document, idempotencyKey });
      if (holdNext) {
        const { arrived } = holdNext;
        holdNext = undefined;
        return new Promise<SyncOutcome>((release) => arrived(release));
      }
      return scripted.shift() ?? { outcome: 'synced', reference: `synced-${document.id}` };
    },
  };
}
