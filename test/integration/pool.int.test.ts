import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { createPool, type Pool } from '../../gateway/store/pool.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

let admin: Pool;
let url: string;
beforeAll(async () => ({ pool: admin, url } = await createTestDatabase({ migrated: false })));
afterAll(async () => admin.end());

describe('database pool', () => {
  it('survives the server dropping its connections, logs it, and reconnects for the next query', async () => {
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const pool = createPool({ url, max: 3, applicationName: 'dropped-connections', log });
    try {
      // Two connections: one idle in the pool, one checked out.
      await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);
      const held = await pool.connect();

      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dropped-connections'");

      await waitFor('the dropped connections to be logged', () => warnings.length >= 2);
      expect(warnings).toContain('database connection lost while idle');
      expect(warnings).toContain('database connection failed');
      await expect(held.query('SELECT 1')).rejects.toThrow();
      held.release(true);
      expect((await pool.query('SELECT 41 + 1 AS answer')).rows[0].answer).toBe(42);
    } finally {
      await pool.end();
    }
  });
});
