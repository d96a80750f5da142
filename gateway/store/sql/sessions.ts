import type { Role } from '../../users/roles.js';
import type { Queryable } from '../pool.js';

// Dashboard sessions (migration 0017), looked up by the SHA-256 of the id the cookie carries. Times come
// from the caller's clock, so that timeouts can be tested without waiting.

export interface NewSession {
  readonly idHash: Buffer;
  readonly username: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly address: string;
}

/** A live session with what the dashboard needs of its user. */
export interface LiveSession {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly timeZone: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
}

export async function insertSession(db: Queryable, session: NewSession): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at, expires_at, address) VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [session.idHash, session.username, session.csrfToken, session.createdAt, session.expiresAt, session.address],
  );
}

/**
 * The session, when it has not reached its absolute end, was used within `idleMs` and its user is not
 * disabled; its last use becomes `now`. Undefined otherwise.
 */
export async function touchSession(db: Queryable, idHash: Buffer, now: Date, idleMs: number): Promise<LiveSession | undefined> {
  const result = await db.query<LiveSession>(
    `UPDATE sessions s SET last_seen_at = $2
       FROM users u
      WHERE s.id_hash = $1 AND u.username = s.username AND NOT u.disabled
        AND s.expires_at > $2 AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3 / 1000.0)
      RETURNING s.username, u.display_name AS "displayName", u.role, u.time_zone AS "timeZone", s.csrf_token AS "csrfToken", s.created_at AS "createdAt"`,
    [idHash, now, idleMs],
  );
  return result.rows[0];
}

/** The user name of the deleted session, if there was one. */
export async function deleteSession(db: Queryable, idHash: Buffer): Promise<string | undefined> {
  const result = await db.query<{ username: string }>('DELETE FROM sessions WHERE id_hash = $1 RETURNING username', [idHash]);
  return result.rows[0]?.username;
}

export async function deleteUserSessions(db: Queryable, username: string): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE username = $1', [username]);
  return result.rowCount ?? 0;
}

/** Sessions past their absolute end, which no request can use any more. */
export async function deleteEndedSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
}
