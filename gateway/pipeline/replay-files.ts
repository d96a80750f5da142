import { GatewayError } from '../errors/gateway-error.js';
import type { Pool } from '../store/pool.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import type { ReceivedFile } from '../store/sql/received-files.js';
import { selectFilesToReplay } from '../store/sql/replays.js';
import { advanceFile } from './advance-file.js';
import { replayFile, replayReason, type ReplayRequest } from './replay-file.js';
import { runBulk, type BulkFailure, type BulkProgress } from './run-bulk.js';
import { FileState } from './states.js';

// Many files replayed at once, chosen by a filter: a partner's files in one state received in a window (the
// files a profile fix should be tried on). Each is replayed and advanced on its own, as replay-file.ts does
// one; the reason and the actor are every replay's.

/** The most files one bulk replay takes; a larger selection is narrowed by its window. */
export const BULK_REPLAY_MAX = 1000;

/** The states a file may be replayed from (ACKNOWLEDGED ones only while an exception holds them). */
export const replayableStates: readonly FileState[] = [FileState.PROCESSED, FileState.ACKNOWLEDGED, FileState.REJECTED, FileState.QUARANTINED];

export interface ReplayFilter {
  readonly partner: string;
  readonly state: FileState;
  readonly since: Date;
  readonly until: Date;
}

/** A file replayed, and its replay as the steps left it. */
export interface Replay {
  readonly original: string;
  readonly replay: ReceivedFile;
}

export interface BulkReplayed {
  /** The files the filter chose, oldest first. */
  readonly selected: readonly string[];
  readonly replays: readonly Replay[];
  readonly failures: readonly BulkFailure[];
}

/** The files the filter chooses; REQUEST_INVALID for a filter that cannot choose replayable files, or chooses too many. */
export async function selectReplays(pool: Pool, filter: ReplayFilter): Promise<string[]> {
  if (!replayableStates.includes(filter.state)) throw new GatewayError('REQUEST_INVALID', `Files in ${filter.state} cannot be replayed: the state must be one of ${replayableStates.join(', ')}.`);
  if (!(filter.since < filter.until)) throw new GatewayError('REQUEST_INVALID', `The window is empty: since (${filter.since.toISOString()}) must come before until (${filter.until.toISOString()}).`);
  const selected = await selectFilesToReplay(pool, { ...filter, limit: BULK_REPLAY_MAX + 1 });
  if (selected.length > BULK_REPLAY_MAX) throw new GatewayError('REQUEST_INVALID', `The filter chooses more than ${BULK_REPLAY_MAX} files; narrow the window (since, until).`);
  return selected;
}

export async function replayFiles(
  deps: { readonly pool: Pool; readonly instance: string },
  filter: ReplayFilter,
  request: Omit<ReplayRequest, 'profileVersion'> & { readonly profileVersion?: number | undefined },
  progress?: (progress: BulkProgress<Replay>) => void,
): Promise<BulkReplayed> {
  const reason = replayReason(request.reason);
  // Asked once, not answered file by file with the same failure.
  if (request.profileVersion !== undefined && !(await getProfileVersion(deps.pool, filter.partner, request.profileVersion))) {
    throw new GatewayError('PARTNER_NOT_FOUND', `Partner "${filter.partner}" has no profile version ${request.profileVersion}.`);
  }
  const selected = await selectReplays(deps.pool, filter);
  const outcome = await runBulk(
    selected,
    async (id) => {
      const { replay } = await replayFile(deps.pool, id, { ...request, reason });
      return { original: id, replay: await advanceFile({ pool: deps.pool, actor: deps.instance }, replay.id) };
    },
    progress,
  );
  return { selected, replays: outcome.done, failures: outcome.failures };
}
