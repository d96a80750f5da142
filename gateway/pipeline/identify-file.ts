import { IDENTIFY_HEAD_BYTES, identifyStandard } from '../../translators/identify-standard.js';
import { errorCatalogue } from '../errors/catalogue.js';
import { appendEvent } from '../store/sql/events.js';
import { lockReceivedFile, setFileState } from '../store/sql/received-files.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { FileState, canMove } from './states.js';

export type IdentifyOutcome = 'identified' | 'rejected' | 'already-done' | 'not-found';

/**
 * The first pipeline step: decides whether a received file is X12 or EDIFACT, or rejects it with the
 * reason. Re-reads and locks the row, acts only in RECEIVED, and writes the new state and its event in
 * one transaction, so running it twice (or on two instances at once) changes nothing the second time.
 */
export async function identifyFile(deps: { pool: Pool; actor: string }, fileId: string): Promise<IdentifyOutcome> {
  return withTransaction(deps.pool, async (tx) => {
    const file = await lockReceivedFile(tx, fileId, IDENTIFY_HEAD_BYTES);
    if (!file) return 'not-found';
    const result = identifyStandard(file.head);
    const next = result.standard ? FileState.IDENTIFIED : FileState.REJECTED;
    // Only a file still in RECEIVED may move on: a second run finds the work done and changes nothing.
    if (!canMove(file.state, next)) return 'already-done';
    if (result.standard) {
      await setFileState(tx, fileId, { state: next, standard: result.standard });
      await appendEvent(tx, { entity: 'file', entityId: fileId, type: 'file.identified', actor: deps.actor, details: { standard: result.standard } });
      return 'identified';
    }
    await setFileState(tx, fileId, { state: next, rejectionCode: result.code, rejectionReason: result.reason });
    await appendEvent(tx, {
      entity: 'file',
      entityId: fileId,
      type: 'file.rejected',
      actor: deps.actor,
      details: { code: result.code, reason: result.reason, summary: errorCatalogue[result.code].summary },
    });
    return 'rejected';
  });
}
