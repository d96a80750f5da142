import type { Pool } from '../store/pool.js';
import { findStuckAcknowledgments } from '../store/sql/acknowledgments.js';
import { findDocumentsToSync, findFilesToTranslate } from '../store/sql/documents.js';
import { findStuckFiles } from '../store/sql/received-files.js';
import { TRANSLATED_MESSAGES } from './settle-file.js';
import { FileState } from './states.js';

/** The most rows one sweep nudges per state; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

type Nudge = (id: string) => Promise<void>;

export interface Swept {
  /** Files nudged, by the state they sat in. */
  readonly files: Partial<Record<FileState, number>>;
  /** PENDING acknowledgments nudged to delivery. */
  readonly acknowledgments: number;
  /** Inbound documents nudged to sync: left TRANSLATED, due again after a deferral, or SYNCING past their lease. */
  readonly documents: number;
}

/**
 * Jobs only speed things up; this guarantees progress. Files that sat in RECEIVED, IDENTIFIED or PARSED
 * longer than `stuckAfterMs` (their job was lost, failed, or never queued) are nudged to the step that
 * takes them on, and so are acknowledgments left PENDING that long whose partner has a transport for them.
 * ACKNOWLEDGED files with sets still to translate are nudged to translation, and documents whose sync is due
 * (stuck, deferred, or held by an attempt past its lease) to the sync step.
 * Returns how many were nudged.
 */
export async function sweepStuckFiles(deps: {
  pool: Pool;
  stuckAfterMs: number;
  nudgeIdentify: Nudge;
  nudgeParse: Nudge;
  nudgeAcknowledge: Nudge;
  nudgeDeliver: Nudge;
  nudgeTranslate: Nudge;
  nudgeSync: Nudge;
}): Promise<Swept> {
  const steps: readonly [FileState, Nudge][] = [
    [FileState.RECEIVED, deps.nudgeIdentify],
    [FileState.IDENTIFIED, deps.nudgeParse],
    [FileState.PARSED, deps.nudgeAcknowledge],
  ];
  const files: Partial<Record<FileState, number>> = {};
  for (const [state, nudge] of steps) {
    const stuck = await findStuckFiles(deps.pool, state, deps.stuckAfterMs, SWEEP_BATCH);
    for (const fileId of stuck) await nudge(fileId);
    if (stuck.length > 0) files[state] = stuck.length;
  }
  const untranslated = await findFilesToTranslate(deps.pool, TRANSLATED_MESSAGES, deps.stuckAfterMs, SWEEP_BATCH);
  for (const fileId of untranslated) await deps.nudgeTranslate(fileId);
  if (untranslated.length > 0) files[FileState.ACKNOWLEDGED] = untranslated.length;
  const pending = await findStuckAcknowledgments(deps.pool, deps.stuckAfterMs, SWEEP_BATCH);
  for (const acknowledgmentId of pending) await deps.nudgeDeliver(acknowledgmentId);
  const unsynced = await findDocumentsToSync(deps.pool, deps.stuckAfterMs, SWEEP_BATCH);
  for (const documentId of unsynced) await deps.nudgeSync(documentId);
  return { files, acknowledgments: pending.length, documents: unsynced.length };
}
