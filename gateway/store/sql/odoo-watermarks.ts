import type { Queryable } from '../pool.js';

// How far the Odoo poller has read (migration 0020), and the records it skipped with the reason.

export interface OdooWatermark {
  /** Odoo's write_date of the last records read, as Odoo wrote it: "2026-03-01 12:00:05". */
  readonly writeDate: string;
  /** The records read at exactly that write_date. */
  readonly idsAtMark: readonly number[];
}

export async function getOdooWatermark(db: Queryable, connection: string, model: string): Promise<OdooWatermark | undefined> {
  const result = await db.query<OdooWatermark>(
    'SELECT write_date AS "writeDate", ids_at_mark AS "idsAtMark" FROM odoo_watermarks WHERE connection = $1 AND model = $2',
    [connection, model],
  );
  return result.rows[0];
}

export async function setOdooWatermark(db: Queryable, connection: string, model: string, mark: OdooWatermark): Promise<void> {
  await db.query(
    `INSERT INTO odoo_watermarks (connection, model, write_date, ids_at_mark) VALUES ($1, $2, $3, $4)
     ON CONFLICT (connection, model) DO UPDATE SET write_date = EXCLUDED.write_date, ids_at_mark = EXCLUDED.ids_at_mark, updated_at = now()`,
    [connection, model, mark.writeDate, [...mark.idsAtMark]],
  );
}

export interface SkippedRecord {
  readonly connection: string;
  readonly model: string;
  readonly recordId: number;
  /** The business document it was not sent as: shipNotice. */
  readonly document: string;
  readonly reason: string;
}

/** Records the skip; true when this call recorded it, false when it was recorded before. */
export async function recordSkippedRecord(db: Queryable, skipped: SkippedRecord): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO odoo_skipped_records (connection, model, record_id, document, reason) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [skipped.connection, skipped.model, skipped.recordId, skipped.document, skipped.reason],
  );
  return result.rowCount === 1;
}

export async function listSkippedRecords(db: Queryable, connection: string): Promise<SkippedRecord[]> {
  const result = await db.query<SkippedRecord>(
    `SELECT connection, model, record_id AS "recordId", document, reason FROM odoo_skipped_records WHERE connection = $1 ORDER BY model, record_id, document`,
    [connection],
  );
  return result.rows;
}

/** Which of the intake keys the partner's outbound documents (migration 0015) already carry: what the poller sent. */
export async function sentIntakeKeys(db: Queryable, partner: string, keys: readonly string[]): Promise<Set<string>> {
  const result = await db.query<{ key: string }>('SELECT intake_key AS key FROM outbound_documents WHERE partner = $1 AND intake_key = ANY($2)', [partner, [...keys]]);
  return new Set(result.rows.map((row) => row.key));
}
