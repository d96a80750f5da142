import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GatewayError } from '../../gateway/errors/gateway-error.js';
import type { Pool } from '../../gateway/store/pool.js';
import { openException } from '../../gateway/store/sql/exceptions.js';
import { addUser } from '../../gateway/users/add-user.js';
import type { ExceptionActionRequest } from '../../gateway/web/dashboard/exception-actions.js';
import { DashboardClient } from '../helpers/dashboard-client.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// One action on many exceptions from the exceptions page: the ones ticked or every open one the filters
// show, carried out one by one while a page follows the progress, with each one that could not be taken
// named with why.

const PASSWORD = 'correct horse battery';
let pool: Pool;
let app: FastifyInstance;
const taken: ExceptionActionRequest[] = [];
/** Exceptions the action is refused on, as when one was resolved meanwhile. */
const refused = new Set<string>();
/** Holds every action until released, so a test can see the progress while it runs. */
let gate: Promise<void> = Promise.resolve();
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildTestApp(pool, {
    dashboard: {
      exceptionActions: {
        take: async (request) => {
          await gate;
          if (refused.has(request.exceptionId)) throw new GatewayError('EXCEPTION_NOT_OPEN', `Exception ${request.exceptionId} was resolved already, by kim.`);
          taken.push(request);
        },
      },
    },
  });
  for (const [username, role] of [['sam', 'support'], ['vic', 'viewer']] as const) await addUser(pool, { username, role, password: PASSWORD, actor: 'test' });
  for (const [key, partner] of [['a1', 'acme'], ['a2', 'acme'], ['a3', 'acme'], ['e1', 'euromart'], ['e2', 'euromart']] as const) {
    const { exception } = await openException(pool, { key, code: 'TRANSLATION_FAILED', message: `BEG03 is missing (${key})`, partner, reference: `PO-${key}`, actions: ['RETRY', 'DISMISS'] });
    ids[key] = exception.id;
  }
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

async function signedIn(username: string): Promise<DashboardClient> {
  const client = new DashboardClient(app);
  expect((await client.signIn(username, PASSWORD)).statusCode).toBe(303);
  return client;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** Posts the bulk form with repeated `ids` fields, as a browser sends ticked boxes. */
async function postBulk(client: DashboardClient, fields: [string, string][]) {
  const body = new URLSearchParams([...fields, ['_csrf', client.csrfToken as string]]).toString();
  return app.inject({
    method: 'POST',
    url: '/exceptions/bulk',
    headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
}

describe('bulk actions on exceptions', () => {
  it('are offered to support, with a box on each open exception, and not to a viewer', async () => {
    const page = await (await signedIn('sam')).get('/exceptions');
    expect(page.body).toContain('<form method="post" action="/exceptions/bulk" id="bulk"');
    expect(page.body).toContain(`<input type="checkbox" name="ids" value="${ids.a1}" form="bulk"`);
    const viewer = await signedIn('vic');
    expect((await viewer.get('/exceptions')).body).not.toContain('action="/exceptions/bulk"');
    expect((await viewer.post('/exceptions/bulk', { action: 'DISMISS', reason: 'x', ids: ids.a1 as string })).statusCode).toBe(403);
  });

  it('take the action on each exception ticked, with a page that follows the progress and names each refusal', async () => {
    const sam = await signedIn('sam');
    await sam.get('/exceptions');
    let release: () => void = () => undefined;
    gate = new Promise((resolve) => (release = resolve));
    refused.add(ids.a2 as string);
    const answer = await postBulk(sam, [
      ['action', 'DISMISS'],
      ['reason', 'orders cancelled by phone'],
      ['ids', ids.a1 as string],
      ['ids', ids.a2 as string],
      ['ids', ids.a3 as string],
    ]);
    expect(answer.statusCode).toBe(303);
    const progress = String(answer.headers.location);
    expect(progress).toMatch(/^\/bulk\/\d+$/);

    const running = await sam.get(progress);
    expect(running.body).toContain('<meta http-equiv="refresh" content="2">');
    expect(textOf(running.body)).toContain('0 of 3 taken: 0 done. Still running; this page follows it.');
    release();
    const finished = await waitFor('the bulk action to finish', async () => {
      const page = await sam.get(progress);
      return page.body.includes('Finished') ? page : undefined;
    });
    expect(finished.body).not.toContain('http-equiv="refresh"');
    const text = textOf(finished.body);
    expect(text).toContain('DISMISS on 3 exceptions');
    expect(text).toContain('3 of 3 taken: 2 done, 1 could not be.');
    expect(text).toContain(`#${ids.a2} EXCEPTION_NOT_OPEN Exception ${ids.a2} was resolved already, by kim.`);
    expect(taken.map((request) => [request.exceptionId, request.action, request.actor, request.reason])).toEqual([
      [ids.a1, 'DISMISS', 'sam', 'orders cancelled by phone'],
      [ids.a3, 'DISMISS', 'sam', 'orders cancelled by phone'],
    ]);
  });

  it('take every open exception the filters show when asked', async () => {
    taken.length = 0;
    const sam = await signedIn('sam');
    await sam.get('/exceptions?partner=euromart');
    const answer = await postBulk(sam, [
      ['action', 'RETRY'],
      ['all', 'yes'],
      ['partner', 'euromart'],
    ]);
    await waitFor('the retries', async () => (await sam.get(String(answer.headers.location))).body.includes('Finished'));
    expect(taken.map((request) => request.exceptionId).sort()).toEqual([ids.e1, ids.e2].sort());
  });

  it('refuse a dismissal without a reason, and a form with nothing chosen, changing nothing', async () => {
    taken.length = 0;
    const sam = await signedIn('sam');
    await sam.get('/exceptions');
    const bare = await postBulk(sam, [
      ['action', 'DISMISS'],
      ['ids', ids.a1 as string],
    ]);
    expect(bare.statusCode).toBe(400);
    expect(textOf(bare.body)).toContain('Dismissing needs a reason, in words; nothing was changed.');
    const none = await postBulk(sam, [['action', 'RETRY']]);
    expect(none.statusCode).toBe(400);
    expect(textOf(none.body)).toContain('Choose at least one exception, or all those the filters show.');
    const bogus = await postBulk(sam, [
      ['action', 'FORCE'],
      ['ids', ids.a1 as string],
    ]);
    expect(bogus.statusCode).toBe(400);
    expect(taken).toEqual([]);
  });

  it('say when the gateway that ran one ended half-way, and offer to take the rest', async () => {
    const row = await pool.query<{ id: string }>(
      `INSERT INTO bulk_actions (action, reason, actor, items, done, heartbeat_at) VALUES ('DISMISS', 'duplicates', 'sam', $1::bigint[], 1, now() - interval '5 minutes') RETURNING id::text`,
      [[ids.a1, ids.e1, ids.e2]],
    );
    const page = await (await signedIn('sam')).get(`/bulk/${row.rows[0]?.id}`);
    const text = textOf(page.body);
    expect(text).toContain('It stopped after 1 of 3: the gateway that ran it ended. What was taken stays taken.');
    expect(page.body).not.toContain('http-equiv="refresh"');
    expect(page.body).toContain(`<input type="hidden" name="ids" value="${ids.e1}">`);
    expect(page.body).toContain(`<input type="hidden" name="ids" value="${ids.e2}">`);
    expect(page.body).not.toContain(`<input type="hidden" name="ids" value="${ids.a1}">`);
    expect(text).toContain('DISMISS the other 2');
    expect((await (await signedIn('sam')).get('/bulk/999999')).statusCode).toBe(404);
  });
});
