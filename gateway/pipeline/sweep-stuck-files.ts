import type { Pool } from '../store/pool.js';
import { findStuckFiles } from '../store/sql/received-files.js';
import { FileState } from './states.js';

/** The most files one sweep nudges; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/**
 * Jobs only speed things up; this guarantees progress. Files that sat in RECEIVED longer than
 * `stuckAfterMs` (their job was lost, failed, or never queued) are nudged again.
 */
export async function sweepStuckFiles(deps: {
  pool: Pool;
  stuckAfterMs: number;
  nudgeIdentify: (fileId: string) => Promise<void>;
}): Promise<number> {
  const stuck = await findStuckFiles(deps.pool, FileState.RECEIVED, deps.stuckAfterMs, SWEEP_BATCH);
  for (const fileId of stuck) await deps.nudgeIdentify(fileId);
  return stuck.length;
}
