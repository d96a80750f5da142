import type { Pool } from '../store/pool.js';
import { findStuckFiles } from '../store/sql/received-files.js';
import { FileState } from './states.js';

/** The most files one sweep nudges per state; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

type Nudge = (fileId: string) => Promise<void>;

/**
 * Jobs only speed things up; this guarantees progress. Files that sat in RECEIVED or IDENTIFIED longer
 * than `stuckAfterMs` (their job was lost, failed, or never queued) are nudged to the step that takes
 * them on. Returns how many were nudged, by state.
 */
export async function sweepStuckFiles(deps: {
  pool: Pool;
  stuckAfterMs: number;
  nudgeIdentify: Nudge;
  nudgeParse: Nudge;
}): Promise<Partial<Record<FileState, number>>> {
  const steps: readonly [FileState, Nudge][] = [
    [FileState.RECEIVED, deps.nudgeIdentify],
    [FileState.IDENTIFIED, deps.nudgeParse],
  ];
  const nudged: Partial<Record<FileState, number>> = {};
  for (const [state, nudge] of steps) {
    const stuck = await findStuckFiles(deps.pool, state, deps.stuckAfterMs, SWEEP_BATCH);
    for (const fileId of stuck) await nudge(fileId);
    if (stuck.length > 0) nudged[state] = stuck.length;
  }
  return nudged;
}
