import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from '../../gateway/store/pool.js';
import { listApiKeys } from '../../gateway/store/sql/api-keys.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { apiKeyOf } from '../helpers/api-keys.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { servedRoutes } from '../helpers/served-routes.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

// The API's keys: every request but the API's own description carries one, it acts with its user's role,
// and a key is made, listed and revoked from the command line, each an event.

let pool: Pool;
let app: FastifyInstance;
let env: Record<string, string>;
const keys: Record<string, string> = {};

/** The description and the schemas are for anyone writing a client; everything else takes a key. */
const PUBLIC = ['GET /api/openapi.json', 'GET /api/schemas/partner-profile', 'GET /api/schemas/canonical/:kind'];

beforeAll(async () => {
  const database = await createTestDatabase();
  pool = database.pool;
  env = { DATABASE_URL: database.url, EDI_LOG_LEVEL: 'warn' };
  app = await buildTestApp(pool);
  for (const role of ['admin', 'onboarding', 'support', 'viewer'] as const) keys[role] = await apiKeyOf(pool, `${role}-bot`, role);
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

function call(method: string, url: string, key?: string, payload?: object) {
  return app.inject({ method: method as 'GET', url, headers: key === undefined ? {} : { authorization: `Bearer ${key}` }, ...(payload === undefined ? {} : { payload }) });
}

/** The API's routes as the app serves them, with the path parameters filled in. */
function apiRoutes(): { method: string; url: string; route: string }[] {
  return servedRoutes(app)
    .filter((route) => route.url.startsWith('/api/'))
    .map((route) => ({ ...route, route: `${route.method} ${route.url}`, url: route.url.replace(/:(\w+)/g, (_match, name: string) => (name === 'kind' ? 'order' : name === 'version' ? '1' : '42')) }));
}

describe('a request without a good key', () => {
  it('is refused on every API route but the description and the schemas, with a problem saying how to get one', async () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, url, route } of routes) {
      const answer = await call(method, url);
      if (PUBLIC.includes(route)) {
        expect([route, answer.statusCode]).toEqual([route, 200]);
        continue;
      }
      expect([route, answer.statusCode]).toEqual([route, 401]);
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="edi-gateway"');
      expect(answer.json()).toMatchObject({ code: 'API_KEY_REQUIRED', detail: expect.stringContaining('edi-gateway user key add') });
    }
  });

  it('is refused for a header that is no bearer key, an unknown key and a key of a disabled user', async () => {
    const basic = await app.inject({ method: 'GET', url: '/api/files', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.statusCode).toBe(401);
    expect(basic.json()).toMatchObject({ code: 'API_KEY_INVALID', detail: 'The Authorization header is not "Bearer <key>".' });
    expect(basic.headers['www-authenticate']).toContain('error="invalid_token"');
    const forged = `${(keys.viewer as string).slice(0, -4)}AAAA`;
    expect((await call('GET', '/api/files', forged)).json()).toMatchObject({ code: 'API_KEY_INVALID' });
    expect((await call('GET', '/api/files', 'edi_short')).json()).toMatchObject({ code: 'API_KEY_INVALID' });

    const key = await apiKeyOf(pool, 'leaver', 'support');
    expect((await call('GET', '/api/files', key)).statusCode).toBe(200);
    await pool.query("UPDATE users SET disabled = true WHERE username = 'leaver'");
    expect((await call('GET', '/api/files', key)).json()).toMatchObject({ code: 'API_KEY_INVALID' });
  });
});

