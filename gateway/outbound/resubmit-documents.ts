import { GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import { runBulk, type BulkFailure, type BulkProgress } from '../pipeline/run-bulk.js';
import { OutboundState } from '../pipeline/states.js';
import type { Pool } from '../store/pool.js';
import type { OutboundDocument } from '../store/sql/outbound-documents.js';
import { selectDocumentsToResubmit } from '../store/sql/resubmit-selection.js';
import { advanceOutboundDocument } from './advance-document.js';
import { resubmitDocument } from './resubmit-document.js';

// Many documents sent again at once, chosen by a filter: a partner's overdue or rejected documents sent in a
// window (after the partner fixed its side, or we fixed its profile). Each is resubmitted as one is
// (resubmit-document.ts), rendered and delivered at once, on its own: one that fails is named, the rest go.

/** The most documents one bulk resubmit takes; a larger selection is narrowed by its window. */
export const BULK_RESUBMIT_MAX = 1000;

/** What a bulk resubmit chooses by: the documents a partner left unanswered, or refused. */
export const resubmitStatuses = { overdue: OutboundState.OVERDUE, rejected: OutboundState.REJECTED } as const;

export type ResubmitStatus = keyof typeof resubmitStatuses;

export interface ResubmitFilter {
  readonly partner: string;
  readonly status: ResubmitStatus;
  readonly since: Date;
  readonly until: Date;
}

/** A document sent again, and the new document as delivery left it. */
export interface Resubmission {
  readonly original: string;
  readonly document: OutboundDocument;
}

export interface BulkResubmitted {
  /** The documents the filter chose, oldest first. */
  readonly selected: readonly string[];
  readonly resubmissions: readonly Resubmission[];
  readonly failures: readonly BulkFailure[];
}

export async function selectResubmissions(pool: Pool, filter: ResubmitFilter): Promise<string[]> {
  if (!(filter.since < filter.until)) throw new GatewayError('REQUEST_INVALID', `The window is empty: since (${filter.since.toISOString()}) must come before until (${filter.until.toISOString()}).`);
  const selected = await selectDocumentsToResubmit(pool, { partner: filter.partner, state: resubmitStatuses[filter.status], since: filter.since, until: filter.until, limit: BULK_RESUBMIT_MAX + 1 });
  if (selected.length > BULK_RESUBMIT_MAX) throw new GatewayError('REQUEST_INVALID', `The filter chooses more than ${BULK_RESUBMIT_MAX} documents; narrow the window (since, until).`);
  return selected;
}

export async function resubmitDocuments(
  deps: { readonly pool: Pool; readonly instance: string; readonly log?: Logger },
  filter: ResubmitFilter,
  request: { readonly actor: string; readonly reason: string },
  progress?: (progress: BulkProgress<Resubmission>) => void,
): Promise<BulkResubmitted> {
  if (!request.reason.trim()) throw new GatewayError('REQUEST_INVALID', 'A bulk resubmission needs a reason (--reason, or "reason" in the body): say why the documents are sent again.');
  const selected = await selectResubmissions(deps.pool, filter);
  const outcome = await runBulk(
    selected,
    async (id) => {
      const resubmission = await resubmitDocument(deps.pool, id, request);
      const advanced = await advanceOutboundDocument({ pool: deps.pool, actor: deps.instance, ...(deps.log ? { log: deps.log } : {}) }, resubmission.id);
      return { original: id, document: advanced.document };
    },
    progress,
  );
  return { selected, resubmissions: outcome.done, failures: outcome.failures };
}
