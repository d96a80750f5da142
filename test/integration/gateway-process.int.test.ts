import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startEmbeddedPostgres } from '../../gateway/store/embedded-postgres.js';
import { apiKeyBeside, postgresProcessesOn, runCli, startGatewayProcess, stopLeftoverGateways } from '../helpers/gateway-process.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// The acceptance points of the foundation, shown on real `edi-gateway` processes.

afterAll(stopLeftoverGateways);

/** Drops a file the way a well-behaved sender does: written under a temporary name, then renamed. */
async function drop(inbox: string, partner: string, name: string, content: string): Promise<void> {
  await fs.mkdir(path.join(inbox, partner), { recursive: true });
  await fs.writeFile(path.join(inbox, partner, `${name}.part`), content);
  await fs.rename(path.join(inbox, partner, `${name}.part`), path.join(inbox, partner, name));
}

async function apiFiles(url: string, headers: { authorization: string }): Promise<{ name: string; state: string; size: number }[]> {
  return ((await (await fetch(`${url}/api/files?limit=500`, { headers })).json()) as { files: { name: string; state: string; size: number }[] }).files;
}

describe('edi-gateway start, with its embedded PostgreSQL', () => {
  it('serves /healthz, processes a dropped file, stops cleanly on SIGTERM and keeps everything across a restart', async () => {
    const root = await createTestFolder('gateway');
    const dataDir = path.join(root, 'pg');
    const inbox = path.join(root, 'inbox');
    const env = { EDI_PG_DATA_DIR: dataDir, EDI_INBOX_DIR: inbox, EDI_INBOX_SETTLE_MS: '0', EDI_INBOX_POLL_MS: '100' };

    const first = startGatewayProcess(env);
    const url = await first.healthy();
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', checks: { database: { ok: true }, scheduler: { ok: true } } });
    const key = await apiKeyBeside(env);

    // From the demo partner, under its ISA id: identified, parsed, acknowledged (its missing IEA is answered
    // as the demo partner's TA1 policy says), then processed, with no set in it to translate.
    await drop(inbox, 'demo', 'order.x12', 'ISA*00*          *00*          *ZZ*DEMORETAILER   *ZZ*THREEPL        *250101*1200*U*00401*000000001*0*T*>~');
    await drop(inbox, 'acme', 'notes.txt', 'hello');
    await waitFor('both files to be processed', async () => {
      const files = await apiFiles(url, key);
      return files.length === 2 && files.every((file) => !['RECEIVED', 'IDENTIFIED', 'PARSED', 'ACKNOWLEDGED'].includes(file.state));
    });
    expect((await apiFiles(url, key)).map((file) => `${file.name}:${file.state}`).sort()).toEqual(['notes.txt:REJECTED', 'order.x12:PROCESSED']);
    // JSON log lines; each request's lines carry its request id.
    await fetch(`${url}/api/files`, { headers: { ...key, 'x-request-id': 'trace-me-1' } });
    await waitFor('the request to be logged', () => first.logLines().some((line) => line.reqId === 'trace-me-1' && line.msg === 'request completed'));

    // A second gateway on the same data folder is refused, naming the reason; the first is unharmed.
    const intruder = await runCli(['start'], env);
    expect(intruder.code).toBe(1);
    expect(intruder.stderr).toContain('[DB_EMBEDDED_IN_USE]');
    expect(intruder.stderr).toContain(`is in use by the gateway with process id ${first.child.pid}`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    expect(await first.stop('SIGTERM', 10_000)).toBe(0);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
    expect(first.logLines().some((line) => line.msg === 'gateway stopped')).toBe(true);

    // Nothing left locked in the scheduler's table.
    const server = await startEmbeddedPostgres({ dataDir, port: 0, log: silentLog, mode: 'attach' });
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const locked = await client.query('SELECT count(*)::int AS n FROM agenda_jobs WHERE locked_at IS NOT NULL');
    const stops = await client.query("SELECT details FROM events WHERE type = 'gateway.stopped'");
    await client.end();
    await server.stop();
    expect(locked.rows[0].n).toBe(0);
    expect(stops.rows).toEqual([{ details: { reason: 'SIGTERM', unfinishedJobs: 0 } }]);

    // Restart on the same data: every file is still there, the migrations are a no-op.
    const second = startGatewayProcess(env);
    const secondUrl = await second.healthy();
    expect((await apiFiles(secondUrl, key)).map((file) => file.name).sort()).toEqual(['notes.txt', 'order.x12']);
    expect(second.logLines().find((line) => line.msg === 'gateway started')?.migrationsApplied).toBe(0);

    // The command line reads the running gateway's database.
    const listed = await runCli(['files', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').map((line) => JSON.parse(line).name).sort()).toEqual(['notes.txt', 'order.x12']);
    // The first start made the demo partner, once.
    const partners = await runCli(['partner', 'list', '--json'], env);
    expect(partners.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ partner: 'demo', currentVersion: 1, usage: 'test' })]);

    expect(await second.stop('SIGINT', 10_000)).toBe(0);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  });

  it('after a gateway was killed outright, the next start stops the postgres it left and carries on', async () => {
    const root = await createTestFolder('killed');
    const dataDir = path.join(root, 'pg');
    const env = { EDI_PG_DATA_DIR: dataDir, EDI_INBOX_DIR: path.join(root, 'inbox') };
    const killed = startGatewayProcess(env);
    await killed.healthy();
    killed.child.kill('SIGKILL');
    await killed.exited();
    const orphans = postgresProcessesOn(dataDir);
    expect(orphans).toHaveLength(1);

    const next = startGatewayProcess(env);
    await next.healthy();
    expect(postgresProcessesOn(dataDir)).not.toContain(orphans[0]);
    expect(next.logLines().some((line) => line.msg === 'stopping an embedded PostgreSQL left running by a gateway that is gone')).toBe(true);
    expect(await next.stop('SIGTERM', 10_000)).toBe(0);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  });

  it('exits with code 2 on bad configuration, naming the setting', async () => {
    const result = await runCli(['start'], { EDI_HTTP_PORT: '80a', EDI_SHUTDOWN_TIMEOUT_MS: '-1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('EDI_HTTP_PORT (http.port): must be a whole number from 0 to 65535, got "80a"');
    expect(result.stderr).toContain('EDI_SHUTDOWN_TIMEOUT_MS (shutdown.timeoutMs): must be a whole number from 0 to 600000, got -1');
  });

  it('exits with code 2 when DATABASE_URL is not a PostgreSQL URL', async () => {
    const result = await runCli(['start'], { DATABASE_URL: 'localhost:5432' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL (database.url): must be a postgres:// or postgresql:// URL');
  });
});

describe('two gateways on one DATABASE_URL', () => {
  it('both start, migrations are applied once, and 50 dropped files are each stored and processed exactly once', async () => {
    const { url: databaseUrl, pool } = await createTestDatabase({ migrated: false });
    const inbox = await createTestFolder('shared-inbox');
    const env = (name: string) => ({
      DATABASE_URL: databaseUrl,
      EDI_INBOX_DIR: inbox,
      EDI_INBOX_SETTLE_MS: '0',
      EDI_INBOX_POLL_MS: '50',
      EDI_INSTANCE_NAME: name,
    });
    const gateways = [startGatewayProcess(env('gw-a')), startGatewayProcess(env('gw-b'))];
    try {
      await Promise.all(gateways.map((gateway) => gateway.healthy()));
      const applied = gateways.map((gateway) => gateway.logLines().find((line) => line.msg === 'gateway started')?.migrationsApplied as number);
      const migrations = (await fs.readdir(path.resolve('gateway/store/migrations'))).filter((name) => name.endsWith('.sql')).length;
      expect(applied.reduce((sum, count) => sum + count, 0)).toBe(migrations);
      expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(migrations);

      const contents = Array.from({ length: 50 }, (_, index) => `UNB+UNOC:3+ACME+3PL+250101:1200+${index}'`);
      await Promise.all(contents.map((content, index) => drop(inbox, 'acme', `file-${index}.edi`, content)));

      // ACME is no partner of this gateway: each file is identified, then quarantined.
      await waitFor('all 50 files to be quarantined', async () => {
        const result = await pool.query("SELECT count(*)::int AS n FROM received_files WHERE state = 'QUARANTINED'");
        return result.rows[0].n === 50;
      });
      const rows = (await pool.query('SELECT id::text, content, received_by FROM received_files')).rows as { id: string; content: Buffer; received_by: string }[];
      expect(rows).toHaveLength(50);
      expect(rows.map((row) => row.content.toString()).sort()).toEqual([...contents].sort());
      const perFile = await pool.query(`
        SELECT entity_id, count(*) FILTER (WHERE type = 'file.received')::int AS received,
                          count(*) FILTER (WHERE type = 'file.identified')::int AS identified,
                          count(*) FILTER (WHERE type = 'file.quarantined')::int AS quarantined
          FROM events WHERE entity = 'file' GROUP BY entity_id`);
      expect(perFile.rows).toHaveLength(50);
      expect(perFile.rows.every((row) => row.received === 1 && row.identified === 1 && row.quarantined === 1)).toBe(true);
      expect((await fs.readdir(path.join(inbox, 'acme'))).filter((name) => !name.startsWith('.'))).toEqual([]);

      const codes = await Promise.all(gateways.map((gateway) => gateway.stop('SIGTERM', 10_000)));
      expect(codes).toEqual([0, 0]);
      expect((await pool.query('SELECT count(*)::int AS n FROM agenda_jobs WHERE locked_at IS NOT NULL')).rows[0].n).toBe(0);
    } finally {
      await stopLeftoverGateways();
      await pool.end();
    }
  });
});
