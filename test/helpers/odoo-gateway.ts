import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startOdooSimulator, type OdooSimulator } from '../../gateway/odoo/simulator/server.js';
import type { OdooVersion } from '../../gateway/odoo/simulator/versions.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { runCliInProcess } from './cli-in-process.js';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';
import { addPartners, attachedDatabase, sftpPortOf } from './sftp-batch.js';
import { makeKeyPair, openSshSftp, printed } from './sftp-peers.js';
import { waitFor } from './wait-for.js';

// A real `edi-gateway start` process on its embedded PostgreSQL, syncing to an Odoo simulator that runs in
// this process on its own socket (EDI_ODOO_URL), with partners that log in to its SFTP server with one key
// and upload through OpenSSH's sftp. Shared by the Odoo end-to-end and fault tests and the Odoo bench.

export interface OdooGatewayOptions {
  readonly version: OdooVersion;
  /** A folder of its own: the database, the master key, the partners' key and the files they upload. */
  readonly folder: string;
  /** EDI_ODOO_USAGE: what the Odoo is marked as (default test). */
  readonly usage?: 'test' | 'production';
  /** EDI_ODOO_POLL_MS: how often Odoo's own work is sent to the partners (default hourly, so never within a test). */
  readonly pollMs?: number;
  /** The partners, given the public key their SFTP logins accept. */
  readonly partners: (publicKey: string) => readonly PartnerProfile[];
}

export interface ReceivedFile {
  readonly id: string;
  readonly partner: string;
  readonly name: string;
  readonly state: string;
}

export interface OdooGateway {
  readonly sim: OdooSimulator;
  readonly gateway: GatewayProcess;
  /** The gateway's own database, read as support would. */
  readonly db: pg.Client;
  readonly sftpPort: number;
  /** Uploads each file to the partner's /inbound in one sftp session; fails naming sftp's complaint. */
  upload(partner: string, files: readonly { readonly name: string; readonly content: string }[]): Promise<void>;
  /** The files received so far, oldest first. */
  files(): Promise<ReceivedFile[]>;
  /** Waits until every file named is PROCESSED; fails naming those that are not, and in which state. */
  processed(names: readonly string[], timeoutMs?: number): Promise<ReceivedFile[]>;
  /** The files in the partner's /outbound, fetched with sftp: name to content. */
  outbound(partner: string): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

const silent = pino({ level: 'silent' });

export async function startOdooGateway(options: OdooGatewayOptions): Promise<OdooGateway> {
  const { folder } = options;
  const sim = await startOdooSimulator({ version: options.version, loginCooldown: false });
  const dataDir = path.join(folder, 'pg');
  const uploads = path.join(folder, 'uploads');
  await fs.mkdir(uploads, { recursive: true });
  const key = await makeKeyPair(folder, 'partner-key');
  const masterKeyFile = path.join(folder, 'master.key');
  const gateway = startGatewayProcess({
    EDI_PG_DATA_DIR: dataDir,
    EDI_INBOX_DIR: path.join(folder, 'inbox'),
    EDI_MASTER_KEY_FILE: masterKeyFile,
    EDI_PARTNER_DEFAULTS: path.join(folder, 'no-defaults.yaml'),
    EDI_DEMO_PARTNER: 'off',
    EDI_SCHEDULER_POLL_MS: '200',
    EDI_ODOO_URL: sim.url,
    EDI_ODOO_DATABASE: sim.credentials.database,
    EDI_ODOO_LOGIN: sim.credentials.login,
    EDI_ODOO_USAGE: options.usage ?? 'test',
    EDI_ODOO_POLL_MS: String(options.pollMs ?? 3_600_000),
  });
  let db: pg.Client | undefined;
  try {
    await gateway.healthy(120_000);
    const sftpPort = await sftpPortOf(gateway);
    const url = await attachedDatabase(dataDir, silent);
    // The API key is read when the first document needs Odoo, so it may be stored once the gateway runs.
    const apiKeyFile = path.join(folder, 'odoo-api-key');
    await fs.writeFile(apiKeyFile, sim.credentials.apiKey, { mode: 0o600 });
    const stored = await runCliInProcess(['secret', 'set', 'odoo/main/api-key', '--kind', 'password', '--file', apiKeyFile], { DATABASE_URL: url, EDI_MASTER_KEY_FILE: masterKeyFile });
    if (stored.code !== 0) throw new Error(`secret set odoo/main/api-key failed: ${stored.err}`);
    await addPartners(url, options.partners(key.publicKey), silent);
    const client = new pg.Client({ connectionString: url });
    db = client;
    await client.connect();

    const files = async (): Promise<ReceivedFile[]> =>
      (await client.query<ReceivedFile>('SELECT id::text, partner, original_name AS name, state FROM received_files ORDER BY id')).rows;
    const sftp = async (partner: string, commands: string) => {
      const session = await openSshSftp({ port: sftpPort, user: partner, keyFile: key.privateKeyFile, commands, cwd: uploads });
      if (session.code !== 0) throw new Error(`sftp as ${partner} failed (${session.code}): ${session.stderr}`);
      return printed(session.stdout);
    };
    return {
      sim,
      gateway,
      db: client,
      sftpPort,
      async upload(partner, batch) {
        for (const file of batch) await fs.writeFile(path.join(uploads, file.name), file.content, 'latin1');
        await sftp(partner, batch.map((file) => `put ${file.name} /inbound/${file.name}\n`).join(''));
      },
      files,
      async processed(names, timeoutMs = 60_000) {
        const wanted = new Set(names);
        let last: ReceivedFile[] = [];
        try {
          return await waitFor(
            `${names.length} files to be PROCESSED`,
            async () => {
              last = (await files()).filter((file) => wanted.has(file.name));
              return last.length === wanted.size && last.every((file) => file.state === 'PROCESSED') ? last : undefined;
            },
            timeoutMs,
          );
        } catch (error) {
          const stuck = last.filter((file) => file.state !== 'PROCESSED').map((file) => `${file.name} ${file.state}`);
          const exceptions = (await client.query<{ code: string; message: string }>('SELECT code, message FROM exceptions ORDER BY id')).rows;
          throw new Error(`${(error as Error).message}; not processed: ${stuck.join(', ') || 'none received'}; exceptions: ${JSON.stringify(exceptions)}`);
        }
      },
      async outbound(partner) {
        const names = (await sftp(partner, 'ls -1 /outbound\n'))
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.startsWith('/outbound/'));
        const local = path.join(uploads, `outbound-${partner}`);
        await fs.mkdir(local, { recursive: true });
        if (names.length > 0) await sftp(partner, names.map((name) => `get ${name} ${path.join(local, path.basename(name))}\n`).join(''));
        return new Map(await Promise.all(names.map(async (name) => [path.basename(name), await fs.readFile(path.join(local, path.basename(name)), 'latin1')] as const)));
      },
      async stop() {
        await client.end().catch(() => undefined);
        await gateway.stop('SIGTERM', 30_000);
        await sim.stop();
      },
    };
  } catch (error) {
    await db?.end().catch(() => undefined);
    await gateway.stop('SIGTERM', 30_000).catch(() => undefined);
    await sim.stop();
    throw error;
  }
}
