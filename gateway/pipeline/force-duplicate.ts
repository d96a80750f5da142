import type { Diagnostic } from '../../translators/diagnostic.js';
import type { StoredException } from '../exceptions/exception.js';
import type { PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { forceDuplicateInterchange, listInterchangeSets, setSetVerdict } from '../store/sql/interchanges.js';
import { SetState } from './states.js';

// Support forces a duplicate through (hold-duplicate.ts held it back): the interchange is marked forced, with
// who and why, and each of its sets that only the duplicate finding rejected is ACCEPTED, for the translate
// step to take up. Its acknowledgment went out already, and is not sent again.

/** The interchange the exception is about, by its key 'duplicate:interchange:<id>'. */
export async function forceDuplicate(tx: PoolClient, exception: StoredException, actor: string): Promise<{ readonly fileId: string; readonly accepted: number }> {
  const [family, kind, interchangeId] = exception.key.split(':');
  if (family !== 'duplicate' || kind !== 'interchange' || !interchangeId || !exception.fileId) throw new Error(`Exception ${exception.id} (${exception.key}) is not about a duplicate interchange.`);
  const reason = exception.resolution ?? 'FORCE';
  await forceDuplicateInterchange(tx, interchangeId, { by: actor, reason });
  let accepted = 0;
  for (const set of await listInterchangeSets(tx, interchangeId)) {
    if (set.state !== SetState.REJECTED) continue;
    const own = set.diagnostics.filter((diagnostic) => !isDuplicateFinding(diagnostic));
    if (own.some((diagnostic) => diagnostic.severity === 'error')) continue;
    await setSetVerdict(tx, set.id, SetState.ACCEPTED, own);
    accepted += 1;
  }
  await appendEvent(tx, { entity: 'file', entityId: exception.fileId, type: 'file.duplicate-forced', actor, details: { interchange: interchangeId, exception: exception.id, reason, accepted } });
  return { fileId: exception.fileId, accepted };
}

function isDuplicateFinding(diagnostic: Diagnostic): boolean {
  return diagnostic.level === 'interchange' && ((diagnostic.codeList === 'TA105' && diagnostic.code === '025') || (diagnostic.codeList === '0085' && diagnostic.code === '26'));
}
