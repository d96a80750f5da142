import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startEmbeddedPostgres } from '../../gateway/store/embedded-postgres.js';
import { createPool, withTransaction } from '../../gateway/store/pool.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { startGatewayProcess, stopLeftoverGateways, type GatewayProcess } from '../helpers/gateway-process.js';
import { createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// Issue 7's crash acceptance on real `edi-gateway` processes: the gateway killed outright at random points
// of a 500-file batch, three times, then started again; and its PostgreSQL restarted under it. Every file
// is stored once and processed once, and every acknowledgment is placed in the partner's /outbound once.

afterAll(stopLeftoverGateways);

const FILES = 500;

/** The partner: its files dropped into its inbox folder, its acknowledgments placed in its SFTP mailbox. */
const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });
const PARTNER: PartnerProfile = {
  ...minimal,
  id: 'crashco',
  version: '004010',
  identities: { ...minimal.identities, partner: { x12: { isaQualifier: 'ZZ', isaId: 'CRASHCO', gsId: 'CRASHCO' } }, ours: { x12: { isaQualifier: 'ZZ', isaId: 'THREEPL', gsId: 'THREEPL' } } },
  acknowledgments: { ...minimal.acknowledgments, send: { functionalAck: '997', ta1: 'requestedOrRejected', contrl: 'requestedOrRejected' } },
  transports: { sftpMailbox: { users: [{ username: 'crashco', publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb2lAGNz4Nfv8xSxvtGmNpMeBqtjPB3Wq9lwA8QtdVr test'] }] } },
};

async function addPartner(url: string): Promise<void> {
  const pool = createPool({ url, max: 1, applicationName: 'crash-test', log: silentLog });
  try {
    await withTransaction(pool, (client) => saveProfileVersion(client, { profile: PARTNER, basedOn: undefined, changedBy: 'test', change: 'created' }));
  } finally {
    await pool.end();
  }
}

/** A single-order 850 from the partner, each with its own interchange control number. */
function order(index: number): string {
  const control = String(index + 1).padStart(9, '0');
  const set = String(index + 1).padStart(4, '0');
  return (
    `ISA*00*          *00*          *ZZ*CRASHCO        *ZZ*THREEPL        *250101*1200*U*00401*${control}*0*T*>~` +
    `GS*PO*CRASHCO*THREEPL*20250101*1200*${index + 1}*X*004010~ST*850*${set}~BEG*00*SA*PO${set}**20250101~PO1*1*1*EA*9.99**BP*SKU-1~CTT*1~SE*5*${set}~` +
    `GE*1*${index + 1}~IEA*1*${control}~`
  );
}

async function dropAll(inbox: string): Promise<void> {
  const folder = path.join(inbox, PARTNER.id);
  await fs.mkdir(folder, { recursive: true });
  for (let index = 0; index < FILES; index += 1) {
    await fs.writeFile(path.join(folder, `po-${index}.part`), order(index));
    await fs.rename(path.join(folder, `po-${index}.part`), path.join(folder, `po-${index}.x12`));
  }
}

interface Tally {
  readonly files: number;
  readonly distinctContents: number;
  readonly byState: Record<string, number>;
  readonly acknowledgments: number;
  readonly filesWithOneAcknowledgment: number;
  readonly delivered: number;
  readonly placed: number;
  readonly distinctPlaced: number;
  /** Canonical orders stored, and synced (to the log), one per file. */
  readonly documents: number;
  readonly synced: number;
}

async function tally(db: pg.Client): Promise<Tally> {
  const one = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const states = (await db.query('SELECT state, count(*)::int AS n FROM received_files GROUP BY state')).rows as { state: string; n: number }[];
  return {
    files: await one('SELECT count(*) AS n FROM received_files'),
    distinctContents: await one('SELECT count(DISTINCT content) AS n FROM received_files'),
    byState: Object.fromEntries(states.map((row) => [row.state, row.n])),
    acknowledgments: await one('SELECT count(*) AS n FROM acknowledgments_out'),
    filesWithOneAcknowledgment: await one('SELECT count(*) AS n FROM (SELECT file_id FROM acknowledgments_out GROUP BY file_id HAVING count(*) = 1) once'),
    delivered: await one("SELECT count(*) AS n FROM acknowledgments_out WHERE state = 'DELIVERED'"),
    placed: await one("SELECT count(*) AS n FROM sftp_outbound_files WHERE partner = 'crashco'"),
    distinctPlaced: await one("SELECT count(DISTINCT name) AS n FROM sftp_outbound_files WHERE partner = 'crashco'"),
    documents: await one('SELECT count(*) AS n FROM documents'),
    synced: await one("SELECT count(*) AS n FROM documents WHERE state = 'SYNCED'"),
  };
}

function expectEverythingOnce(result: Tally): void {
  expect(result).toEqual({
    files: FILES,
    distinctContents: FILES,
    byState: { PROCESSED: FILES },
    acknowledgments: FILES,
    filesWithOneAcknowledgment: FILES,
    delivered: FILES,
    placed: FILES,
    distinctPlaced: FILES,
    documents: FILES,
    synced: FILES,
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The tally once everything is done; the last one seen, and the gateway's last words, in the error when it never is. */
async function settle(db: pg.Client, gateway: GatewayProcess, what: string): Promise<Tally> {
  let last: Tally | undefined;
  try {
    return await waitFor(
      what,
      async () => {
        last = await tally(db);
        return last.delivered === FILES && last.files === FILES && last.byState.PROCESSED === FILES ? last : undefined;
      },
      240_000,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen ${JSON.stringify(last)}; the gateway ${gateway.child.exitCode === null ? 'runs' : `exited with ${gateway.child.exitCode}`}: ${gateway.output().slice(-3000)}`);
  }
}

describe('crashes in the middle of a batch', () => {
  it('the gateway killed outright three times in a 500-file batch: 0 lost, 0 doubled, every acknowledgment sent exactly once', async () => {
    const root = await createTestFolder('crash');
    // The pipeline on its own: its orders synced to the log (EDI_ODOO=off), not to the sandbox Odoo, which a restart empties.
    // A fixed PostgreSQL port, as each start after a kill starts the server again: the test's URL stays good.
    const env = {
      EDI_PG_DATA_DIR: path.join(root, 'pg'),
      EDI_PG_PORT: String(await freePort()),
      EDI_INBOX_DIR: path.join(root, 'inbox'),
      EDI_INBOX_SETTLE_MS: '0',
      EDI_INBOX_POLL_MS: '50',
      EDI_LOG_LEVEL: 'warn',
      EDI_ODOO: 'off',
    };
    let gateway: GatewayProcess = startGatewayProcess({ ...env, EDI_LOG_LEVEL: 'info' });
    await gateway.healthy(60_000);
    const server = await startEmbeddedPostgres({ dataDir: env.EDI_PG_DATA_DIR, port: 0, log: silentLog, mode: 'attach' });
    await addPartner(server.url);
    await dropAll(env.EDI_INBOX_DIR);
    const kills: number[] = [];
    for (let kill = 0; kill < 3; kill += 1) {
      const after = 200 + Math.floor(Math.random() * 1500);
      kills.push(after);
      await new Promise((resolve) => setTimeout(resolve, after));
      await gateway.stop('SIGKILL', 10_000);
      gateway = startGatewayProcess({ ...env, EDI_LOG_LEVEL: 'info' });
      await gateway.healthy(60_000);
    }
    const db = new pg.Client({ connectionString: server.url });
    await db.connect();
    try {
      const result = await settle(db, gateway, 'every file acknowledged and every acknowledgment delivered');
      console.log(`killed after ${kills.join(', ')} ms; files per state ${JSON.stringify(result.byState)}, acknowledgments ${result.acknowledgments}, placed in /outbound ${result.placed}`);
      expectEverythingOnce(result);
      expect((await fs.readdir(path.join(env.EDI_INBOX_DIR, PARTNER.id))).filter((name) => !name.startsWith('.'))).toEqual([]);
    } finally {
      await db.end();
      await gateway.stop('SIGTERM', 30_000);
    }
  }, 420_000);

  it('PostgreSQL restarted under a running gateway in the middle of a batch: the gateway lives on and everything completes once', async () => {
    const root = await createTestFolder('pg-restart');
    const dataDir = path.join(root, 'pg');
    const port = await freePort();
    let server = await startEmbeddedPostgres({ dataDir, port, log: silentLog, mode: 'own' });
    const env = { DATABASE_URL: server.url, EDI_INBOX_DIR: path.join(root, 'inbox'), EDI_INBOX_SETTLE_MS: '0', EDI_INBOX_POLL_MS: '50', EDI_LOG_LEVEL: 'info', EDI_ODOO: 'off' };
    const gateway = startGatewayProcess(env);
    try {
      await gateway.healthy(60_000);
      await addPartner(server.url);
      await dropAll(env.EDI_INBOX_DIR);
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.floor(Math.random() * 1000)));
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      server = await startEmbeddedPostgres({ dataDir, port, log: silentLog, mode: 'own' });
      const db = new pg.Client({ connectionString: server.url });
      await db.connect();
      try {
        const result = await settle(db, gateway, 'every file acknowledged and every acknowledgment delivered after the restart');
        console.log(`after a PostgreSQL restart: files per state ${JSON.stringify(result.byState)}, acknowledgments ${result.acknowledgments}, placed in /outbound ${result.placed}`);
        expectEverythingOnce(result);
        expect(gateway.child.exitCode).toBeNull();
      } finally {
        await db.end();
      }
    } finally {
      await gateway.stop('SIGTERM', 30_000);
      await server.stop();
    }
  }, 420_000);
});
