import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readTemplate } from '../../partners/profile-template.js';
import type { Config } from '../../gateway/config/settings.js';
import type { ExceptionActionRequest } from '../../gateway/web/dashboard/exception-actions.js';
import { checkHealth } from '../../gateway/health.js';
import { createMetrics } from '../../gateway/metrics.js';
import { newPartnerProfile, saveNewPartner } from '../../gateway/partners/new-partner.js';
import { testPartnerSample } from '../../gateway/partners/sample-tests.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { openException } from '../../gateway/store/sql/exceptions.js';
import { addUser } from '../../gateway/users/add-user.js';
import { buildApp } from '../../gateway/web/app.js';
import { DashboardClient } from '../helpers/dashboard-client.js';
import { servedRoutes } from '../helpers/served-routes.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

// The dashboard's security, driven by inject(): sign-in and its limits, sessions and their timeouts on a
// clock the test moves, CSRF on every state-changing route the app serves, roles, and escaped partner data.

const MINUTE = 60_000;
const settings: Config['dashboard'] = { sessionIdleMs: 30 * MINUTE, sessionMaxMs: 8 * 60 * MINUTE, secureCookie: 'auto', maxSignInFailures: 3, signInWindowMs: 15 * MINUTE };
const PASSWORD = 'correct horse battery';
const DEFAULTS = 'test/fixtures/partners/defaults.yaml';
const XSS = '<script>alert(1)</script>';

let pool: Pool;
let app: FastifyInstance;
let now = new Date('2026-03-02T09:00:00Z');
let exceptionId: string;
const actionsTaken: ExceptionActionRequest[] = [];

function build(options: { secureCookie?: 'auto' | 'on'; withActions?: boolean } = {}): Promise<FastifyInstance> {
  return buildApp({
    pool,
    log: silentLog,
    metrics: createMetrics(pool),
    health: () => checkHealth({ pool, instance: 'dashboard-test', startedAt: Date.now(), scheduler: { running: true, active: 0 }, stopping: () => false }),
    partners: { defaultsFile: DEFAULTS },
    dashboard: {
      settings: { ...settings, secureCookie: options.secureCookie ?? 'auto' },
      stuckAfterMs: MINUTE,
      maxFileBytes: 1_000_000,
      clock: () => now,
      ...(options.withActions === false ? {} : { exceptionActions: { take: async (request: ExceptionActionRequest) => void actionsTaken.push(request) } }),
    },
  });
}

async function partnerFromTemplate(values: Record<string, string>): Promise<void> {
  const template = readTemplate('retailer-x12-4010');
  await saveNewPartner(pool, { profile: newPartnerProfile({ template, values, defaultsFile: DEFAULTS }), template, changedBy: 'test' });
}

