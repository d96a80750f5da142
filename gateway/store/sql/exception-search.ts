import type { ErrorCode } from '../../errors/catalogue.js';
import type { ExceptionAction, ExceptionState, StoredException } from '../../exceptions/exception.js';
import type { Queryable } from '../pool.js';

// Exceptions as the dashboard searches them: every filter and the page in SQL, each on an index (state,
// partner, code, reference, with id for the order).

export interface ExceptionSearch {
  readonly state?: ExceptionState | undefined;
  readonly partner?: string | undefined;
  readonly code?: string | undefined;
  /** The business reference exactly: a purchase order, shipment or invoice number. */
  readonly reference?: string | undefined;
  /** First and last day opened (YYYY-MM-DD), as days of `timeZone`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly timeZone: string;
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

const columns = `id::text, key, code, message, partner, reference, file_id::text AS "fileId", set_id::text AS "setId",
  document_id AS "documentId", location, actions, state, resolution, resolved_by AS "resolvedBy", resolved_at AS "resolvedAt", created_at AS "createdAt"`;

/** Newest first. */
export async function searchExceptions(db: Queryable, search: ExceptionSearch): Promise<StoredException[]> {
  const result = await db.query<Omit<StoredException, 'code' | 'actions'> & { code: string; actions: string[] }>(
    `SELECT ${columns} FROM exceptions
      WHERE ($1::text IS NULL OR state = $1)
        AND ($2::text IS NULL OR partner = $2)
        AND ($3::text IS NULL OR code = $3)
        AND ($4::text IS NULL OR reference = $4)
        AND ($5::date IS NULL OR created_at >= ($5::date::timestamp AT TIME ZONE $6))
        AND ($7::date IS NULL OR created_at < (($7::date + 1)::timestamp AT TIME ZONE $6))
        AND ($8::bigint IS NULL OR id < $8)
      ORDER BY exceptions.id DESC
      LIMIT $9`,
    [
      search.state ?? null,
      search.partner ?? null,
      search.code ?? null,
      search.reference ?? null,
      search.from ?? null,
      search.timeZone,
      search.to ?? null,
      search.beforeId ?? null,
      search.limit,
    ],
  );
  return result.rows.map((row) => ({ ...row, code: row.code as ErrorCode, actions: row.actions as ExceptionAction[] }));
}
