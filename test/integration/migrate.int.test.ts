import fs from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { GatewayError } from '../../gateway/errors/gateway-error.js';
import { migrate } from '../../gateway/store/migrate.js';
import { createPool, type Pool } from '../../gateway/store/pool.js';
import { appendEvent } from '../../gateway/store/sql/events.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

const pools: Pool[] = [];
afterAll(async () => Promise.all(pools.map((pool) => pool.end())));

async function freshDatabase() {
  const database = await createTestDatabase({ migrated: false });
  pools.push(database.pool);
  return database;
}

/** Every migration file, in the order they apply. */
const MIGRATIONS = fs
  .readdirSync('gateway/store/migrations')
  .filter((name) => name.endsWith('.sql'))
  .map((name) => name.slice(0, -'.sql'.length))
  .sort();

describe('migrate', () => {
  it('applies every migration once when instances start together, and nothing on a re-run', async () => {
    const { url, pool } = await freshDatabase();
    const others = Array.from({ length: 3 }, () => createPool({ url, max: 3, applicationName: 'other', log: silentLog }));
    pools.push(...others);

    const results = await Promise.all([pool, ...others].map((each) => migrate(each, silentLog)));

    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual(MIGRATIONS);
    const rows = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((row) => row.version)).toEqual(MIGRATIONS);
    const scheduler = await pool.query("SELECT to_regclass('agenda_jobs') AS table");
    expect(scheduler.rows[0].table).toBe('agenda_jobs');

    const again = await migrate(pool, silentLog);
    expect(again).toEqual({ applied: [], alreadyApplied: MIGRATIONS.length });
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const { pool } = await freshDatabase();
    await migrate(pool, silentLog);
    await pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0002_events'");
    await expect(migrate(pool, silentLog)).rejects.toThrow(GatewayError);
    await expect(migrate(pool, silentLog)).rejects.toThrow('Migration 0002_events.sql was changed after it was applied');
  });

  it('keeps events append-only', async () => {
    const { pool } = await freshDatabase();
    await migrate(pool, silentLog);
    await appendEvent(pool, { entity: 'file', entityId: '1', type: 'file.received', actor: 'test' });
    await expect(pool.query("UPDATE events SET type = 'x'")).rejects.toThrow('events are append-only: UPDATE is not allowed');
    await expect(pool.query('DELETE FROM events')).rejects.toThrow('events are append-only: DELETE is not allowed');
    await expect(pool.query('TRUNCATE events')).rejects.toThrow('events are append-only: TRUNCATE is not allowed');
    expect((await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(1);
  });

  it('gives the events of received documents their own entity, leaving those of documents sent, and events append-only', async () => {
    const { pool } = await freshDatabase();
    await migrate(pool, silentLog);
    // As written before 0023: both kinds of document under 'document', each by its own table's id.
    for (const type of ['document.translated', 'document.synced', 'document.stored', 'document.delivered']) await appendEvent(pool, { entity: 'document', entityId: '7', type, actor: 'test' });
    await pool.query(fs.readFileSync('gateway/store/migrations/0023_inbound_document_events.sql', 'utf8'));
    const rows = await pool.query<{ entity: string; type: string }>('SELECT entity, type FROM events ORDER BY id');
    expect(rows.rows.map((row) => `${row.entity} ${row.type}`)).toEqual([
      'inbound-document document.translated',
      'inbound-document document.synced',
      'document document.stored',
      'document document.delivered',
    ]);
    await expect(pool.query("UPDATE events SET type = 'x'")).rejects.toThrow('events are append-only: UPDATE is not allowed');
  });
});
