import { describeError, isGatewayError } from '../errors/gateway-error.js';

// One action over many rows (bulk replay, bulk resubmit, the dashboard's bulk actions on exceptions): each row
// on its own, so one that fails is named and the rest still go; progress after each, for the command line's
// display or the row the dashboard follows.

export interface BulkFailure {
  readonly id: string;
  /** The error's code when it is one of the catalogue's, INTERNAL otherwise. */
  readonly code: string;
  readonly message: string;
}

/** After each row: how far, and what became of the row just done. */
export interface BulkProgress<T> {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly id: string;
  readonly result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: BulkFailure };
}

export interface BulkOutcome<T> {
  readonly done: readonly T[];
  readonly failures: readonly BulkFailure[];
}

export async function runBulk<T>(ids: readonly string[], action: (id: string) => Promise<T>, progress: (progress: BulkProgress<T>) => void | Promise<void> = () => undefined): Promise<BulkOutcome<T>> {
  const done: T[] = [];
  const failures: BulkFailure[] = [];
  for (const id of ids) {
    let result: BulkProgress<T>['result'];
    try {
      const value = await action(id);
      done.push(value);
      result = { ok: true, value };
    } catch (error) {
      const failure = { id, code: isGatewayError(error) ? error.code : 'INTERNAL', message: describeError(error) };
      failures.push(failure);
      result = { ok: false, failure };
    }
    await progress({ done: done.length + failures.length, total: ids.length, failed: failures.length, id, result });
  }
  return { done, failures };
}