describe('a key', () => {
  it("lets a viewer read every list and refuses every route that changes something, before looking at the request", async () => {
    const routes = apiRoutes().filter(({ route }) => !PUBLIC.includes(route));
    const changing = routes.filter(({ method }) => method !== 'GET');
    expect(changing.map(({ route }) => route).sort()).toEqual(
      expect.arrayContaining(['POST /api/documents/:id/resubmit', 'POST /api/exceptions/:id/resolve', 'POST /api/partners', 'POST /api/partners/:id/documents', 'POST /api/partners/:id/promote', 'POST /api/partners/:id/samples', 'PUT /api/partners/:id']),
    );
    for (const { method, url, route } of changing) {
      const answer = await call(method, url, keys.viewer, {});
      expect([route, answer.statusCode]).toEqual([route, 403]);
      expect(answer.json()).toMatchObject({ code: 'ROLE_FORBIDDEN', detail: expect.stringContaining('viewer-bot (viewer) does not allow this') });
    }
    for (const url of ['/api/files', '/api/partners', '/api/documents', '/api/exceptions', '/api/partner-templates']) {
      expect([url, (await call('GET', url, keys.viewer)).statusCode]).toEqual([url, 200]);
    }
  });

  it("acts with its user's role: onboarding makes partners but resolves no exception, support the other way round", async () => {
    const partner = { template: 'retailer-x12-4010', values: { id: 'keyed', name: 'Keyed', isaId: 'KEYED', gsId: 'KEYED', odooPartner: 'KEYED' } };
    expect((await call('POST', '/api/partners', keys.support, partner)).json()).toMatchObject({ code: 'ROLE_FORBIDDEN' });
    const made = await call('POST', '/api/partners', keys.onboarding, partner);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ changedBy: 'onboarding-bot' });
    expect((await call('POST', '/api/exceptions/42/resolve', keys.onboarding, { action: 'DISMISS', reason: 'x' })).json()).toMatchObject({ code: 'ROLE_FORBIDDEN' });
    expect((await call('POST', '/api/exceptions/42/resolve', keys.support, { action: 'DISMISS', reason: 'x' })).json()).toMatchObject({ code: 'EXCEPTION_NOT_FOUND' });
    expect((await call('POST', '/api/exceptions/42/resolve', keys.admin, { action: 'DISMISS', reason: 'x' })).json()).toMatchObject({ code: 'EXCEPTION_NOT_FOUND' });
  });

  it('is described in the OpenAPI document: a bearer scheme, asked by every operation but the public ones', async () => {
    const document = (await call('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { security?: unknown }>>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.components.securitySchemes).toEqual({ apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const expected = PUBLIC.includes(route) || !path.startsWith('/api/') ? undefined : [{ apiKey: [] }];
        expect([route, operation.security]).toEqual([route, expected]);
      }
    }
  });

  it('notes when it was last used', async () => {
    const key = await apiKeyOf(pool, 'noted', 'viewer');
    expect((await listApiKeys(pool, 'noted'))[0]?.lastUsedAt).toBeNull();
    await call('GET', '/api/files', key);
    expect((await listApiKeys(pool, 'noted'))[0]?.lastUsedAt).toEqual(expect.any(Date));
  });
});

describe('edi-gateway user key', () => {
  it('makes a key shown once, lists keys without them, and revokes one, each an event of its user', async () => {
    expect((await runCliInProcess(['user', 'add', 'bridge', '--role', 'support'], env)).code).toBe(0);
    const made = await runCliInProcess(['user', 'key', 'add', 'bridge', '--name', 'odoo-bridge', '--by', 'ada'], env);
    expect(made.code).toBe(0);
    const key = /^edi_\S+$/m.exec(made.out)?.[0] as string;
    const id = /^API key (\S+) \("odoo-bridge"\) made for bridge\./.exec(made.out)?.[1] as string;
    expect(key.startsWith(`edi_${id}_`)).toBe(true);
    expect((await call('GET', '/api/files', key)).statusCode).toBe(200);

    const listed = await runCliInProcess(['user', 'key', 'list', '--user', 'bridge'], env);
    expect(listed.out).toMatch(new RegExp(`${id}\\s+bridge\\s+odoo-bridge\\s+ada`));
    expect(listed.out).not.toContain(key);
    expect(listed.out).not.toContain(key.slice(-20));

    const revoked = await runCliInProcess(['user', 'key', 'revoke', id, '--by', 'ada'], env);
    expect(revoked.out).toBe(`API key ${id} ("odoo-bridge") of bridge revoked.\n`);
    expect((await call('GET', '/api/files', key)).json()).toMatchObject({ code: 'API_KEY_INVALID' });
    expect((await listEvents(pool, 'user', 'bridge')).map((event) => [event.type, event.actor, event.details])).toEqual([
      ['user.created', expect.any(String), expect.anything()],
      ['user.api-key-made', 'ada', { keyId: id, name: 'odoo-bridge' }],
      ['user.api-key-revoked', 'ada', { keyId: id, name: 'odoo-bridge' }],
    ]);
  });

  it('refuses an unknown user, a missing name, and a key id that is not live', async () => {
    const unknown = await runCliInProcess(['user', 'key', 'add', 'ghost', '--name', 'x'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no user "ghost" to hold the key; add one with edi-gateway user add. [USER_NOT_FOUND]');
    const unnamed = await runCliInProcess(['user', 'key', 'add', 'bridge'], env);
    expect(unnamed.err).toContain('--name is missing');
    const gone = await runCliInProcess(['user', 'key', 'revoke', 'AAAAAAAA'], env);
    expect(gone.err).toContain('There is no live API key "AAAAAAAA" (edi-gateway user key list shows them). [API_KEY_NOT_FOUND]');
  });
});
