// npm run bench -- --pipeline [--minutes N] [--rate N] [--setting EDI_NAME=VALUE ...]: the whole inbound path
// of a real gateway process on its embedded PostgreSQL, fed single-order 850s over SFTP by OpenSSH's sftp at a
// steady offered rate. Figures: files per second from upload closed to the canonical order handed to sync (the
// sync port writes to the log, EDI_ODOO=off), the order's and the 997's latency from upload closed (the 997 to
// its file in the partner's /outbound), the gateway's resident memory early and late in the run, and the CPU
// time a file costs the gateway and its PostgreSQL, which the machine's other work does not change.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startGatewayProcess } from '../../test/helpers/gateway-process.js';
import { makeKeyPair } from '../../test/helpers/sftp-peers.js';
import { addPartners, attachedDatabase, retailer, sftpPortOf, singleOrder } from '../../test/helpers/sftp-batch.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import type { Report } from '../child-measure.js';
import { cpuTimeOf } from './cpu-time.js';
import { startPacedUploads, type Uploader } from './paced-uploads.js';
import { sampleResidentMemory } from './resident-memory.js';
import { countDone, percentile, ratePerBucket, readTimings } from './timings.js';

/** Partners, each uploading over its own connection. */
const PARTNERS = 4;
/** How long the files still in the pipeline when the uploads end may take to come out of it. */
const DRAIN_MS = 120_000;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number | undefined) => (ms === undefined ? 'not reached (files still in the pipeline at the end)' : `${(ms / 1000).toFixed(3)} s`);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export async function benchPipeline(report: Report, options: { minutes: number; rate: number; settings: Readonly<Record<string, string>> }): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'edi-gateway-bench-pipeline-'));
  await fs.chmod(root, 0o755);
  const dataDir = path.join(root, 'pg');
  const silent = pino({ level: 'silent' });
  // Level info: the harness waits for the start lines; each order handed to the log is one line more.
  const gateway = startGatewayProcess({ EDI_PG_DATA_DIR: dataDir, EDI_INBOX_DIR: path.join(root, 'inbox'), EDI_LOG_LEVEL: 'info', EDI_ODOO: 'off', EDI_DEMO_PARTNER: 'off', ...options.settings });
  let db: pg.Client | undefined;
  try {
    await gateway.healthy(60_000);
    const port = await sftpPortOf(gateway);
    const url = await attachedDatabase(dataDir, silent);
    await fs.mkdir(path.join(root, 'keys'));
    const uploaders: Uploader[] = [];
    for (let index = 0; index < PARTNERS; index += 1) {
      const partner = `bench-${index}`;
      const folder = path.join(root, partner);
      await fs.mkdir(folder);
      uploaders.push({ partner, folder, keyFile: (await makeKeyPair(path.join(root, 'keys'), partner)).privateKeyFile });
    }
    const keys = await Promise.all(uploaders.map(async (uploader) => (await fs.readFile(`${uploader.keyFile}.pub`, 'utf8')).trim()));
    await addPartners(url, uploaders.map((uploader, index) => retailer({ id: uploader.partner, isaId: uploader.partner.toUpperCase(), publicKey: keys[index]! })), silent);
    const client = new pg.Client({ connectionString: url });
    db = client;
    // A connection lost with the gateway's PostgreSQL fails the next query, and the run with it, below.
    client.on('error', () => undefined);
    await client.connect();

    const runSeconds = options.minutes * 60;
    const pid = gateway.child.pid as number;
    const memory = sampleResidentMemory(pid);
    const cpuBefore = cpuTimeOf(pid);
    const startedAt = Date.now();
    const uploads = startPacedUploads({
      port,
      uploaders,
      ratePerSecond: options.rate,
      seconds: runSeconds,
      // Each partner numbers its own interchanges: file i is its partner's (i / PARTNERS + 1)th.
      content: (index, uploader) => singleOrder({ isaId: uploader.partner.toUpperCase(), control: Math.floor(index / PARTNERS) + 1, po: `PO-${index}` }),
    });
    const sessions = await uploads.done;
    const uploadedAt = Date.now();
    const failed = sessions.filter((session) => session.code !== 0);
    if (failed.length > 0) throw new Error(`sftp failed: ${failed.map((session) => session.stderr).join('; ')}`);
    const total = uploads.offered;
    const backlog = await countDone(client);
    await waitFor(
      'the orders and 997s still in the pipeline',
      async () => {
        const done = await countDone(client);
        return done.handedToSync >= total && done.ackPlaced >= total;
      },
      DRAIN_MS,
      // Files still in the pipeline after the drain are reported as such, with the figures of the others.
    ).catch(() => undefined);
    const drainedAt = Date.now();
    const samples = memory.stop();
    const cpuAfter = cpuTimeOf(pid);

    const timings = await readTimings(client);
    const first = Math.min(...timings.map((timing) => timing.received));
    const handed = timings.flatMap((timing) => (timing.handedToSync === null ? [] : [timing.handedToSync]));
    const bucketMs = runSeconds >= 180 ? 60_000 : 10_000;
    const lastHanded = Math.max(...handed);
    const rates = ratePerBucket(handed, first, lastHanded, bucketMs);
    const received = timings.map((timing) => timing.received);
    report(
      `pipeline: ${total} single-order 850s offered at ${options.rate} files/s over ${PARTNERS} sftp connections for ${options.minutes} min`,
      `accepted at ${(timings.length / ((Math.max(...received) - first) / 1000)).toFixed(0)} files/s (uploads done after ${((uploadedAt - startedAt) / 1000).toFixed(0)} s)`,
    );
    report(
      'upload closed to order handed to sync, files/s (target >= 100 for 10 min)',
      `${(handed.length / ((lastHanded - first) / 1000)).toFixed(1)} files/s overall; per ${bucketMs / 1000} s: min ${Math.min(...rates).toFixed(1)}, max ${Math.max(...rates).toFixed(1)}; ${handed.length} of ${timings.length} handed over`,
    );
    report('files not yet handed to sync when the uploads ended', `${backlog.received - backlog.handedToSync} (drained after ${((drainedAt - uploadedAt) / 1000).toFixed(0)} s)`);
    const syncLatency = timings.map((timing) => (timing.handedToSync === null ? null : timing.handedToSync - timing.received));
    report('upload closed to order handed to sync, p50 / p99', `${seconds(percentile(syncLatency, 0.5))} / ${seconds(percentile(syncLatency, 0.99))}`);
    const ackLatency = timings.map((timing) => (timing.ackPlaced === null ? null : timing.ackPlaced - timing.received));
    report('upload closed to 997 in /outbound, p50 / p99 (target p99 < 1 s)', `${seconds(percentile(ackLatency, 0.5))} / ${seconds(percentile(ackLatency, 0.99))}`);
    const windowMs = Math.min(60_000, (runSeconds * 1000) / 4);
    const runStart = samples[0]?.at ?? 0;
    const uploadEnd = runStart + (uploadedAt - startedAt);
    const early = samples.filter((sample) => sample.at - runStart <= windowMs).map((sample) => sample.bytes);
    const late = samples.filter((sample) => sample.at > uploadEnd - windowMs && sample.at <= uploadEnd).map((sample) => sample.bytes);
    report(
      `gateway resident memory, first vs last ${windowMs / 1000} s of the uploads (target flat)`,
      `${mib(mean(early))} vs ${mib(mean(late))}, peak ${mib(Math.max(...samples.map((sample) => sample.bytes)))}`,
    );
    const gatewayMs = (cpuAfter.ownMs - cpuBefore.ownMs) / Math.max(1, handed.length);
    const databaseMs = (cpuAfter.descendantsMs - cpuBefore.descendantsMs) / Math.max(1, handed.length);
    const cores = os.cpus().length;
    report(
      'CPU time per file handed to sync: gateway + PostgreSQL',
      `${gatewayMs.toFixed(1)} + ${databaseMs.toFixed(1)} ms; ${cores} cores to itself would take about ${((cores * 1000) / (gatewayMs + databaseMs)).toFixed(0)} files/s`,
    );
    // Other work on the machine slows every round trip: the figures above are worth what this says.
    report('machine load average over the last minute', `${os.loadavg()[0]?.toFixed(1)} on ${cores} cores`);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the gateway ${gateway.child.exitCode === null ? 'runs' : `exited with ${gateway.child.exitCode}`}, its last words: ${gateway.output().slice(-3000)}`);
  } finally {
    await db?.end().catch(() => undefined);
    await gateway.stop('SIGTERM', 30_000);
    await fs.rm(root, { recursive: true, force: true });
  }
}
