import type { Queryable } from '../pool.js';

// Bulk actions on exceptions (migration 0024): what was asked, and how far it got.

export interface BulkFailure {
  readonly exception: string;
  readonly code: string;
  readonly message: string;
}

export interface BulkAction {
  readonly id: string;
  readonly action: string;
  readonly reason: string | null;
  readonly actor: string;
  readonly items: readonly string[];
  readonly done: number;
  readonly failures: readonly BulkFailure[];
  readonly state: 'RUNNING' | 'FINISHED';
  readonly createdAt: Date;
  readonly heartbeatAt: Date;
  readonly finishedAt: Date | null;
}

const columns = `id::text, action, reason, actor, items::text[] AS items, done, failures, state, created_at AS "createdAt", heartbeat_at AS "heartbeatAt", finished_at AS "finishedAt"`;

export async function insertBulkAction(db: Queryable, bulk: { action: string; reason: string | undefined; actor: string; items: readonly string[] }): Promise<BulkAction> {
  const result = await db.query<BulkAction>(`INSERT INTO bulk_actions (action, reason, actor, items) VALUES ($1, $2, $3, $4::bigint[]) RETURNING ${columns}`, [
    bulk.action,
    bulk.reason ?? null,
    bulk.actor,
    bulk.items,
  ]);
  return result.rows[0] as BulkAction;
}

export async function getBulkAction(db: Queryable, id: string): Promise<BulkAction | undefined> {
  const result = await db.query<BulkAction>(`SELECT ${columns} FROM bulk_actions WHERE id = $1`, [id]);
  return result.rows[0];
}

/** One more item taken, with its failure if it had one. */
export async function recordBulkItem(db: Queryable, id: string, failure: BulkFailure | undefined): Promise<void> {
  await db.query(`UPDATE bulk_actions SET done = done + 1, failures = failures || $2::jsonb, heartbeat_at = now() WHERE id = $1`, [id, JSON.stringify(failure ? [failure] : [])]);
}

export async function finishBulkAction(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE bulk_actions SET state = 'FINISHED', finished_at = now(), heartbeat_at = now() WHERE id = $1`, [id]);
}
