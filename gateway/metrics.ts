import client from 'prom-client';
import type { Pool } from './store/pool.js';
import { countFilesByState } from './store/sql/received-files.js';
import { fileStates } from './pipeline/states.js';

export interface Metrics {
  readonly registry: client.Registry;
  readonly filesReceived: client.Counter<'partner' | 'source'>;
  readonly jobsRun: client.Counter<'job' | 'outcome'>;
  readonly httpRequests: client.Histogram<'method' | 'route' | 'status'>;
}

/** One registry per gateway (not prom-client's global one), so tests can build several apps. */
export function createMetrics(pool: Pool): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'edi_gateway_' });
  new client.Gauge({
    name: 'edi_gateway_files',
    help: 'Received files by pipeline state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await countFilesByState(pool);
      for (const state of fileStates) this.set({ state }, counts.get(state) ?? 0);
    },
  });
  return {
    registry,
    filesReceived: new client.Counter({
      name: 'edi_gateway_files_received_total',
      help: 'Files stored by this instance, by partner and transport.',
      labelNames: ['partner', 'source'],
      registers: [registry],
    }),
    jobsRun: new client.Counter({
      name: 'edi_gateway_jobs_total',
      help: 'Scheduled jobs run by this instance, by job and outcome.',
      labelNames: ['job', 'outcome'],
      registers: [registry],
    }),
    httpRequests: new client.Histogram({
      name: 'edi_gateway_http_request_duration_seconds',
      help: 'HTTP requests served, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
