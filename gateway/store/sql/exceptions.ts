import type { ErrorCode } from '../../errors/catalogue.js';
import type { ExceptionAction, NewException, StoredException } from '../../exceptions/exception.js';
import type { Queryable } from '../pool.js';

// The exceptions support acts on (migration 0013).

const columns = `id::text, key, code, message, partner, reference, file_id::text AS "fileId", set_id::text AS "setId",
  document_id AS "documentId", location, actions, state, resolution, resolved_by AS "resolvedBy", resolved_at AS "resolvedAt", created_at AS "createdAt"`;

type ExceptionRow = Omit<StoredException, 'code' | 'actions'> & { readonly code: string; readonly actions: string[] };

const stored = (row: ExceptionRow): StoredException => ({ ...row, code: row.code as ErrorCode, actions: row.actions as ExceptionAction[] });

/**
 * Opens the exception in the caller's transaction. Returns it with `opened` true when this call made it;
 * one whose key is there already is returned as it stands, whatever its state.
 */
export async function openException(db: Queryable, exception: NewException): Promise<{ readonly exception: StoredException; readonly opened: boolean }> {
  const inserted = await db.query<ExceptionRow>(
    `INSERT INTO exceptions (key, code, message, partner, reference, file_id, set_id, document_id, location, actions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (key) DO NOTHING
     RETURNING ${columns}`,
    [
      exception.key,
      exception.code,
      exception.message,
      exception.partner ?? null,
      exception.reference ?? null,
      exception.fileId ?? null,
      exception.setId ?? null,
      exception.documentId ?? null,
      exception.location ? JSON.stringify(exception.location) : null,
      exception.actions,
    ],
  );
  const row = inserted.rows[0];
  if (row) return { exception: stored(row), opened: true };
  const existing = await db.query<ExceptionRow>(`SELECT ${columns} FROM exceptions WHERE key = $1`, [exception.key]);
  return { exception: stored(existing.rows[0] as ExceptionRow), opened: false };
}

export async function getException(db: Queryable, id: string): Promise<StoredException | undefined> {
  const result = await db.query<ExceptionRow>(`SELECT ${columns} FROM exceptions WHERE id = $1`, [id]);
  const row = result.rows[0];
  return row ? stored(row) : undefined;
}

export interface ExceptionFilter {
  readonly state?: StoredException['state'];
  readonly partner?: string;
  readonly code?: string;
  readonly fileId?: string;
  /** Newest first, this many at most. */
  readonly limit: number;
  /** Those older than this id (the last of the previous page). */
  readonly before?: string;
}

export async function listExceptions(db: Queryable, filter: ExceptionFilter): Promise<StoredException[]> {
  const result = await db.query<ExceptionRow>(
    `SELECT ${columns} FROM exceptions
      WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR partner = $2) AND ($3::text IS NULL OR code = $3)
        AND ($4::bigint IS NULL OR file_id = $4) AND ($5::bigint IS NULL OR id < $5)
      ORDER BY exceptions.id DESC LIMIT $6`,
    [filter.state ?? null, filter.partner ?? null, filter.code ?? null, filter.fileId ?? null, filter.before ?? null, filter.limit],
  );
  return result.rows.map(stored);
}

/** Resolves an OPEN exception; undefined when it is not there or not open (someone resolved it first). */
export async function resolveException(db: Queryable, id: string, resolution: { readonly by: string; readonly how: string }): Promise<StoredException | undefined> {
  const result = await db.query<ExceptionRow>(
    `UPDATE exceptions SET state = 'RESOLVED', resolution = $2, resolved_by = $3, resolved_at = now()
      WHERE id = $1 AND state = 'OPEN' RETURNING ${columns}`,
    [id, resolution.how, resolution.by],
  );
  const row = result.rows[0];
  return row ? stored(row) : undefined;
}

/** How many exceptions have a key starting with `prefix` ('translate:set:42:'), open or resolved. */
export async function countExceptionsByKeyPrefix(db: Queryable, prefix: string): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM exceptions WHERE left(key, length($1)) = $1', [prefix]);
  return (result.rows[0] as { count: number }).count;
}
