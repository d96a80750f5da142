import { createHash } from 'node:crypto';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { insertFunctionalGroups, insertInterchange, insertTransactionSets } from '../store/sql/interchanges.js';
import { lockReceivedFile, readFileContent, setFileState, type ReceivedFile } from '../store/sql/received-files.js';
import { checkReceivers } from './check-receivers.js';
import { checkSenders } from './check-senders.js';
import { checkUsage } from './check-usage.js';
import { recordQuarantineAlert } from './quarantine-alert.js';
import { readEnvelopes, type EnvelopeInterchange } from './read-envelopes.js';
import { FileState, SetState, canMove } from './states.js';

export type ParseOutcome = 'parsed' | 'rejected' | 'quarantined' | 'not-identified' | 'already-done' | 'not-found';

/**
 * The step after identification: reads the envelopes of a file in IDENTIFIED, checks that every
 * interchange was sent under an id of the file's partner, and stores the interchanges, groups and sets
 * with their byte ranges. Re-reads and locks the row and writes the rows, the new state and its event in
 * one transaction, so running it twice (or on two instances at once) changes nothing the second time.
 */
export async function parseFile(deps: { pool: Pool; actor: string }, fileId: string): Promise<ParseOutcome> {
  return withTransaction(deps.pool, async (tx) => {
    const file = await lockReceivedFile(tx, fileId, 0);
    if (!file) return 'not-found';
    // Only a file in IDENTIFIED may move on (to PARSED, REJECTED or QUARANTINED alike).
    if (!canMove(file.state, FileState.PARSED)) return file.state === FileState.RECEIVED ? 'not-identified' : 'already-done';
    const standard = file.standard;
    if (standard !== 'X12' && standard !== 'EDIFACT') throw new Error(`File ${fileId} is IDENTIFIED with no standard (${String(standard)}).`);

    const content = await readFileContent(tx, fileId);
    const reading = readEnvelopes(content, standard);
    if (!reading.readable) {
      await setAside(tx, deps.actor, file, { state: FileState.REJECTED, event: 'file.rejected', code: 'ENVELOPE_UNREADABLE', reason: reading.reason });
      return 'rejected';
    }
    const problem = await checkSenders(tx, file, reading.interchanges);
    if (problem?.code === 'SENDER_NOT_PARTNER') {
      const { reason, ...details } = problem;
      await setAside(tx, deps.actor, file, { state: FileState.REJECTED, event: 'file.sender-mismatch', code: problem.code, reason, details });
      return 'rejected';
    }
    if (problem?.code === 'SENDER_UNKNOWN') {
      const { reason, ...details } = problem;
      await setAside(tx, deps.actor, file, { state: FileState.QUARANTINED, event: 'file.quarantined', code: problem.code, reason, details });
      await recordQuarantineAlert(tx, file, reason);
      return 'quarantined';
    }

    const profile = await getProfileVersion(tx, file.partner, file.profileVersion ?? undefined);
    const misaddressed = profile && checkReceivers(profile.profile, reading.interchanges);
    if (misaddressed) {
      const { reason, ...details } = misaddressed;
      await setAside(tx, deps.actor, file, { state: FileState.REJECTED, event: 'file.receiver-mismatch', code: misaddressed.code, reason, details });
      return 'rejected';
    }
    const otherUsage = profile && checkUsage(profile.profile, reading.interchanges);
    if (otherUsage) {
      const { reason, then, ...details } = otherUsage;
      const state = then === 'quarantine' ? FileState.QUARANTINED : FileState.REJECTED;
      await setAside(tx, deps.actor, file, { state, event: 'file.usage-mismatch', code: otherUsage.code, reason, details });
      return then === 'quarantine' ? 'quarantined' : 'rejected';
    }

    const counts = { interchanges: 0, groups: 0, sets: 0 };
    for (const interchange of reading.interchanges) {
      const stored = await storeInterchange(tx, file, interchange, content);
      counts.interchanges += 1;
      counts.groups += stored.groups;
      counts.sets += stored.sets;
    }
    await setFileState(tx, fileId, { state: FileState.PARSED, standard });
    await appendEvent(tx, { entity: 'file', entityId: fileId, type: 'file.parsed', actor: deps.actor, details: { partner: file.partner, ...counts } });
    return 'parsed';
  });
}

async function storeInterchange(tx: PoolClient, file: ReceivedFile, interchange: EnvelopeInterchange, content: Buffer): Promise<{ groups: number; sets: number }> {
  const contentHash = createHash('sha256').update(content.subarray(interchange.range.start, interchange.range.end)).digest('hex');
  const interchangeId = await insertInterchange(tx, { fileId: file.id, partner: file.partner, ...interchange, contentHash });
  const groupIds = await insertFunctionalGroups(tx, interchangeId, interchange.groups);
  const sets = [
    ...interchange.sets.map((set) => ({ ...set, groupId: null })),
    ...interchange.groups.flatMap((group, index) => group.sets.map((set) => ({ ...set, groupId: groupIds[index] as string }))),
  ].map((set) => ({ ...set, state: SetState.PARSED }));
  await insertTransactionSets(tx, interchangeId, sets);
  return { groups: interchange.groups.length, sets: sets.length };
}

/** The file goes no further: the new state, the code and reason on the row, and the event that says why. */
async function setAside(
  tx: PoolClient,
  actor: string,
  file: ReceivedFile,
  outcome: { state: FileState; event: string; code: ErrorCode; reason: string; details?: Record<string, unknown> },
): Promise<void> {
  await setFileState(tx, file.id, { state: outcome.state, standard: file.standard, rejectionCode: outcome.code, rejectionReason: outcome.reason });
  await appendEvent(tx, {
    entity: 'file',
    entityId: file.id,
    type: outcome.event,
    actor,
    details: { code: outcome.code, reason: outcome.reason, summary: errorCatalogue[outcome.code].summary, ...outcome.details },
  });
}
