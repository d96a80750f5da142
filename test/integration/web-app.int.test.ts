import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkHealth } from '../../gateway/health.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { createMetrics } from '../../gateway/metrics.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { buildApp } from '../../gateway/web/app.js';
import { apiAs, type ApiCaller } from '../helpers/api-keys.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

let pool: Pool;
let app: FastifyInstance;
/** A viewer's program reading the API. */
let viewer: ApiCaller;
const scheduler = { running: true, active: 0 };
let stopping = false;

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildApp({
    pool,
    log: silentLog,
    metrics: createMetrics(pool),
    health: () => checkHealth({ pool, instance: 'web-test', startedAt: Date.now(), scheduler, stopping: () => stopping }),
    partners: { defaultsFile: 'test/fixtures/partners/defaults.yaml' },
  });
  viewer = await apiAs(app, pool, 'vera', 'viewer');
  const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
  for (let index = 1; index <= 5; index += 1) {
    const partner = index % 2 === 0 ? 'even' : 'odd';
    const content = Buffer.from(index === 5 ? 'not edi' : `ISA*${index}`);
    const { fileId } = await intake({ partner, source: 'local-dir', originalName: `f${index}.edi`, intakeKey: `web:${index}`, content });
    if (index >= 4) await identifyFile({ pool, actor: 'test' }, fileId);
  }
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

describe('GET /healthz', () => {
  it('is 200 when the database answers and the scheduler runs', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', instance: 'web-test', checks: { database: { ok: true }, scheduler: { ok: true } } });
  });

  it('is 503 when the scheduler is not running, and while stopping', async () => {
    scheduler.running = false;
    const down = await app.inject({ method: 'GET', url: '/healthz' });
    scheduler.running = true;
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'failing', checks: { scheduler: { ok: false } } });
    stopping = true;
    const draining = await app.inject({ method: 'GET', url: '/healthz' });
    stopping = false;
    expect(draining.statusCode).toBe(503);
    expect(draining.json().status).toBe('stopping');
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with files by state and request timings', async () => {
    await viewer.inject({ method: 'GET', url: '/api/files' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('edi_gateway_files{state="RECEIVED"} 3');
    expect(response.body).toContain('edi_gateway_files{state="IDENTIFIED"} 1');
    expect(response.body).toContain('edi_gateway_files{state="REJECTED"} 1');
    expect(response.body).toMatch(/edi_gateway_http_request_duration_seconds_count\{method="GET",route="\/api\/files",status="200"\} \d+/);
    expect(response.body).toContain('edi_gateway_process_resident_memory_bytes');
  });
});

describe('GET /api/files', () => {
  it('lists files newest first with state, hash and rejection reason', async () => {
    const response = await viewer.inject({ method: 'GET', url: '/api/files' });
    expect(response.statusCode).toBe(200);
    const { files, nextBefore } = response.json();
    expect(files.map((file: { name: string }) => file.name)).toEqual(['f5.edi', 'f4.edi', 'f3.edi', 'f2.edi', 'f1.edi']);
    expect(nextBefore).toBeNull();
    expect(files[0]).toMatchObject({ partner: 'odd', state: 'REJECTED', rejection: { code: 'FILE_NOT_EDI' }, size: 7, source: 'local-dir' });
    expect(files[1]).toMatchObject({ partner: 'even', state: 'IDENTIFIED', standard: 'X12', rejection: null });
    expect(files[1].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by partner and state and pages with nextBefore', async () => {
    const odd = (await viewer.inject({ method: 'GET', url: '/api/files?partner=odd&state=RECEIVED' })).json();
    expect(odd.files.map((file: { name: string }) => file.name)).toEqual(['f3.edi', 'f1.edi']);
    const first = (await viewer.inject({ method: 'GET', url: '/api/files?limit=2' })).json();
    expect(first.files).toHaveLength(2);
    const second = (await viewer.inject({ method: 'GET', url: `/api/files?limit=2&before=${first.nextBefore}` })).json();
    expect(second.files.map((file: { name: string }) => file.name)).toEqual(['f3.edi', 'f2.edi']);
  });

  it('answers a bad parameter with a problem naming it', async () => {
    const response = await viewer.inject({ method: 'GET', url: '/api/files?limit=0&state=DONE' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'REQUEST_INVALID', status: 400 });
    expect(problem.detail).toBe('querystring parameter "state" must be one of RECEIVED, IDENTIFIED, PARSED, ACKNOWLEDGED, PROCESSED, REJECTED, QUARANTINED; querystring parameter "limit" must be >= 1');
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    const unknown = (await viewer.inject({ method: 'GET', url: '/api/files?partnr=odd' })).json();
    expect(unknown.detail).toBe('querystring parameter "partnr" is not known');
  });
});

describe('every response', () => {
  it('carries security headers and a request id, keeping a safe one from the caller', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'support-case-42' } });
    expect(response.headers['x-request-id']).toBe('support-case-42');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    const unsafe = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown address with a NOT_FOUND problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'Nothing is served at GET /nope.' });
  });
});
