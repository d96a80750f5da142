import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { loadConfig } from '../../gateway/config/load-config.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { sweepOutbound, type SweptOutbound } from '../../gateway/outbound/sweep-outbound.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { startSftpServer, type SftpServer } from '../../gateway/transports/sftp-server/start-sftp-server.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { JobName } from '../../scheduler/job-names.js';
import { acknowledgeFileJob } from '../../scheduler/jobs/acknowledge-file.js';
import { deliverDocumentJob } from '../../scheduler/jobs/deliver-document.js';
import { identifyFileJob } from '../../scheduler/jobs/identify-file.js';
import { parseFileJob } from '../../scheduler/jobs/parse-file.js';
import { reconcileAcknowledgmentsJob } from '../../scheduler/jobs/reconcile-acknowledgments.js';
import { renderDocumentJob } from '../../scheduler/jobs/render-document.js';
import { settleOverdueDocumentJob } from '../../scheduler/jobs/settle-overdue-document.js';
import { createScheduler, type Scheduler } from '../../scheduler/scheduler.js';
import { connectSsh2, makeKeyPair, openSftp, type KeyPair } from './sftp-peers.js';
import { createTestDatabase, createTestFolder, silentLog } from './test-database.js';
import { waitFor } from './wait-for.js';

// The outbound side of the gateway on a real database, with the real hosted SFTP server and the scheduler's
// jobs wired as gateway/main.ts wires them, and a clock the tests move: documents are sent, partners pick
// them up from /outbound and upload their acknowledgments to /inbound over SFTP, and the sweep runs when a
// test says so.

const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });

export const shipNoticeX12 = (JSON.parse(fs.readFileSync('test/fixtures/maps/x12/856-004010-pallets.json', 'utf8')) as Record<string, unknown>[])[0] as Record<string, unknown>;
export const shipNoticeEdifact = (JSON.parse(fs.readFileSync('test/fixtures/maps/edifact/desadv-d96a-basic.json', 'utf8')) as Record<string, unknown>[])[0] as Record<string, unknown>;

/** The fixture ship notice under another shipment number, without its source: the gateway gives it the partner's envelope. */
export function shipNotice(shipmentId: string, base: Record<string, unknown> = shipNoticeX12): Record<string, unknown> {
  const { source: _source, ...rest } = base;
  return { ...rest, shipmentId };
}

export interface PartnerSetup {
  readonly id: string;
  readonly standard?: 'X12' | 'EDIFACT';
  readonly expect?: PartnerProfile['acknowledgments']['expect'];
  readonly mailbox?: boolean;
}

/** A partner we send ship notices to (856 in 004010, or DESADV in D96A), test usage, with an SFTP mailbox login named as the partner. */
export function partnerProfile(setup: PartnerSetup, publicKey: string): PartnerProfile {
  const x12 = (setup.standard ?? 'X12') === 'X12';
  const upper = setup.id.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return {
    ...minimal,
    id: setup.id,
    name: `Partner ${setup.id}`,
    standard: x12 ? 'X12' : 'EDIFACT',
    version: x12 ? '004010' : 'D96A',
    identities: x12
      ? { partner: { x12: { isaQualifier: 'ZZ', isaId: upper, gsId: upper } }, ours: { x12: { isaQualifier: '01', isaId: '123456789', gsId: 'THREEPL' } } }
      : { partner: { edifact: { unbId: upper, unbQualifier: 'ZZZ' } }, ours: { edifact: { unbId: '4012345000009', unbQualifier: '14' } } },
    documents: x12
      ? [
          { document: 'order', message: '850', direction: 'in' },
          { document: 'shipNotice', message: '856', direction: 'out' },
        ]
      : [
          { document: 'order', message: 'ORDERS', direction: 'in' },
          { document: 'shipNotice', message: 'DESADV', direction: 'out' },
        ],
    acknowledgments: {
      send: { ta1: 'requested', contrl: 'requestedOrRejected' },
      expect: setup.expect ?? { withinHours: 1, whenOverdue: 'both', maxResubmissions: 1, requestInterchangeAck: false },
    },
    ...(setup.mailbox === false ? {} : { transports: { sftpMailbox: { users: [{ username: setup.id, publicKeys: [publicKey] }] } } }),
  };
}

