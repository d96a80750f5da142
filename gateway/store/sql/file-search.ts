import type { AcknowledgmentState, FileState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';
import type { ReceivedFile } from './received-files.js';

// Received files as the dashboard searches them: every filter and the page in SQL, each on an index
// (partner, state, received_at, lower(original_name), and acknowledgments_out's file_id).

export interface FileSearch {
  readonly partner?: string | undefined;
  readonly state?: FileState | undefined;
  /** First and last day received (YYYY-MM-DD), as days of `timeZone`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
  /** The name starts with this, in any case. */
  readonly namePrefix?: string | undefined;
  /** Files with an acknowledgment of ours in this state. */
  readonly acknowledgment?: AcknowledgmentState | undefined;
  /** Files waiting in one of these states since before this moment: stuck there. */
  readonly stuck?: { readonly states: readonly string[]; readonly before: Date } | undefined;
  /** Files older than this id: the next page after the last one shown. */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

const columns = `f.id::text, f.partner, f.source, f.original_name AS "originalName", f.size::float8 AS size, f.sha256,
  f.received_at AS "receivedAt", f.received_by AS "receivedBy", f.state, f.state_changed_at AS "stateChangedAt",
  f.standard, f.rejection_code AS "rejectionCode", f.rejection_reason AS "rejectionReason"`;

/** Newest first. */
export async function searchReceivedFiles(db: Queryable, search: FileSearch): Promise<ReceivedFile[]> {
  const result = await db.query<ReceivedFile>(
    `SELECT ${columns} FROM received_files f
      WHERE ($1::text IS NULL OR f.partner = $1)
        AND ($2::text IS NULL OR f.state = $2)
        AND ($3::date IS NULL OR f.received_at >= ($3::date::timestamp AT TIME ZONE $4))
        AND ($5::date IS NULL OR f.received_at < (($5::date + 1)::timestamp AT TIME ZONE $4))
        AND ($6::text IS NULL OR lower(f.original_name) LIKE $6)
        AND ($7::text IS NULL OR EXISTS (SELECT 1 FROM acknowledgments_out a WHERE a.file_id = f.id AND a.state = $7))
        AND ($8::text[] IS NULL OR (f.state = ANY($8) AND f.state_changed_at < $9))
        AND ($10::bigint IS NULL OR f.id < $10)
      ORDER BY f.id DESC
      LIMIT $11`,
    [
      search.partner ?? null,
      search.state ?? null,
      search.from ?? null,
      search.timeZone,
      search.to ?? null,
      search.namePrefix === undefined ? null : `${likeEscaped(search.namePrefix.toLowerCase())}%`,
      search.acknowledgment ?? null,
      search.stuck?.states ?? null,
      search.stuck?.before ?? null,
      search.beforeId ?? null,
      search.limit,
    ],
  );
  return result.rows;
}

/** The text matched as it is: % and _ typed into a search are not wildcards. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
