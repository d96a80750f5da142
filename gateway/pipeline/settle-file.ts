import { messageFor, type DocumentMaps } from '../../translators/maps/registry.js';
import type { PoolClient } from '../store/pool.js';
import { countSetsByState, countWaiting } from '../store/sql/documents.js';
import { appendEvent } from '../store/sql/events.js';
import { setFileState, type ReceivedFile } from '../store/sql/received-files.js';
import { FileState } from './states.js';

// When a file is done with: every set the translate step takes is SYNCED or DISMISSED, the rejected ones were
// answered in its acknowledgment, and no exception about it is open. Acknowledgments a partner sends us (997, 999, CONTRL) have no canonical
// map here: they reconcile our outbound documents, so the file does not wait for them.

const translatedKinds: readonly DocumentMaps['kind'][] = ['order', 'ship-notice', 'shipment-status', 'invoice'];

/** The transaction set and message types the translate step turns into canonical documents: 850, ORDERS ... */
export const TRANSLATED_MESSAGES: readonly string[] = translatedKinds.flatMap((kind) => [messageFor('X12', kind), messageFor('EDIFACT', kind)]);

/**
 * Moves an ACKNOWLEDGED file to PROCESSED, with its event, when none of its sets waits any more. Run in the
 * transaction of the step that settled the last of them, with the file's row locked. True when it moved.
 */
export async function settleFile(tx: PoolClient, actor: string, file: Pick<ReceivedFile, 'id' | 'partner' | 'state' | 'standard'>): Promise<boolean> {
  if (file.state !== FileState.ACKNOWLEDGED) return false;
  const waiting = await countWaiting(tx, file.id, TRANSLATED_MESSAGES);
  if (waiting.sets > 0 || waiting.exceptions > 0) return false;
  const sets = await countSetsByState(tx, file.id);
  await setFileState(tx, file.id, { state: FileState.PROCESSED, standard: file.standard });
  await appendEvent(tx, { entity: 'file', entityId: file.id, type: 'file.processed', actor, details: { partner: file.partner, sets } });
  return true;
}
