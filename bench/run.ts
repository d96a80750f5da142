// npm run bench: figures from real gateway processes (embedded PostgreSQL, drop folder, HTTP), the X12 and
// EDIFACT engines on generated interchanges, and the dashboard's lists over 100,000 documents.
// npm run bench -- --engines takes the engine figures alone, which need no PostgreSQL; --dashboard the
// dashboard's; --pipeline [--minutes N] [--rate N] [--setting EDI_NAME=VALUE ...] the SFTP-to-sync path's,
// the gateway started with those settings (bench/pipeline/run.ts); --odoo [--orders N] orders from SFTP
// upload to confirmed sale order in the Odoo simulator (bench/odoo/run.ts).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startGatewayProcess } from '../test/helpers/gateway-process.js';
import { waitFor } from '../test/helpers/wait-for.js';
import type { Report } from './child-measure.js';
import { benchDashboard } from './dashboard/run.js';
import { benchEdifact } from './edifact/run.js';
import { benchOdoo } from './odoo/run.js';
import { benchPipeline } from './pipeline/run.js';
import { benchX12 } from './x12/run.js';

const FILES = 500;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function benchGateway(report: Report): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'edi-gateway-bench-'));
  await fs.chmod(root, 0o755);
  const env = {
    EDI_PG_DATA_DIR: path.join(root, 'pg'),
    EDI_INBOX_DIR: path.join(root, 'inbox'),
    EDI_INBOX_SETTLE_MS: '0',
    EDI_INBOX_POLL_MS: '100',
    EDI_LOG_LEVEL: 'warn',
    // The pipeline's own throughput: orders synced to the log, not to an Odoo.
    EDI_ODOO: 'off',
  };
  try {
    // Log level info only for the start line the harness waits for.
    const fresh = startGatewayProcess({ ...env, EDI_LOG_LEVEL: 'info' });
    const first = await timed(() => fresh.healthy(60_000));
    report('start to healthy, fresh embedded database', `${(first.ms / 1000).toFixed(2)} s (target < 15 s)`);

    // The demo partner a first start makes (EDI_DEMO_PARTNER), so the files pass the sender check.
    const partner = path.join(env.EDI_INBOX_DIR, 'demo');
    await fs.mkdir(partner, { recursive: true });
    const sets = Array.from({ length: 50 }, (_, index) => {
      const number = String(index + 1).padStart(4, '0');
      return `ST*850*${number}~BEG*00*SA*PO${number}**20250101~PO1*1*1*EA*9.99**BP*SKU-1~CTT*1~SE*5*${number}~`;
    });
    // Each file its own interchange control number, as a partner numbers them (the same twice is a duplicate),
    // and marked test, as the demo partner is.
    const content = (index: number) => {
      const control = String(index + 1).padStart(9, '0');
      return `ISA*00*          *00*          *ZZ*DEMORETAILER   *ZZ*THREEPL        *250101*1200*U*00401*${control}*0*T*>~GS*PO*DEMORETAILER*THREEPL*20250101*1200*1*X*004010~${sets.join('')}GE*50*1~IEA*1*${control}~`;
    };
    const throughput = await timed(async () => {
      for (let index = 0; index < FILES; index += 1) {
        await fs.writeFile(path.join(partner, `f${index}.part`), content(index));
        await fs.rename(path.join(partner, `f${index}.part`), path.join(partner, `f${index}.x12`));
      }
      await waitFor(`${FILES} files to be processed`, async () => {
        const response = await fetch(`${first.value}/metrics`);
        return (await response.text()).includes(`edi_gateway_files{state="PROCESSED"} ${FILES}`);
      }, 300_000);
    });
    report(`drop folder to PROCESSED (stored, parsed, validated, 997 made, each order translated and synced to the log), ${FILES} files of ${content(0).length} bytes`, `${(throughput.ms / 1000).toFixed(2)} s, ${(FILES / (throughput.ms / 1000)).toFixed(0)} files/s`);
    const rss = (await (await fetch(`${first.value}/metrics`)).text()).match(/edi_gateway_process_resident_memory_bytes (\d+)/)?.[1];
    report('resident memory after the run', `${(Number(rss) / 1024 / 1024).toFixed(0)} MiB`);

    const stop = await timed(() => fresh.stop('SIGTERM', 30_000));
    report('SIGTERM to exit', `${(stop.ms / 1000).toFixed(2)} s (target < 10 s), exit code ${stop.value}`);

    const again = startGatewayProcess({ ...env, EDI_LOG_LEVEL: 'info' });
    const restart = await timed(() => again.healthy(60_000));
    report('start to healthy, restart on the same data', `${(restart.ms / 1000).toFixed(2)} s`);
    await again.stop('SIGTERM', 30_000);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

// Each flag picks its section; with none, every section runs.
const { values } = parseArgs({
  options: {
    engines: { type: 'boolean', default: false },
    dashboard: { type: 'boolean', default: false },
    pipeline: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '1' },
    rate: { type: 'string', default: '100' },
    setting: { type: 'string', multiple: true, default: [] },
    odoo: { type: 'boolean', default: false },
    orders: { type: 'string', default: '200' },
  },
});
const report: Report = (label, value) => console.log(`${label.padEnd(60)} ${value}`);
const all = !values.engines && !values.dashboard && !values.pipeline && !values.odoo;
if (all) await benchGateway(report);
if (all || values.pipeline) {
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  if (!(minutes > 0) || !(rate > 0)) throw new Error(`--minutes and --rate take positive numbers, got --minutes ${values.minutes} --rate ${values.rate}`);
  const settings = Object.fromEntries(
    values.setting.map((setting) => {
      const match = /^(EDI_[A-Z0-9_]+)=(.*)$/.exec(setting);
      if (!match) throw new Error(`--setting takes EDI_NAME=VALUE, got ${setting}`);
      return [match[1] as string, match[2] as string];
    }),
  );
  await benchPipeline(report, { minutes, rate, settings });
}
if (all || values.odoo) {
  const orders = Number(values.orders);
  if (!Number.isInteger(orders) || orders < 1) throw new Error(`--orders takes a whole number of at least 1, got ${values.orders}`);
  await benchOdoo(report, { orders });
}
if (all || values.engines) {
  await benchX12(report);
  await benchEdifact(report);
}
if (all || values.dashboard) await benchDashboard(report);
