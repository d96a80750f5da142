import { randomUUID } from 'node:crypto';
import type { FileState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';
import { receivedFileColumns, type ReceivedFile } from './received-files.js';

// Replays of received files: the new row made from an original's stored bytes, the files a bulk replay
// selects, and what tells a replay's own original from any other file that came in before.

export interface NewReplay {
  readonly originalId: string;
  /** Who asks for it: stored as the one who received it. */
  readonly actor: string;
  readonly profileVersion: number | undefined;
  readonly acknowledges: boolean;
}

/** A new RECEIVED file with the original's partner, name and bytes, linked to it. */
export async function insertReplay(db: Queryable, replay: NewReplay, state: FileState): Promise<ReceivedFile> {
  const result = await db.query(
    `INSERT INTO received_files (partner, source, original_name, intake_key, size, sha256, content, received_by, state, replay_of, profile_version, acknowledges)
     SELECT partner, 'replay', original_name, $2, size, sha256, content, $3, $4, id, $5, $6 FROM received_files WHERE id = $1
     RETURNING ${receivedFileColumns}`,
    [replay.originalId, `replay:${replay.originalId}:${randomUUID()}`, replay.actor, state, replay.profileVersion ?? null, replay.acknowledges],
  );
  const row = result.rows[0] as ReceivedFile | undefined;
  if (!row) throw new Error(`File ${replay.originalId} was not there to replay.`);
  return row;
}

/** Whether two files are one receipt: the same first file, reached through what each replays. */
export async function sameReceipt(db: Queryable, fileId: string, otherId: string): Promise<boolean> {
  const result = await db.query<{ same: boolean }>(
    `WITH RECURSIVE chain (start, id, replay_of) AS (
       SELECT f.id, f.id, f.replay_of FROM received_files f WHERE f.id IN ($1, $2)
       UNION ALL
       SELECT c.start, f.id, f.replay_of FROM chain c JOIN received_files f ON f.id = c.replay_of
     )
     SELECT count(DISTINCT id) FILTER (WHERE replay_of IS NULL) = 1 AND count(DISTINCT start) = 2 AS same FROM chain`,
    [fileId, otherId],
  );
  return result.rows[0]?.same ?? false;
}

export async function countOpenExceptionsOfFile(db: Queryable, fileId: string): Promise<number> {
  const result = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM exceptions WHERE file_id = $1 AND state = 'OPEN'`, [fileId]);
  return result.rows[0]?.count ?? 0;
}

export interface ReplaySelection {
  readonly partner: string;
  readonly state: FileState;
  /** Received at or after. */
  readonly since: Date;
  /** Received before. */
  readonly until: Date;
  readonly limit: number;
}

/** The partner's files in the state, received in the window, oldest first. */
export async function selectFilesToReplay(db: Queryable, selection: ReplaySelection): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM received_files
      WHERE partner = $1 AND state = $2 AND received_at >= $3 AND received_at < $4
      ORDER BY received_files.id LIMIT $5`,
    [selection.partner, selection.state, selection.since, selection.until, selection.limit],
  );
  return result.rows.map((row) => row.id);
}
