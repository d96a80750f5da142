import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { migrate } from '../../gateway/store/migrate.js';
import { createPool, type Pool } from '../../gateway/store/pool.js';

export const silentLog = pino({ level: 'silent' });

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: integration tests run through the integration project (npm test)');
  return url;
}

/** A fresh, empty database on the run's PostgreSQL server; its URL and a pool on it. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<{ url: string; pool: Pool }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const pool = createPool({ url: url.toString(), max: 10, applicationName: 'test', log: silentLog });
  if (options.migrated ?? true) await migrate(pool, silentLog);
  return { url: url.toString(), pool };
}

/** A fresh folder under the run's temporary root, reachable by the postgres account. */
export async function createTestFolder(label: string): Promise<string> {
  const root = process.env.TEST_ROOT;
  if (!root) throw new Error('TEST_ROOT is not set: integration tests run through the integration project (npm test)');
  const folder = path.join(root, `${label}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(folder, { recursive: true, mode: 0o755 });
  return folder;
}
