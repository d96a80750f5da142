import type { Queryable } from '../pool.js';

// Failed dashboard sign-ins (migration 0017): counted per user name and per address within a window.

export async function recordSignInFailure(db: Queryable, failure: { readonly username: string; readonly address: string; readonly at: Date }): Promise<void> {
  await db.query('INSERT INTO sign_in_failures (username, address, at) VALUES ($1, $2, $3)', [failure.username, failure.address, failure.at]);
}

/** Failures since `since`, of the user name and from the address, each counted on its own. */
export async function countSignInFailures(db: Queryable, key: { readonly username: string; readonly address: string }, since: Date): Promise<{ byUsername: number; byAddress: number }> {
  const result = await db.query<{ byUsername: number; byAddress: number }>(
    `SELECT (SELECT count(*)::int FROM sign_in_failures WHERE username = $1 AND at > $3) AS "byUsername",
            (SELECT count(*)::int FROM sign_in_failures WHERE address = $2 AND at > $3) AS "byAddress"`,
    [key.username, key.address, since],
  );
  return result.rows[0] as { byUsername: number; byAddress: number };
}

/** A good password clears the user name's failures (not the address's: one known password must not unlock guessing others). */
export async function clearSignInFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE username = $1', [username]);
}

/** Failures that left the window count for nothing. */
export async function deleteOldSignInFailures(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE at <= $1', [before]);
}
