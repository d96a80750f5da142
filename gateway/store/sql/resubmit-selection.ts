import type { OutboundState } from '../../pipeline/states.js';
import type { Queryable } from '../pool.js';

export interface ResubmitSelection {
  readonly partner: string;
  readonly state: OutboundState;
  /** Sent at or after. */
  readonly since: Date;
  /** Sent before. */
  readonly until: Date;
  readonly limit: number;
}

/** The partner's outbound documents in the state, stored in the window, oldest first: what a bulk resubmit sends again. */
export async function selectDocumentsToResubmit(db: Queryable, selection: ResubmitSelection): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `SELECT id::text FROM outbound_documents
      WHERE partner = $1 AND state = $2 AND created_at >= $3 AND created_at < $4
      ORDER BY outbound_documents.id LIMIT $5`,
    [selection.partner, selection.state, selection.since, selection.until, selection.limit],
  );
  return result.rows.map((row) => row.id);
}
