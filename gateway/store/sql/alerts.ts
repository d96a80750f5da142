import { alertFromJson, alertToJson, type Alert, type AlertState } from '../../alerts/alert.js';
import type { Queryable } from '../pool.js';

// The alerts support was sent (migration 0012): one row per occurrence, by its key, with how its sending went.

export interface StoredAlert {
  readonly id: string;
  readonly key: string;
  readonly alert: Alert;
  readonly state: AlertState;
  /** The channels (notifiers) that took it. */
  readonly deliveredTo: readonly string[];
  readonly attempts: number;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

const columns = `id::text, key, alert, state, delivered_to AS "deliveredTo", attempts, last_error_code AS "lastErrorCode",
  last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt", sent_at AS "sentAt"`;

type AlertRow = Omit<StoredAlert, 'alert'> & { readonly alert: Record<string, unknown> };

const stored = (row: AlertRow): StoredAlert => ({ ...row, alert: alertFromJson(row.alert) });

/**
 * Records the alert PENDING, first tried after `holdMs` (0: at once, by whoever claims due alerts). Returns the
 * row only when it inserted: an alert whose key is recorded already is left as it is.
 */
export async function insertAlert(db: Queryable, alert: Alert, holdMs: number): Promise<StoredAlert | undefined> {
  const result = await db.query<AlertRow>(
    `INSERT INTO alerts (key, kind, partner, file_id, document_id, occurred_at, alert, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8 / 1000.0))
     ON CONFLICT (key) DO NOTHING
     RETURNING ${columns}`,
    [alert.key, alert.kind, alert.partner?.id ?? null, alert.fileId ?? null, alert.documentId ?? null, alert.occurredAt, JSON.stringify(alertToJson(alert)), holdMs],
  );
  const row = result.rows[0];
  return row && stored(row);
}

/**
 * Up to `limit` PENDING alerts that are due, oldest first, each held for `holdMs` in the same statement: the
 * instance that claims one is the only one sending it, and it comes round again if that instance dies.
 */
export async function claimDueAlerts(db: Queryable, options: { limit: number; holdMs: number }): Promise<StoredAlert[]> {
  const result = await db.query<AlertRow>(
    `UPDATE alerts SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
      WHERE id IN (SELECT id FROM alerts WHERE state = 'PENDING' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING ${columns}`,
    [options.limit, options.holdMs],
  );
  return result.rows.map(stored).sort((a, b) => Number(a.id) - Number(b.id));
}

/** The channel took the alert: it is not told again. */
export async function recordDelivered(db: Queryable, id: string, channel: string): Promise<void> {
  await db.query('UPDATE alerts SET delivered_to = array_append(delivered_to, $2) WHERE id = $1 AND NOT ($2 = ANY (delivered_to))', [id, channel]);
}

/** Every channel took the alert. Undefined when it was no longer PENDING (settled by another attempt). */
export async function recordAttemptSent(db: Queryable, id: string): Promise<AlertState | undefined> {
  const result = await db.query<{ state: AlertState }>(
    `UPDATE alerts SET state = 'SENT', attempts = attempts + 1, sent_at = now() WHERE id = $1 AND state = 'PENDING' RETURNING state`,
    [id],
  );
  return result.rows[0]?.state;
}

export interface AttemptFailure {
  readonly code: string;
  readonly message: string;
  /** Attempts allowed in all: the last one failing makes the alert FAILED. */
  readonly attempts: number;
  /** The wait after the first failure; it doubles with each further one. */
  readonly retryMs: number;
  readonly retryMaxMs: number;
}

/**
 * A channel did not take the alert: PENDING again after a wait that doubles with each failure, or FAILED
 * when no attempt is left. Undefined when it was no longer PENDING (settled by another attempt).
 */
export async function recordAttemptFailed(db: Queryable, id: string, failure: AttemptFailure): Promise<AlertState | undefined> {
  // On the right of SET, attempts is its value before this statement.
  const result = await db.query<{ state: AlertState }>(
    `UPDATE alerts
        SET attempts = attempts + 1, last_error_code = $2, last_error = $3,
            state = CASE WHEN attempts + 1 >= $4 THEN 'FAILED' ELSE 'PENDING' END,
            next_attempt_at = now() + make_interval(secs => LEAST($6::float8, $5::float8 * power(2, LEAST(attempts, 30))) / 1000.0)
      WHERE id = $1 AND state = 'PENDING'
      RETURNING state`,
    [id, failure.code, failure.message, failure.attempts, failure.retryMs, failure.retryMaxMs],
  );
  return result.rows[0]?.state;
}

export async function getAlertByKey(db: Queryable, key: string): Promise<StoredAlert | undefined> {
  const result = await db.query<AlertRow>(`SELECT ${columns} FROM alerts WHERE key = $1`, [key]);
  const row = result.rows[0];
  return row && stored(row);
}
