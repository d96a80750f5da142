import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkHealth } from '../../gateway/health.js';
import { createLogger } from '../../gateway/log.js';
import { createMetrics } from '../../gateway/metrics.js';
import { startEmbeddedPostgres } from '../../gateway/store/embedded-postgres.js';
import { migrate } from '../../gateway/store/migrate.js';
import { createPool } from '../../gateway/store/pool.js';
import { addUser } from '../../gateway/users/add-user.js';
import { makeApiKey } from '../../gateway/users/api-keys.js';
import { signIn } from '../../gateway/users/sessions.js';
import { buildApp } from '../../gateway/web/app.js';
import type { Report } from '../child-measure.js';
import { BENCH_PARTNERS, seedStore } from './seed.js';

// npm run bench -- --dashboard: every list page and search of the dashboard and the API over real HTTP,
// against an embedded PostgreSQL seeded with 100,000 documents each way, as a support person uses them:
// the first page, a partner's, a search by reference, a later page. The p95 of each is printed beside
// the target (300 ms).

const DOCUMENTS = 100_000;
const REQUESTS = 40;
const DEFAULTS = 'test/fixtures/partners/defaults.yaml';
const MINUTE = 60_000;

/** The requests of one measured list: a function of the request's number, so each one differs. */
interface Measured {
  readonly label: string;
  readonly url: (index: number) => string;
  readonly api?: boolean;
}

const pick = (index: number) => BENCH_PARTNERS[index % BENCH_PARTNERS.length] as string;
/** A number spread over the seeded range, so searches hit old and new rows alike. */
const spread = (index: number) => 1 + ((index * 7919) % DOCUMENTS);

const lists: readonly Measured[] = [
  { label: 'overview', url: () => '/' },
  { label: 'files, first page', url: () => '/files' },
  { label: 'files of a partner', url: (index) => `/files?partner=${pick(index)}` },
  { label: 'files by name', url: (index) => `/files?name=order-${spread(index)}.x12` },
  { label: 'files rejected, in a week', url: () => `/files?state=REJECTED&from=${day(-30)}&to=${day(-23)}` },
  { label: 'exceptions, open', url: () => '/exceptions' },
  { label: 'exceptions by reference', url: (index) => `/exceptions?state=all&reference=PO-${20 * Math.ceil(spread(index) / 20)}` },
  { label: 'partners', url: () => '/partners' },
  { label: 'acknowledgments, first page', url: () => '/acknowledgments' },
  { label: 'acknowledgments rejected of a partner', url: (index) => `/acknowledgments?partner=${pick(index)}&status=rejected` },
  { label: 'acknowledgments by PO', url: (index) => `/acknowledgments?reference=PO-${spread(index)}` },
  { label: 'documents by reference', url: (index) => `/documents?reference=ASN-${spread(index)}` },
  { label: 'documents of a partner', url: (index) => `/documents?partner=${pick(index)}` },
  { label: 'documents of a partner, a later page', url: (index) => `/documents?partner=${pick(index)}&page=${2 + (index % 20)}` },
  { label: 'documents by PO, both ways', url: (index) => `/documents?reference=PO-${spread(index)}` },
  { label: 'API files of a partner', url: (index) => `/api/files?partner=${pick(index)}`, api: true },
  { label: 'API documents by reference', url: (index) => `/api/documents?reference=ASN-${spread(index)}`, api: true },
  { label: 'API documents rejected of a partner', url: (index) => `/api/documents?partner=${pick(index)}&state=REJECTED`, api: true },
  { label: 'API exceptions of a partner', url: (index) => `/api/exceptions?partner=${pick(index)}`, api: true },
];

function day(offset: number): string {
  return new Date(Date.now() + offset * 24 * 60 * MINUTE).toISOString().slice(0, 10);
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number;
}

export async function benchDashboard(report: Report): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'edi-gateway-bench-dashboard-'));
  // The embedded server runs as its own account, which must reach its data folder.
  await fs.chmod(root, 0o755);
  const log = createLogger({ level: 'warn', instance: 'bench', destination: 2 });
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, log, mode: 'own' });
  const pool = createPool({ url: server.url, max: 10, applicationName: 'bench-dashboard', log });
  try {
    await migrate(pool, log);
    const seeding = performance.now();
    await seedStore(pool, DOCUMENTS, DEFAULTS);
    report(`seeding ${DOCUMENTS.toLocaleString('en')} documents each way, with files, exceptions and events`, `${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    await addUser(pool, { username: 'support', role: 'admin', password: 'bench password 1', actor: 'bench' });
    const settings = { sessionIdleMs: 60 * MINUTE, sessionMaxMs: 8 * 60 * MINUTE, secureCookie: 'auto', maxSignInFailures: 5, signInWindowMs: 15 * MINUTE } as const;
    const session = await signIn(pool, settings, () => new Date(), { username: 'support', password: 'bench password 1', address: '127.0.0.1' });
    const { key } = await makeApiKey(pool, { username: 'support', name: 'bench', actor: 'bench' });
    const app = await buildApp({
      pool,
      log,
      metrics: createMetrics(pool),
      health: () => checkHealth({ pool, instance: 'bench', startedAt: Date.now(), scheduler: { running: true, active: 0 }, stopping: () => false }),
      partners: { defaultsFile: DEFAULTS },
      dashboard: { settings, stuckAfterMs: 15 * MINUTE, maxFileBytes: 1_000_000 },
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const headers = (api: boolean | undefined): Record<string, string> => (api ? { authorization: `Bearer ${key}` } : { cookie: `edi_session=${session.sessionId}` });
      for (const list of lists) {
        const first = await fetch(`${base}${list.url(0)}`, { headers: headers(list.api) });
        await first.arrayBuffer();
        if (first.status === 404) {
          report(`p95 ${list.label}`, 'not served');
          continue;
        }
        if (first.status !== 200) throw new Error(`${list.url(0)} answered ${first.status}`);
        const times: number[] = [];
        for (let index = 1; index <= REQUESTS; index += 1) {
          const started = performance.now();
          const answer = await fetch(`${base}${list.url(index)}`, { headers: headers(list.api) });
          await answer.arrayBuffer();
          times.push(performance.now() - started);
          if (answer.status !== 200) throw new Error(`${list.url(index)} answered ${answer.status}`);
        }
        times.sort((a, b) => a - b);
        report(`p95 ${list.label}`, `${percentile(times, 0.95).toFixed(0)} ms (p50 ${percentile(times, 0.5).toFixed(0)} ms, target p95 < 300 ms)`);
      }
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
    await server.stop();
    await fs.rm(root, { recursive: true, force: true });
  }
}
