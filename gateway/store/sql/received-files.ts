import type { FileState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

export interface NewReceivedFile {
  readonly partner: string;
  /** The transport it came through: 'local-dir', later 'sftp', 'as2'. */
  readonly source: string;
  readonly originalName: string;
  readonly intakeKey: string;
  readonly content: Buffer;
  readonly sha256: string;
  readonly receivedBy: string;
  readonly state: FileState;
}

/** A received file without its bytes: what lists and the API show. */
export interface ReceivedFile {
  readonly id: string;
  readonly partner: string;
  readonly source: string;
  readonly originalName: string;
  readonly size: number;
  readonly sha256: string;
  readonly receivedAt: Date;
  readonly receivedBy: string;
  readonly state: FileState;
  readonly stateChangedAt: Date;
  readonly standard: string | null;
  readonly rejectionCode: string | null;
  readonly rejectionReason: string | null;
  /** The file this one replays, when it is a replay (read again from that file's bytes). */
  readonly replayOf: string | null;
  /** The profile version every step reads it with; null: the partner's current one at each step. */
  readonly profileVersion: number | null;
  /** Whether its acknowledgments are sent to the partner: false for a replay unless the person asked. */
  readonly acknowledges: boolean;
}

/** The columns of a ReceivedFile, for the queries of other modules that return one (replays.ts). */
export const receivedFileColumns = `id::text, partner, source, original_name AS "originalName", size::float8 AS size, sha256,
  received_at AS "receivedAt", received_by AS "receivedBy", state, state_changed_at AS "stateChangedAt",
  standard, rejection_code AS "rejectionCode", rejection_reason AS "rejectionReason",
  replay_of::text AS "replayOf", profile_version AS "profileVersion", acknowledges`;

/** Inserts the file unless its intake key is already stored; returns the row only when it inserted. */
export async function insertReceivedFile(db: Queryable, file: NewReceivedFile): Promise<ReceivedFile | undefined> {
  const result = await db.query(
    `INSERT INTO received_files (partner, source, original_name, intake_key, size, sha256, content, received_by, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (intake_key) DO NOTHING
     RETURNING ${receivedFileColumns}`,
    [file.partner, file.source, file.originalName, file.intakeKey, file.content.length, file.sha256, file.content, file.receivedBy, file.state],
  );
  return result.rows[0] as ReceivedFile | undefined;
}

/** Locks the row for the rest of the transaction; `head` is the first bytes of the content. */
export async function lockReceivedFile(
  db: Queryable,
  id: string,
  headBytes: number,
): Promise<(ReceivedFile & { head: Buffer }) | undefined> {
  const result = await db.query(
    `SELECT ${receivedFileColumns}, substring(content FROM 1 FOR $2) AS head FROM received_files WHERE id = $1 FOR UPDATE`,
    [id, headBytes],
  );
  return result.rows[0] as (ReceivedFile & { head: Buffer }) | undefined;
}

/** The row without a lock, for reading only. */
export async function getReceivedFile(db: Queryable, id: string): Promise<ReceivedFile | undefined> {
  const result = await db.query(`SELECT ${receivedFileColumns} FROM received_files WHERE id = $1`, [id]);
  return result.rows[0] as ReceivedFile | undefined;
}

/** The file's stored bytes, whole. */
export async function readFileContent(db: Queryable, id: string): Promise<Buffer> {
  const result = await db.query<{ content: Buffer }>('SELECT content FROM received_files WHERE id = $1', [id]);
  return (result.rows[0] as { content: Buffer }).content;
}

export interface StateChange {
  readonly state: FileState;
  readonly standard?: string | null;
  readonly rejectionCode?: string | null;
  readonly rejectionReason?: string | null;
}

export async function setFileState(db: Queryable, id: string, change: StateChange): Promise<void> {
  await db.query(
    `UPDATE received_files
        SET state = $2, state_changed_at = now(), standard = $3, rejection_code = $4, rejection_reason = $5
      WHERE id = $1`,
    [id, change.state, change.standard ?? null, change.rejectionCode ?? null, change.rejectionReason ?? null],
  );
}

export interface FileListQuery {
  readonly partner?: string | undefined;
  readonly state?: FileState | undefined;
  /** Only files with a smaller id (the next page after the last one shown). */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

/** Newest first, filtered and paged in SQL. */
export async function listReceivedFiles(db: Queryable, query: FileListQuery): Promise<ReceivedFile[]> {
  const result = await db.query(
    `SELECT ${receivedFileColumns} FROM received_files
      WHERE ($1::text IS NULL OR partner = $1)
        AND ($2::text IS NULL OR state = $2)
        AND ($3::bigint IS NULL OR id < $3)
      ORDER BY received_files.id DESC
      LIMIT $4`,
    [query.partner ?? null, query.state ?? null, query.beforeId ?? null, query.limit],
  );
  return result.rows as ReceivedFile[];
}

/** Ids of files that have sat in `state` longer than `olderThanMs` (work whose job was lost). */
export async function findStuckFiles(db: Queryable, state: FileState, olderThanMs: number, limit: number): Promise<string[]> {
  const result = await db.query(
    `SELECT id::text FROM received_files
      WHERE state = $1 AND state_changed_at < now() - make_interval(secs => $2 / 1000.0)
      ORDER BY state_changed_at LIMIT $3`,
    [state, olderThanMs, limit],
  );
  return result.rows.map((row: { id: string }) => row.id);
}

export async function countFilesByState(db: Queryable): Promise<Map<string, number>> {
  const result = await db.query<{ state: string; count: number }>('SELECT state, count(*)::int AS count FROM received_files GROUP BY state');
  return new Map(result.rows.map((row) => [row.state, row.count]));
}

export async function findFileIdByIntakeKey(db: Queryable, intakeKey: string): Promise<string | undefined> {
  const result = await db.query<{ id: string }>('SELECT id::text FROM received_files WHERE intake_key = $1', [intakeKey]);
  return result.rows[0]?.id;
}
