import type { Queryable } from '../pool.js';

// The poll schedule of partners' own SFTP servers (migration 0007), kept in step with the current partner
// profiles that set up transports.sftpRemote.poll.

/** Advisory lock key held while the schedule is brought in step with the profiles. */
const SYNC_LOCK = 7_316_240_007;

export interface PollState {
  readonly partner: string;
  readonly intervalSeconds: number;
  readonly nextPollAt: Date;
  readonly failures: number;
  readonly lastPolledAt: Date | null;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
}

/**
 * Adds a row for each partner whose current profile polls, takes a changed interval into account at once,
 * and drops the rows of partners that no longer poll. A new partner is due at once. Run inside a transaction:
 * instances checking at the same moment take turns rather than deadlock on each other's rows.
 */
export async function syncPollSchedule(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK]);
  await db.query(
    `WITH configured AS (
       SELECT p.partner, (v.profile #>> '{transports,sftpRemote,poll,intervalSeconds}')::integer AS interval_seconds
         FROM partner_profiles p
         JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
        WHERE v.profile #> '{transports,sftpRemote,poll}' IS NOT NULL
     ), dropped AS (
       DELETE FROM sftp_remote_polls WHERE partner NOT IN (SELECT partner FROM configured)
     )
     INSERT INTO sftp_remote_polls AS s (partner, interval_seconds, next_poll_at)
     SELECT partner, interval_seconds, now() FROM configured
     ON CONFLICT (partner) DO UPDATE
        SET interval_seconds = EXCLUDED.interval_seconds,
            next_poll_at = LEAST(s.next_poll_at, now() + make_interval(secs => EXCLUDED.interval_seconds))
      WHERE s.interval_seconds <> EXCLUDED.interval_seconds`,
  );
}

/**
 * The partners due for a poll, each moved one interval ahead in the same statement: an instance that takes
 * them is the only one to, and a poll whose job is lost comes round again at its usual time.
 */
export async function claimDuePolls(db: Queryable): Promise<string[]> {
  const result = await db.query<{ partner: string }>(
    `UPDATE sftp_remote_polls SET next_poll_at = now() + make_interval(secs => interval_seconds)
      WHERE next_poll_at <= now()
      RETURNING partner`,
  );
  return result.rows.map((row) => row.partner).sort();
}

/**
 * A poll went through: the next one after a whole interval. Returns how many polls had failed before it (the
 * subquery sees the row as it was before this statement).
 */
export async function recordPollSucceeded(db: Queryable, partner: string, intervalSeconds: number): Promise<number> {
  const result = await db.query<{ failuresBefore: number | null }>(
    `INSERT INTO sftp_remote_polls AS s (partner, interval_seconds, next_poll_at, last_polled_at)
     VALUES ($1, $2::integer, now() + make_interval(secs => $2::integer), now())
     ON CONFLICT (partner) DO UPDATE
        SET interval_seconds = EXCLUDED.interval_seconds, next_poll_at = EXCLUDED.next_poll_at, last_polled_at = now(),
            failures = 0, last_error_code = NULL, last_error = NULL
     RETURNING (SELECT failures FROM sftp_remote_polls WHERE partner = $1) AS "failuresBefore"`,
    [partner, intervalSeconds],
  );
  return result.rows[0]?.failuresBefore ?? 0;
}

export interface PollFailure {
  readonly intervalSeconds: number;
  readonly code: string;
  readonly message: string;
  /** The wait after the first failure; it doubles with each further one. */
  readonly retryMs: number;
  /** The longest wait, unless the partner's own interval is longer. */
  readonly retryMaxMs: number;
}

/** The wait before the next poll after `failuresBefore` failures in a row and one more ($2 interval, $5 first wait, $6 longest). */
const backoff = (failuresBefore: string) =>
  `now() + make_interval(secs => LEAST(GREATEST($2::integer * 1000.0, $6::float8), $5::float8 * power(2, LEAST(${failuresBefore}, 30))) / 1000.0)`;

/** A poll failed: the next one after a wait that doubles with each failure in a row. */
export async function recordPollFailed(db: Queryable, partner: string, failure: PollFailure): Promise<PollState> {
  const result = await db.query(
    `INSERT INTO sftp_remote_polls AS s (partner, interval_seconds, next_poll_at, failures, last_polled_at, last_error_code, last_error)
     VALUES ($1, $2::integer, ${backoff('0')}, 1, now(), $3, $4)
     ON CONFLICT (partner) DO UPDATE
        SET interval_seconds = EXCLUDED.interval_seconds, next_poll_at = ${backoff('s.failures')}, failures = s.failures + 1,
            last_polled_at = now(), last_error_code = EXCLUDED.last_error_code, last_error = EXCLUDED.last_error
     RETURNING ${stateColumns}`,
    [partner, failure.intervalSeconds, failure.code, failure.message, failure.retryMs, failure.retryMaxMs],
  );
  return result.rows[0] as PollState;
}

export async function getPollState(db: Queryable, partner: string): Promise<PollState | undefined> {
  const result = await db.query(`SELECT ${stateColumns} FROM sftp_remote_polls WHERE partner = $1`, [partner]);
  return result.rows[0] as PollState | undefined;
}

/**
 * Whether an event of `type` about the partner already carries `key` in its details: a file left on the
 * partner's server (too large) is reported once, not on every poll.
 */
export async function wasReported(db: Queryable, partner: string, type: string, key: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM events WHERE entity = 'partner' AND entity_id = $1 AND type = $2 AND details->>'key' = $3 LIMIT 1`,
    [partner, type, key],
  );
  return (result.rowCount ?? 0) > 0;
}

const stateColumns = `partner, interval_seconds AS "intervalSeconds", next_poll_at AS "nextPollAt", failures,
  last_polled_at AS "lastPolledAt", last_error_code AS "lastErrorCode", last_error AS "lastError"`;
