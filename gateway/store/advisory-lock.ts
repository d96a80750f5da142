import type { Pool } from './pool.js';

/**
 * Runs `work` while holding PostgreSQL's advisory lock named `key`, so that one caller at a time does it in
 * every gateway sharing the database. The lock belongs to one connection, held for the whole of `work`: a
 * process that dies while holding it loses the connection, and with it the lock.
 */
export async function withAdvisoryLock<T>(pool: Pool, key: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let healthy = true;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    try {
      return await work();
    } finally {
      // A connection that cannot say it is done may still hold the lock: it is closed, not pooled, which frees it.
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => {
        healthy = false;
      });
    }
  } finally {
    client.release(!healthy);
  }
}