/** A partner's SFTP session on our server. */
export interface PartnerMailbox {
  /** Names waiting in /outbound. */
  list(): Promise<string[]>;
  read(name: string): Promise<Buffer>;
  /** Uploads to /inbound; received once the file is closed, which this waits for. */
  upload(name: string, content: string): Promise<void>;
  close(): void;
}

export interface OutboundHarness {
  readonly pool: Pool;
  /** For the command line (DATABASE_URL). */
  readonly databaseUrl: string;
  readonly actor: string;
  /** The clock the steps and the sweep read. */
  readonly now: () => Date;
  advanceClock(ms: number): void;
  addPartner(setup: PartnerSetup): Promise<PartnerProfile>;
  mailbox(partner: string): Promise<PartnerMailbox>;
  /** Queues the render job of a stored document, as a send through the Odoo poller would. */
  nudgeRender(documentId: string): Promise<void>;
  /** One round of the outbound sweep with the harness's clock, as the periodic job runs it. */
  sweep(): Promise<SweptOutbound>;
  /** Waits until `query` (one row, one column `value`) gives `expected`. */
  waitForValue(what: string, query: string, params: readonly unknown[], expected: unknown, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startOutboundHarness(): Promise<OutboundHarness> {
  const { pool, url } = await createTestDatabase();
  const dir = await createTestFolder('outbound');
  const key: KeyPair = await makeKeyPair(dir, 'partner-key');
  const actor = 'outbound-test';
  let offset = 0;
  const now = () => new Date(Date.now() + offset);

  const scheduler: Scheduler = createScheduler({ pool, instance: actor, log: silentLog, pollMs: 100, concurrency: 8 });
  const nudgeIdentify = (fileId: string) => scheduler.nudge(JobName.identifyFile, `file:${fileId}`, { fileId });
  const nudgeParse = (fileId: string) => scheduler.nudge(JobName.parseFile, `file:${fileId}`, { fileId });
  const nudgeAcknowledge = (fileId: string) => scheduler.nudge(JobName.acknowledgeFile, `file:${fileId}`, { fileId });
  const nudgeReconcile = (fileId: string) => scheduler.nudge(JobName.reconcileAcknowledgments, `file:${fileId}`, { fileId });
  const nudgeRender = (documentId: string) => scheduler.nudge(JobName.renderDocument, `outbound:${documentId}`, { documentId });
  const nudgeDeliver = (documentId: string) => scheduler.nudge(JobName.deliverDocument, `outbound:${documentId}`, { documentId });
  const nudgeOverdue = (documentId: string) => scheduler.nudge(JobName.settleOverdueDocument, `outbound:${documentId}`, { documentId });
  const deps = { pool, actor, log: silentLog };
  await scheduler.start([
    identifyFileJob({ ...deps, nudgeParse }),
    parseFileJob({ ...deps, nudgeAcknowledge }),
    // Translation and sync are the inbound side's; acknowledgments are this side's.
    acknowledgeFileJob({ ...deps, nudgeDeliver: async () => undefined, nudgeTranslate: async () => undefined, nudgeReconcile }),
    reconcileAcknowledgmentsJob({ ...deps, now }),
    renderDocumentJob({ ...deps, now, nudgeDeliver }),
    deliverDocumentJob({ ...deps, now }),
    settleOverdueDocumentJob({ ...deps, now, nudgeRender }),
  ]);

  const intake = createIntake({
    pool,
    actor,
    afterCommit: (accepted) => {
      if (accepted.created) void nudgeIdentify(accepted.fileId);
    },
  });
  const { config } = loadConfig({ env: { EDI_SFTP_PORT: '0', EDI_INSTANCE_NAME: actor } });
  const server: SftpServer = await startSftpServer({ pool, config, intake, log: silentLog, secrets: createSecretStore(masterKeyOf(randomBytes(32))) });
  const privateKey = fs.readFileSync(key.privateKeyFile);

  return {
    pool,
    databaseUrl: url,
    actor,
    now,
    advanceClock: (ms) => void (offset += ms),
    async addPartner(setup) {
      const profile = partnerProfile(setup, key.publicKey);
      await withTransaction(pool, (tx) => saveProfileVersion(tx, { profile, basedOn: undefined, changedBy: 'test', change: 'created for the outbound tests' }));
      return profile;
    },
    async mailbox(partner) {
      const client = await connectSsh2({ port: server.port, username: partner, privateKey });
      const sftp = await openSftp(client);
      const call = <T>(run: (done: (error: Error | null | undefined, value?: T) => void) => void) =>
        new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
      return {
        list: async () => (await call<{ filename: string }[]>((done) => sftp.readdir('/outbound', done))).map((entry) => entry.filename).sort(),
        read: (name) => call<Buffer>((done) => sftp.readFile(`/outbound/${name}`, done)),
        upload: (name, content) => call<void>((done) => sftp.writeFile(`/inbound/${name}`, Buffer.from(content, 'latin1'), done)),
        close: () => client.end(),
      };
    },
    nudgeRender,
    sweep: () => sweepOutbound({ pool, stuckAfterMs: 60_000, now, nudgeRender, nudgeDeliver, nudgeOverdue, nudgeReconcile }),
    async waitForValue(what, query, params, expected, timeoutMs = 30_000) {
      let last: unknown;
      await waitFor(
        `${what} (last seen: ${JSON.stringify(last)})`,
        async () => {
          last = (await pool.query<{ value: unknown }>(query, [...params])).rows[0]?.value;
          return JSON.stringify(last) === JSON.stringify(expected);
        },
        timeoutMs,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last seen ${JSON.stringify(last)}`);
      });
    },
    async stop() {
      await server.stop();
      await scheduler.stop(5_000);
      await pool.end();
    },
  };
}

/** What a partner's 997 says of one of our transaction sets. */
export interface SetAnswer {
  readonly set: string;
  readonly status: 'A' | 'E' | 'R';
  /** AK3/AK4 segments and AK5 codes, as the partner writes them: ['AK3*TD5*4**3'], ['5']. */
  readonly segments?: readonly string[];
  readonly codes?: readonly string[];
}

/** One 997 (ST to SE) answering our group `group` (GS06) of 856s. */
export function ack997(control: string, group: string, sets: readonly SetAnswer[], groupStatus?: string): string {
  const accepted = sets.filter((set) => set.status !== 'R').length;
  const status = groupStatus ?? (accepted === sets.length ? (sets.some((set) => set.status === 'E') ? 'E' : 'A') : accepted === 0 ? 'R' : 'P');
  const body = [
    `AK1*SH*${group}`,
    ...sets.flatMap((set) => [`AK2*856*${set.set}`, ...(set.segments ?? []), ['AK5', set.status, ...(set.codes ?? [])].join('*')]),
    `AK9*${status}*${sets.length}*${sets.length}*${accepted}`,
  ];
  return [`ST*997*${control}`, ...body, `SE*${body.length + 2}*${control}`].map((segment) => `${segment}~`).join('');
}

/** An interchange from the partner to us holding one FA group of 997s. */
export function x12AckInterchange(partner: string, isa13: string, acks: readonly string[]): string {
  const id = partner.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return (
    `ISA*00*          *00*          *ZZ*${id.padEnd(15)}*01*${'123456789'.padEnd(15)}*250301*1200*U*00401*${isa13}*0*T*>~` +
    `GS*FA*${id}*THREEPL*20250301*1200*${Number(isa13)}*X*004010~${acks.join('')}GE*${acks.length}*${Number(isa13)}~IEA*1*${isa13}~`
  );
}

/** ISA13, GS06 and ST02 of an 856 we placed in /outbound, as the partner reads them. */
export function envelopeNumbers(x12: string): { isa13: string; gs06: string; st02: string } {
  const isa13 = /^ISA(?:\*[^*]*){12}\*([^*]*)/.exec(x12)?.[1] ?? '';
  const gs06 = /GS(?:\*[^*~]*){5}\*([^*~]*)/.exec(x12)?.[1] ?? '';
  const st02 = /ST\*856\*([^*~]*)/.exec(x12)?.[1] ?? '';
  return { isa13, gs06, st02 };
}
