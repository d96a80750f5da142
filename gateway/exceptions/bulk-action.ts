import { describeError, GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import { runBulk } from '../pipeline/run-bulk.js';
import type { Pool } from '../store/pool.js';
import { finishBulkAction, insertBulkAction, recordBulkItem, type BulkAction } from '../store/sql/bulk-actions.js';
import type { ExceptionAction } from './exception.js';

// One action on many exceptions, asked for once: stored first, then taken on each exception in turn by the
// same code as a single one (so each is its own resolution and event), the progress written after each, so
// the page that shows it can follow. An exception it cannot be taken on (resolved meanwhile, an action it
// does not allow) is a failure noted with the reason, and the rest go on. The work runs beside the request
// that asked for it; if the process ends half-way, the row says how far it got, and asking again for the
// rest is safe, as an exception resolved already is only noted so.

/** The most exceptions one bulk action takes: a filter wider than that is to be narrowed first. */
export const BULK_MAX = 1000;
/** A RUNNING bulk action whose progress has not moved for this long was left by a process that ended. */
export const BULK_STALLED_MS = 60_000;

export interface BulkRequest {
  readonly exceptionIds: readonly string[];
  readonly action: ExceptionAction;
  readonly reason: string | undefined;
  readonly actor: string;
}

export type TakeAction = (request: { exceptionId: string; action: ExceptionAction; actor: string; reason: string | undefined }) => Promise<void>;

export async function startBulkAction(deps: { pool: Pool; log: Logger; take: TakeAction }, request: BulkRequest): Promise<BulkAction> {
  const items = [...new Set(request.exceptionIds)];
  if (items.length === 0) throw new GatewayError('REQUEST_INVALID', 'Choose at least one exception, or all those the filters show.');
  if (items.length > BULK_MAX) throw new GatewayError('REQUEST_INVALID', `${items.length} exceptions are more than one bulk action takes (${BULK_MAX}); narrow the filters.`);
  const bulk = await insertBulkAction(deps.pool, { action: request.action, reason: request.reason, actor: request.actor, items });
  void carryOut(deps, bulk, request).catch((error: unknown) => deps.log.error({ err: error, bulkAction: bulk.id }, `bulk action ${bulk.id} stopped: ${describeError(error)}`));
  return bulk;
}

async function carryOut(deps: { pool: Pool; take: TakeAction }, bulk: BulkAction, request: BulkRequest): Promise<void> {
  await runBulk(
    bulk.items,
    (exceptionId) => deps.take({ exceptionId, action: request.action, actor: request.actor, reason: request.reason }),
    (progress) => {
      const { result } = progress;
      return recordBulkItem(deps.pool, bulk.id, result.ok ? undefined : { exception: result.failure.id, code: result.failure.code, message: result.failure.message });
    },
  );
  await finishBulkAction(deps.pool, bulk.id);
}