async function signedIn(username: string, address = '127.0.0.1'): Promise<DashboardClient> {
  const client = new DashboardClient(app, address);
  const answer = await client.signIn(username, PASSWORD);
  expect(answer.statusCode).toBe(303);
  await client.get('/');
  return client;
}

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  for (const [username, role] of [['ada', 'admin'], ['olga', 'onboarding'], ['sam', 'support'], ['vic', 'viewer'], ['lou', 'viewer'], ['ike', 'viewer']] as const) {
    await addUser(pool, { username, role, password: PASSWORD, actor: 'test', displayName: username.toUpperCase() });
  }
  await partnerFromTemplate({ id: 'xss', name: XSS, isaId: 'XSSRETAIL', gsId: 'XSSRETAIL', odooPartner: 'XSS' });
  await partnerFromTemplate({ id: 'samplemart', name: 'SampleMart', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL', odooPartner: 'SAMPLEMART' });
  const sample = fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12');
  expect((await testPartnerSample(pool, { partner: 'samplemart', fileName: 'po.x12', bytes: sample, testedBy: 'test' })).report.passed).toBe(true);
  ({ exception: { id: exceptionId } } = await openException(pool, {
    key: 'test:1',
    code: 'TRANSLATION_FAILED',
    message: `BEG03 is missing ${XSS}`,
    partner: 'samplemart',
    reference: 'PO-4711',
    actions: ['RETRY', 'DISMISS'],
  }));
  app = await build();
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

describe('signing in', () => {
  it('sends a visitor without a session to the sign-in page, and back after signing in', async () => {
    const client = new DashboardClient(app);
    const page = await client.get('/partners?usage=test');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fpartners%3Fusage%3Dtest');
    const form = await client.get(page.headers.location as string);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="username">User name</label>');
    const answer = await client.post('/sign-in', { username: 'Ada', password: PASSWORD, next: '/partners?usage=test' });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/partners?usage=test');
    expect((await client.get('/partners?usage=test')).statusCode).toBe(200);
  });

  it('refuses a wrong password, an unknown user and a bad next address without telling them apart', async () => {
    const client = new DashboardClient(app, '10.0.0.1');
    await client.get('/sign-in');
    const wrong = await client.post('/sign-in', { username: 'olga', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The user name or the password is wrong.');
    expect(client.cookies.has('edi_session')).toBe(false);
    const unknown = await client.post('/sign-in', { username: 'nobody', password: PASSWORD });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toContain('The user name or the password is wrong.');
    const elsewhere = await client.post('/sign-in', { username: 'olga', password: PASSWORD, next: '//evil.example/' });
    expect(elsewhere.headers.location).toBe('/');
    const failed = (await listEvents(pool, 'user', 'olga')).filter((event) => event.type === 'user.sign-in-failed');
    expect(failed).toEqual([expect.objectContaining({ actor: 'anonymous', details: { address: '10.0.0.1' } })]);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure when the setting says so, and a new id at every sign-in', async () => {
    const client = new DashboardClient(app);
    await client.get('/sign-in');
    const first = await client.post('/sign-in', { username: 'vic', password: PASSWORD });
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/edi_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toContain('Secure');
    const before = client.cookies.get('edi_session');

    await client.get('/sign-in');
    await client.post('/sign-in', { username: 'vic', password: PASSWORD });
    const after = client.cookies.get('edi_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const stale = await app.inject({ method: 'GET', url: '/', headers: { cookie: `edi_session=${before}` } });
    expect(stale.statusCode).toBe(303);

    const secure = await build({ secureCookie: 'on' });
    try {
      const behindProxy = new DashboardClient(secure);
      await behindProxy.get('/sign-in');
      expect(String((await behindProxy.post('/sign-in', { username: 'vic', password: PASSWORD })).headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Lax/);
    } finally {
      await secure.close();
    }
  });

  it('locks a user name after too many failures, and an address that tried too many names', async () => {
    const guesser = new DashboardClient(app, '10.0.0.2');
    await guesser.get('/sign-in');
    for (let attempt = 0; attempt < settings.maxSignInFailures; attempt += 1) expect((await guesser.post('/sign-in', { username: 'lou', password: `guess ${attempt}` })).statusCode).toBe(401);
    const locked = await guesser.post('/sign-in', { username: 'lou', password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed sign-ins');
    const elsewhere = new DashboardClient(app, '10.0.0.3');
    await elsewhere.get('/sign-in');
    expect((await elsewhere.post('/sign-in', { username: 'lou', password: PASSWORD })).statusCode).toBe(429);

    const sprayer = new DashboardClient(app, '10.0.0.4');
    await sprayer.get('/sign-in');
    for (const username of ['p1', 'p2', 'p3']) expect((await sprayer.post('/sign-in', { username, password: 'guess' })).statusCode).toBe(401);
    expect((await sprayer.post('/sign-in', { username: 'ike', password: PASSWORD })).statusCode).toBe(429);

    now = new Date(now.getTime() + settings.signInWindowMs + 1000);
    expect((await elsewhere.post('/sign-in', { username: 'lou', password: PASSWORD })).statusCode).toBe(303);
    expect((await sprayer.post('/sign-in', { username: 'ike', password: PASSWORD })).statusCode).toBe(303);
  });
});

describe('sessions', () => {
  it('end after the idle timeout, each use moving it on', async () => {
    const client = await signedIn('vic');
    for (let step = 0; step < 3; step += 1) {
      now = new Date(now.getTime() + settings.sessionIdleMs - MINUTE);
      expect((await client.get('/')).statusCode).toBe(200);
    }
    now = new Date(now.getTime() + settings.sessionIdleMs + 1000);
    const ended = await client.get('/');
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe('/sign-in?next=%2F');
    expect(client.cookies.has('edi_session')).toBe(false);
  });

  it('end at the absolute timeout however much they are used', async () => {
    const client = await signedIn('vic');
    const end = now.getTime() + settings.sessionMaxMs;
    while (now.getTime() + 20 * MINUTE < end) {
      now = new Date(now.getTime() + 20 * MINUTE);
      expect((await client.get('/files')).statusCode).toBe(200);
    }
    now = new Date(end + 1000);
    expect((await client.get('/files')).statusCode).toBe(303);
  });

  it('end at sign-out, which is an event of the user', async () => {
    const client = await signedIn('sam');
    const cookie = client.cookies.get('edi_session');
    const out = await client.post('/sign-out');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in');
    expect(client.cookies.has('edi_session')).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/', headers: { cookie: `edi_session=${cookie}` } })).statusCode).toBe(303);
    const types = (await listEvents(pool, 'user', 'sam')).map((event) => [event.type, event.actor]);
    expect(types).toEqual([
      ['user.created', 'test'],
      ['user.signed-in', 'sam'],
      ['user.signed-out', 'sam'],
    ]);
  });
});

describe('CSRF', () => {
  /** The dashboard's state-changing routes: every one the app serves that the OpenAPI description does not (the API's). */
  async function stateChangingDashboardRoutes(): Promise<{ method: string; url: string }[]> {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const described = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    return servedRoutes(app).filter((route) => route.method !== 'GET' && !described.has(`${route.method} ${route.url}`));
  }

  /** A real address for the route: a partner that is not ready for production, so that a genuine request changes nothing the other tests use. */
  function concrete(url: string): string {
    return url.replace(':action', 'DISMISS').replace(':id', url.startsWith('/exceptions/') ? exceptionId : 'xss');
  }

  it('is asked of every state-changing dashboard route, read from the app itself', async () => {
    const routes = await stateChangingDashboardRoutes();
    expect(routes.map((route) => `${route.method} ${route.url}`).sort()).toEqual(
      expect.arrayContaining(['POST /exceptions/:id/actions/:action', 'POST /partners', 'POST /partners/:id/promote', 'POST /partners/:id/samples', 'POST /sign-in', 'POST /sign-out']),
    );
    for (const route of routes) {
      const client = await signedIn('ada');
      const refused = await client.post(concrete(route.url), {}, { csrf: false });
      expect([route.url, refused.statusCode]).toEqual([route.url, 403]);
      expect(refused.body).toContain('CSRF_TOKEN_INVALID');
      const forged = await client.post(concrete(route.url), {}, { csrf: 'x'.repeat(43) });
      expect([route.url, forged.statusCode]).toEqual([route.url, 403]);
      if (route.url === '/sign-in') await client.get('/sign-in');
      const genuine = await client.post(concrete(route.url), route.url.includes('actions') ? { reason: 'checked with the partner' } : {});
      expect([route.url, genuine.body.includes('CSRF_TOKEN_INVALID')]).toEqual([route.url, false]);
    }
  });

  it('takes the token from the X-CSRF-Token header too', async () => {
    const client = await signedIn('sam');
    const token = client.csrfToken as string;
    const answer = await app.inject({
      method: 'POST',
      url: `/exceptions/${exceptionId}/actions/RETRY`,
      headers: { cookie: `edi_session=${client.cookies.get('edi_session')}`, 'x-csrf-token': token, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(answer.statusCode).toBe(303);
    expect(actionsTaken.at(-1)).toEqual({ exceptionId, action: 'RETRY', actor: 'sam', reason: undefined });
  });
});

describe('roles', () => {
  it('refuse every state-changing route, read from the app itself, to a viewer carrying a good CSRF token', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const described = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    // Signing in and out, and a user's own account (time zone, password), are every user's whatever the role.
    const everyones = (url: string) => ['/sign-in', '/sign-out'].includes(url) || url.startsWith('/account/');
    const routes = servedRoutes(app).filter((route) => route.method !== 'GET' && !described.has(`${route.method} ${route.url}`) && !everyones(route.url));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const viewer = await signedIn('ike');
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_match, name: string) => (name === 'action' ? 'DISMISS' : name === 'id' && route.url.startsWith('/exceptions/') ? exceptionId : 'samplemart'));
      const refused = await viewer.post(url, { reason: 'why not' });
      expect([route.url, refused.statusCode]).toEqual([route.url, 403]);
      expect(refused.body).toContain('ROLE_FORBIDDEN');
    }
  });

  it('shows a viewer no promote button, no sample form and no exception actions, and refuses them on the server', async () => {
    const viewer = await signedIn('vic');
    const page = await viewer.get('/partners/samplemart');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>SampleMart');
    expect(page.body).not.toContain('Promote to production');
    expect(page.body).not.toContain('Test a sample file');
    const promote = await viewer.post('/partners/samplemart/promote');
    expect(promote.statusCode).toBe(403);
    expect(promote.body).toContain('ROLE_FORBIDDEN');
    expect((await viewer.get('/new-partner')).statusCode).toBe(403);
    expect((await viewer.post('/partners', { template: 'retailer-x12-4010' })).statusCode).toBe(403);
    const exceptions = await viewer.get('/exceptions');
    expect(exceptions.body).toContain('PO-4711');
    expect(exceptions.body).not.toContain('Dismiss');
    expect((await viewer.post(`/exceptions/${exceptionId}/actions/DISMISS`, { reason: 'no' })).statusCode).toBe(403);
    const list = await viewer.get('/partners');
    expect(list.body).not.toContain('New partner from a template');
  });

  it('shows onboarding the promote button of a partner whose samples passed, and promotes it', async () => {
    const onboarding = await signedIn('olga');
    const page = await onboarding.get('/partners/samplemart');
    expect(page.body).toContain('Promote to production');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect((await onboarding.get('/exceptions')).body).not.toContain('Dismiss');
    const promoted = await onboarding.post('/partners/samplemart/promote');
    expect(promoted.statusCode).toBe(303);
    expect(promoted.headers.location).toBe('/partners/samplemart?promoted=2');
    const after = await onboarding.get(promoted.headers.location as string);
    expect(after.body).toContain('Partner samplemart is in production from version 2.');
    expect(after.body).not.toContain('Promote to production');
    const events = await listEvents(pool, 'partner', 'samplemart');
    expect(events.at(-1)).toMatchObject({ type: 'partner.changed', actor: 'olga' });
  });

  it('shows support the actions an exception allows, and a dismissal asks for a reason', async () => {
    const support = await signedIn('sam');
    const page = await support.get('/exceptions');
    expect(page.body).toContain(`action="/exceptions/${exceptionId}/actions/DISMISS"`);
    expect(page.body).toContain(`action="/exceptions/${exceptionId}/actions/RETRY"`);
    expect((await support.post(`/exceptions/${exceptionId}/actions/DISMISS`)).statusCode).toBe(400);
    const dismissed = await support.post(`/exceptions/${exceptionId}/actions/DISMISS`, { reason: 'sent again by the partner', back: '/exceptions?partner=samplemart' });
    expect(dismissed.headers.location).toBe('/exceptions?partner=samplemart');
    expect(actionsTaken.at(-1)).toEqual({ exceptionId, action: 'DISMISS', actor: 'sam', reason: 'sent again by the partner' });
  });

  it('shows the actions disabled while the dashboard has nothing to take them with', async () => {
    const without = await build({ withActions: false });
    try {
      const support = new DashboardClient(without);
      await support.signIn('sam', PASSWORD);
      const page = await support.get('/exceptions');
      expect(page.body).toContain('<button type="button" disabled>Dismiss</button>');
      const refused = await support.post(`/exceptions/${exceptionId}/actions/RETRY`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('EXCEPTION_ACTION_NOT_ALLOWED');
    } finally {
      await without.close();
    }
  });
});

describe('pages', () => {
  it('show partner data escaped, never as markup', async () => {
    const client = await signedIn('ada');
    for (const url of ['/partners', '/partners/xss', '/exceptions', '/partners/xss?from=1&to=1']) {
      const page = await client.get(url);
      expect([url, page.statusCode]).toEqual([url, 200]);
      expect(page.body).not.toContain(XSS);
    }
    expect((await client.get('/partners')).body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('carry a strict content security policy and are not cached', async () => {
    const client = await signedIn('ada');
    const page = await client.get('/');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/);
  });

  it('answer a bad filter with a page that names it', async () => {
    const client = await signedIn('ada');
    const page = await client.get('/files?from=2026-02-30');
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('The from date &quot;2026-02-30&quot; is not a day of the calendar');
  });

  it('leave the API to API keys: a session cookie opens nothing there, and problems stay JSON', async () => {
    const admin = await signedIn('ada');
    const withCookie = await admin.get('/api/partners');
    expect(withCookie.statusCode).toBe(401);
    expect(withCookie.headers['content-type']).toContain('application/problem+json');
    expect(withCookie.body).toContain('API_KEY_REQUIRED');
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/') && !['/healthz', '/metrics'].includes(path))).toEqual([]);
  });
});
