import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { lockReceivedFile, type ReceivedFile } from '../store/sql/received-files.js';
import { countOpenExceptionsOfFile, insertReplay } from '../store/sql/replays.js';
import { FileState } from './states.js';

// A person reads a received file again from its stored bytes: a new received file, linked to the original,
// RECEIVED, that the normal steps take through identification, parsing, acknowledgment and translation. It
// may be pinned to a version of the partner's profile (an older one, to see what it made then, or the one
// that fixes what failed); without one each step takes the current version, as for any file.
//
// The partner had its 997/999/TA1/CONTRL for the original, so a replay sends none unless asked
// (`acknowledge`): a second answer to one interchange would confuse the partner's reconciliation, and the
// replay is our own doing, not a new delivery. The replay is not held as a duplicate of its original (see
// hold-duplicate.ts): it is deliberate.

export interface ReplayRequest {
  /** Who replays it: a person's name, recorded on both files' events. */
  readonly actor: string;
  /** Why, for whoever reads either file's history. */
  readonly reason: string;
  /** The profile version to read it with; the partner's current one at each step when left out. */
  readonly profileVersion?: number | undefined;
  /** Send the partner the acknowledgments the replay makes. */
  readonly acknowledge?: boolean | undefined;
  /** The person an API caller acts for, when it names one: kept beside the caller, who stays the actor. */
  readonly onBehalfOf?: string | undefined;
}

export interface Replayed {
  readonly original: ReceivedFile;
  /** The new file, RECEIVED. */
  readonly replay: ReceivedFile;
  /** The version it is read with: the one asked for, or the current one now. */
  readonly profileVersion: number;
}

const FILE_ID = /^[1-9][0-9]{0,18}$/;

/** The reason trimmed; REQUEST_INVALID when there is none. */
export function replayReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) throw new GatewayError('REQUEST_INVALID', 'A replay needs a reason (--reason, or "reason" in the body): say why the file is read again, for whoever reads its history.');
  return trimmed;
}

/** Stores the replay and both files' events in one transaction; the caller runs its steps (advance-file.ts) or leaves them to the gateway. */
export async function replayFile(pool: Pool, fileId: string, request: ReplayRequest): Promise<Replayed> {
  const reason = replayReason(request.reason);
  if (!FILE_ID.test(fileId)) throw new GatewayError('FILE_NOT_FOUND', `There is no received file ${JSON.stringify(fileId)}: file ids are whole numbers.`);
  return withTransaction(pool, async (tx) => {
    const original = await lockReceivedFile(tx, fileId, 0);
    if (!original) throw new GatewayError('FILE_NOT_FOUND', `There is no received file ${fileId}.`);
    await refuseUnfinished(tx, original);
    const profile = await getProfileVersion(tx, original.partner, request.profileVersion);
    if (!profile) throw await unknownVersion(tx, original.partner, request.profileVersion);
    const acknowledge = request.acknowledge ?? false;
    const replay = await insertReplay(tx, { originalId: original.id, actor: request.actor, profileVersion: request.profileVersion, acknowledges: acknowledge }, FileState.RECEIVED);
    const terms = { reason, profileVersion: profile.version, pinned: request.profileVersion !== undefined, acknowledge, ...(request.onBehalfOf ? { onBehalfOf: request.onBehalfOf } : {}) };
    await appendEvent(tx, { entity: 'file', entityId: original.id, type: 'file.replayed', actor: request.actor, details: { replay: replay.id, ...terms } });
    await appendEvent(tx, {
      entity: 'file',
      entityId: replay.id,
      type: 'file.received',
      actor: request.actor,
      details: { partner: replay.partner, source: replay.source, name: replay.originalName, size: replay.size, sha256: replay.sha256, replayOf: original.id, ...terms },
    });
    return { original, replay, profileVersion: profile.version };
  });
}

/** Final: PROCESSED, REJECTED, QUARANTINED, or ACKNOWLEDGED and held by an open exception (its end until support acts). */
async function refuseUnfinished(tx: PoolClient, file: ReceivedFile): Promise<void> {
  if (file.state === FileState.PROCESSED || file.state === FileState.REJECTED || file.state === FileState.QUARANTINED) return;
  if (file.state === FileState.ACKNOWLEDGED && (await countOpenExceptionsOfFile(tx, file.id)) > 0) return;
  throw new GatewayError(
    'FILE_NOT_REPLAYABLE',
    `File ${file.id} (${file.originalName}, partner ${file.partner}) is ${file.state} with no exception open about it: it is still on its way through the pipeline. Replay it once it is PROCESSED, REJECTED or QUARANTINED, or held by an exception.`,
  );
}

async function unknownVersion(tx: PoolClient, partner: string, version: number | undefined): Promise<GatewayError> {
  const current = await getProfileVersion(tx, partner);
  if (!current) return new GatewayError('PARTNER_NOT_FOUND', `The file's partner "${partner}" has no profile to read it with.`);
  return new GatewayError('PARTNER_NOT_FOUND', `Partner "${partner}" has no profile version ${String(version)}: its versions go from 1 to ${current.version}.`);
}
