import type { Pool } from '../store/pool.js';
import { getReceivedFile, type ReceivedFile } from '../store/sql/received-files.js';
import { acknowledgeFile } from './acknowledge-file.js';
import { identifyFile } from './identify-file.js';
import { parseFile } from './parse-file.js';
import { translateFile } from './translate-file.js';

/**
 * Takes a received file through identification, parsing, acknowledgment and translation now, one step after
 * another, as the scheduler's jobs would: for a replay asked for from the command line or the API, whose
 * person wants to see where it ends. Each step re-reads its row and does nothing when its work is done, so a
 * gateway nudging the same file meanwhile changes nothing. Delivering acknowledgments and syncing documents
 * stay with the running gateway (its sweep finds them). Returns the file as the last step left it.
 */
export async function advanceFile(deps: { pool: Pool; actor: string }, fileId: string): Promise<ReceivedFile> {
  if ((await identifyFile(deps, fileId)) === 'identified' && (await parseFile(deps, fileId)) === 'parsed' && (await acknowledgeFile(deps, fileId)).outcome === 'acknowledged') {
    await translateFile(deps, fileId);
  }
  const file = await getReceivedFile(deps.pool, fileId);
  if (!file) throw new Error(`File ${fileId} went missing while it was advanced.`);
  return file;
}
