import type { Pool } from '../store/pool.js';
import { findFilesWithUnreconciledAcknowledgments, findOverdueDocuments, findStuckDeliveries, findStuckOutbound } from '../store/sql/outbound-documents.js';
import { OutboundState } from '../pipeline/states.js';

/** The most rows one sweep nudges per kind of work; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

type Nudge = (id: string) => Promise<void>;

export interface SweptOutbound {
  readonly render: number;
  readonly deliver: number;
  readonly overdue: number;
  readonly reconcile: number;
}

/**
 * Jobs only speed the outbound steps up; this guarantees they happen. Documents that sat STORED or RENDERED
 * longer than `stuckAfterMs` are nudged to rendering or delivery (when their partner has a mailbox), documents whose acknowledgment is past due
 * by `now` to the overdue step, and files holding acknowledgments left unreconciled that long to
 * reconciliation. Returns how many of each were nudged.
 */
export async function sweepOutbound(deps: {
  pool: Pool;
  stuckAfterMs: number;
  now: () => Date;
  nudgeRender: Nudge;
  nudgeDeliver: Nudge;
  nudgeOverdue: Nudge;
  nudgeReconcile: Nudge;
}): Promise<SweptOutbound> {
  const render = await findStuckOutbound(deps.pool, OutboundState.STORED, deps.stuckAfterMs, SWEEP_BATCH);
  for (const id of render) await deps.nudgeRender(id);
  const deliver = await findStuckDeliveries(deps.pool, deps.stuckAfterMs, SWEEP_BATCH);
  for (const id of deliver) await deps.nudgeDeliver(id);
  const overdue = await findOverdueDocuments(deps.pool, deps.now(), SWEEP_BATCH);
  for (const id of overdue) await deps.nudgeOverdue(id);
  const reconcile = await findFilesWithUnreconciledAcknowledgments(deps.pool, deps.stuckAfterMs, SWEEP_BATCH);
  for (const fileId of reconcile) await deps.nudgeReconcile(fileId);
  return { render: render.length, deliver: deliver.length, overdue: overdue.length, reconcile: reconcile.length };
}
