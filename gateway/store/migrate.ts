import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { PostgresJobRepository } from '@agendajs/postgres-backend';
import { GatewayError, describeError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import type { Pool } from './pool.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Advisory lock key held while migrating, so instances starting together apply each migration once. */
const MIGRATION_LOCK = 7_316_240_001;
export const SCHEDULER_TABLE = 'agenda_jobs';

export interface MigrationResult {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/**
 * Applies the SQL files of migrations/ in name order, each in its own transaction, under an advisory
 * lock; then the scheduler's tables, under the same lock (the library's own idempotent DDL, which
 * races when two instances run it at once). Re-running applies nothing.
 */
export async function migrate(pool: Pool, log: Logger): Promise<MigrationResult> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    text PRIMARY KEY,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (await client.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map(
        (row) => [row.version, row.checksum],
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const sql = await fs.readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const version = file.replace(/\.sql$/, '');
      const recorded = done.get(version);
      if (recorded !== undefined) {
        if (recorded !== checksum) {
          throw new GatewayError('MIGRATION_FAILED', `Migration ${file} was changed after it was applied; add a new migration instead.`, {
            location: { file },
          });
        }
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [version, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new GatewayError('MIGRATION_FAILED', `Migration ${file} failed and was rolled back: ${describeError(error)}`, {
          location: { file },
          cause: error,
        });
      }
      log.info({ migration: version }, 'migration applied');
      applied.push(version);
    }
    const schedulerTables = new PostgresJobRepository({ pool, tableName: SCHEDULER_TABLE, ensureSchema: true });
    await schedulerTables.connect();
    return { applied, alreadyApplied: files.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
