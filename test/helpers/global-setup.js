// One real PostgreSQL server for the whole run; each test file makes its own database on it.
// Plain JavaScript: Jest loads global set-up outside its module transform, so the gateway's own
// embedded-server module is loaded through tsx.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startEmbeddedPostgres } = await tsImport('../../gateway/store/embedded-postgres.ts', import.meta.url);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'edi-gateway-test-'));
  // The server may run as another account (we are root on CI): it must be able to enter this folder.
  await fs.chmod(root, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, log: pino({ level: 'silent' }), mode: 'own' });
  process.env.TEST_DATABASE_URL = server.url;
  process.env.TEST_ROOT = root;
  globalThis.testServer = server;
}
