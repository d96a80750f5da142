import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SYNC_POLICY, syncDocument } from '../../gateway/pipeline/sync-document.js';
import { translateFile } from '../../gateway/pipeline/translate-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listFileDocuments } from '../../gateway/store/sql/documents.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { searchExceptions } from '../../gateway/store/sql/exception-search.js';
import { openException } from '../../gateway/store/sql/exceptions.js';
import { getProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { acknowledged, acmeFile, fileState, order850, partnerFrom, savePartner, setStates } from '../helpers/inbound-files.js';
import { createSyncDouble } from '../helpers/sync-double.js';
import { apiKeyOf } from '../helpers/api-keys.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

// What support does about exceptions, through the API and the command line: list them, read one, resolve one
// with an action it allows (RETRY runs the failed step again, DISMISS closes it with a reason), and nothing
// else: not an action it does not allow, not twice.

let pool: Pool;
let app: FastifyInstance;
let env: Record<string, string>;
const nudged = { translate: [] as string[], sync: [] as string[] };
/** The Authorization headers of support users: sue's unless a test says whose. */
const as: Record<string, { authorization: string }> = {};
const actor = 'test';

beforeAll(async () => {
  const database = await createTestDatabase();
  pool = database.pool;
  env = { DATABASE_URL: database.url, EDI_LOG_LEVEL: 'warn' };
  await savePartner(pool, partnerFrom('retailer-x12-4010'));
  app = await buildTestApp(pool, {
    retryNudges: { translate: async (fileId) => void nudged.translate.push(fileId), sync: async (documentId) => void nudged.sync.push(documentId) },
  });
  for (const user of ['sue', 'sam', 'kim']) as[user] = { authorization: `Bearer ${await apiKeyOf(pool, user, 'support')}` };
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

type Json = Record<string, any>;

async function request(method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = as.sue as { authorization: string }) {
  const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() as Json };
}

let isa13 = 700;

/** A file of ACME's with one order whose third line's unit no map knows: translated, with its exception open. */
async function failedTranslation(po: string, unit = 'BG'): Promise<{ fileId: string; exceptionId: string }> {
  const fileId = await acknowledged(pool, 'acme', acmeFile(String((isa13 += 1)).padStart(9, '0'), [order850('0001', { po, unit })]));
  const result = await translateFile({ pool, actor }, fileId);
  if (result.outcome !== 'translated' || !result.exceptions[0]) throw new Error('no exception was opened');
  return { fileId, exceptionId: result.exceptions[0] };
}

/** A file of ACME's with one order translated, whose sync was refused. */
async function refusedSync(po: string): Promise<{ fileId: string; documentId: string; exceptionId: string }> {
  const fileId = await acknowledged(pool, 'acme', acmeFile(String((isa13 += 1)).padStart(9, '0'), [order850('0001', { po })]));
  const translated = await translateFile({ pool, actor }, fileId);
  const documentId = translated.outcome === 'translated' ? (translated.documents[0] as string) : '';
  const port = createSyncDouble();
  port.answer({ outcome: 'refused', code: 'ODOO_RECORD_REFUSED', message: `No product matches SKU-2002 of ${po}.` });
  const synced = await syncDocument({ pool, actor, log: silentLog, port, policy: DEFAULT_SYNC_POLICY }, documentId);
  if (synced.outcome !== 'exception') throw new Error(`sync said ${synced.outcome}`);
  return { fileId, documentId, exceptionId: synced.exceptionId };
}

describe('GET /api/exceptions', () => {
  let first: { fileId: string; exceptionId: string };
  let second: { fileId: string; exceptionId: string };
  beforeAll(async () => {
    first = await failedTranslation('PO-LIST-1');
    second = await failedTranslation('PO-LIST-2');
  });

  it('lists them newest first, with the cause in plain words, the business reference and the actions', async () => {
    const { status, body } = await request('GET', `/api/exceptions?file=${second.fileId}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      exceptions: [
        {
          id: second.exceptionId,
          code: 'TRANSLATION_FAILED',
          title: expect.stringContaining('could not be translated into its canonical document'),
          message: expect.stringContaining('The order PO-LIST-2 (850 0001 in interchange'),
          partner: 'acme',
          reference: 'PO-LIST-2',
          fileId: second.fileId,
          setId: expect.any(String),
          documentId: null,
          location: expect.objectContaining({ element: 'PO103', set: '0001' }),
          actions: ['RETRY', 'REPLAY', 'DISMISS'],
          state: 'OPEN',
          resolution: null,
          resolvedBy: null,
          resolvedAt: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      nextBefore: null,
    });
  });

  it('filters by state, partner and code, and pages with nextBefore', async () => {
    const page = await request('GET', '/api/exceptions?state=OPEN&partner=acme&code=TRANSLATION_FAILED&limit=1');
    expect(page.body.exceptions.map((exception: Json) => exception.id)).toEqual([second.exceptionId]);
    expect(page.body.nextBefore).toBe(second.exceptionId);
    const next = await request('GET', `/api/exceptions?state=OPEN&partner=acme&code=TRANSLATION_FAILED&limit=1&before=${page.body.nextBefore}`);
    expect(next.body.exceptions.map((exception: Json) => exception.id)).toEqual([first.exceptionId]);
    expect((await request('GET', '/api/exceptions?partner=nobody')).body).toEqual({ exceptions: [], nextBefore: null });
    expect((await request('GET', '/api/exceptions?state=RESOLVED&code=TRANSLATION_FAILED')).body.exceptions.map((exception: Json) => exception.id)).not.toContain(first.exceptionId);
  });

  it('orders by number, not as text, across the 9-to-10 boundary of ids, page after page', async () => {
    for (let index = 0; index < 12; index += 1) await openException(pool, { key: `order:${index}`, code: 'TRANSLATION_FAILED', message: 'x', partner: 'numbered', actions: ['DISMISS'] });
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const page: { body: Json } = await request('GET', `/api/exceptions?partner=numbered&state=OPEN&limit=5${before ? `&before=${before}` : ''}`);
      seen.push(...(page.body.exceptions as Json[]).map((exception) => Number(exception.id)));
      before = page.body.nextBefore;
    } while (before);
    expect(seen).toHaveLength(12);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const dashboardOrder = (await searchExceptions(pool, { partner: 'numbered', limit: 20, timeZone: 'UTC' })).map((exception) => Number(exception.id));
    expect(dashboardOrder).toEqual(seen);
  });

  it('answers a bad filter with a problem naming it', async () => {
    const bad = await request('GET', '/api/exceptions?state=CLOSED&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'REQUEST_INVALID' });
    expect(bad.body.detail).toContain('"colour" is not known');
    expect(bad.body.detail).toContain('"state" must be one of OPEN, RESOLVED');
  });

  it('gives one exception by its id, and EXCEPTION_NOT_FOUND for none', async () => {
    const one = await request('GET', `/api/exceptions/${first.exceptionId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: first.exceptionId, reference: 'PO-LIST-1', state: 'OPEN' });
    const none = await request('GET', '/api/exceptions/999999');
    expect(none.status).toBe(404);
    expect(none.type).toContain('application/problem+json');
    expect(none.body).toMatchObject({ code: 'EXCEPTION_NOT_FOUND', detail: 'There is no exception "999999".' });
    expect((await request('GET', '/api/exceptions/abc')).status).toBe(400);
  });
});

describe('POST /api/exceptions/:id/resolve', () => {
  it('RETRY on a failed translation, once the profile is fixed: the set is taken again, translated and synced, and the file PROCESSED', async () => {
    const { fileId, exceptionId } = await failedTranslation('PO-RETRY', 'RL');
    const current = await getProfileVersion(pool, 'acme');
    const profile = current?.profile as NonNullable<typeof current>['profile'];
    const documents = profile.documents.map((entry) => (entry.message === '850' ? { ...entry, unitsOfMeasure: { RL: 'RO' } } : entry));
    await savePartner(pool, { ...profile, documents }, current?.version);

    const resolved = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'RETRY', reason: 'RL added to the unit table' }, as.sam);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      next: 'nudged',
      exception: { id: exceptionId, state: 'RESOLVED', resolution: 'RETRY: RL added to the unit table', resolvedBy: 'sam', resolvedAt: expect.any(String) },
    });
    expect(nudged.translate).toContain(fileId);
    expect(await setStates(pool, fileId)).toEqual([['0001', 'ACCEPTED']]);
    expect((await listEvents(pool, 'exception', exceptionId)).map((event) => [event.type, event.actor, event.details.action, event.details.reason])).toEqual([
      ['exception.resolved', 'sam', 'RETRY', 'RL added to the unit table'],
    ]);

    const again = await translateFile({ pool, actor }, fileId);
    expect(again).toMatchObject({ outcome: 'translated', exceptions: [] });
    const [document] = await listFileDocuments(pool, fileId);
    expect(document).toMatchObject({ reference: 'PO-RETRY', profileVersion: (current?.version ?? 0) + 1 });
    expect(await syncDocument({ pool, actor, log: silentLog, port: createSyncDouble(), policy: DEFAULT_SYNC_POLICY }, document?.id as string)).toMatchObject({ outcome: 'synced', processed: true });
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
  });

  it('refuses to resolve it twice, or two at once', async () => {
    const { exceptionId } = await failedTranslation('PO-TWICE');
    const both = await Promise.all([1, 2].map(() => request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'DISMISS', reason: 'sent by mistake' })));
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const twice = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'RETRY' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'EXCEPTION_NOT_OPEN' });
    expect(twice.body.detail).toMatch(new RegExp(`^Exception ${exceptionId} was resolved already, by sue on .*: DISMISS: sent by mistake\\.$`));
    expect((await listEvents(pool, 'exception', exceptionId)).map((event) => event.type)).toEqual(['exception.resolved']);
  });

  it('refuses an action the exception does not allow, and one that resolving does not carry out, leaving it open', async () => {
    const { exceptionId } = await failedTranslation('PO-NOT-ALLOWED');
    const resubmit = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'RESUBMIT' });
    expect(resubmit.status).toBe(409);
    expect(resubmit.body).toMatchObject({ code: 'EXCEPTION_ACTION_NOT_ALLOWED', detail: `Exception ${exceptionId} (TRANSLATION_FAILED) allows RETRY, REPLAY, DISMISS, not RESUBMIT.` });
    const replay = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'REPLAY' });
    expect(replay.status).toBe(409);
    expect(replay.body.detail).toBe(`REPLAY on exception ${exceptionId} (TRANSLATION_FAILED) is not carried out by resolving it; only RETRY and DISMISS are.`);
    const unknown = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'SHRUG' });
    expect(unknown.status).toBe(400);
    expect((await request('GET', `/api/exceptions/${exceptionId}`)).body.state).toBe('OPEN');
    expect((await request('POST', '/api/exceptions/999999/resolve', { action: 'DISMISS', reason: 'x' })).body.code).toBe('EXCEPTION_NOT_FOUND');
  });

  it('DISMISS needs a reason; with one, a refused document and its set need nothing more, and the file is PROCESSED', async () => {
    const { fileId, documentId, exceptionId } = await refusedSync('PO-DISMISS');
    const bare = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'DISMISS' });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining('DISMISS needs a reason') });
    const dismissed = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'DISMISS', reason: 'order cancelled by phone' }, as.kim);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ next: 'none', exception: { resolution: 'DISMISS: order cancelled by phone', resolvedBy: 'kim' } });
    expect((await listFileDocuments(pool, fileId)).map((document) => [document.id, document.state])).toEqual([[documentId, 'DISMISSED']]);
    expect(await setStates(pool, fileId)).toEqual([['0001', 'DISMISSED']]);
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
  });

  it('RETRY on a refused sync makes the document due again, nudged, under the same idempotency key', async () => {
    const { fileId, documentId, exceptionId } = await refusedSync('PO-RESYNC');
    const resolved = await request('POST', `/api/exceptions/${exceptionId}/resolve`, { action: 'RETRY' });
    expect(resolved.body).toMatchObject({ next: 'nudged', exception: { resolution: 'RETRY', resolvedBy: 'sue' } });
    expect(nudged.sync).toContain(documentId);
    expect(await setStates(pool, fileId)).toEqual([['0001', 'TRANSLATED']]);
    const port = createSyncDouble();
    expect(await syncDocument({ pool, actor, log: silentLog, port, policy: DEFAULT_SYNC_POLICY }, documentId)).toMatchObject({ outcome: 'synced', processed: true });
    expect(port.calls[0]?.idempotencyKey).toBe(`inbound-document:${documentId}`);
  });

  it("holds a file while another step's exception about it is open, and lets it be PROCESSED once that is dismissed", async () => {
    const content = acmeFile(String((isa13 += 1)).padStart(9, '0'), [order850('0001', { po: 'PO-TWICE-SENT' })]);
    await acknowledged(pool, 'acme', content);
    const duplicate = await acknowledged(pool, 'acme', content);
    expect(await setStates(pool, duplicate)).toEqual([['0001', 'REJECTED']]);
    expect(await translateFile({ pool, actor }, duplicate)).toEqual({ outcome: 'already-done' });
    expect(await fileState(pool, duplicate)).toBe('ACKNOWLEDGED');
    const [held] = (await request('GET', `/api/exceptions?file=${duplicate}`)).body.exceptions as Json[];
    expect(held).toMatchObject({ code: 'DUPLICATE_INTERCHANGE', actions: ['FORCE', 'DISMISS'] });

    const dismissed = await request('POST', `/api/exceptions/${held?.id}/resolve`, { action: 'DISMISS', reason: 'a resend of the same order' });
    expect(dismissed.body).toMatchObject({ next: 'none', exception: { state: 'RESOLVED' } });
    expect(await fileState(pool, duplicate)).toBe('PROCESSED');
  });

  it('forces a duplicate through with a reason: its sets accepted, translated and synced, the forcing recorded with who and why', async () => {
    const content = acmeFile(String((isa13 += 1)).padStart(9, '0'), [order850('0001', { po: 'PO-SENT-AGAIN' })]);
    await acknowledged(pool, 'acme', content);
    const duplicate = await acknowledged(pool, 'acme', content);
    const [held] = (await request('GET', `/api/exceptions?file=${duplicate}`)).body.exceptions as Json[];

    const noReason = await request('POST', `/api/exceptions/${held?.id}/resolve`, { action: 'FORCE' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('REQUEST_INVALID');

    const forced = await request('POST', `/api/exceptions/${held?.id}/resolve`, { action: 'FORCE', reason: 'the partner needs the order twice' }, as.sam);
    expect(forced.body).toMatchObject({ exception: { state: 'RESOLVED', resolution: 'FORCE: the partner needs the order twice' } });
    expect((await setStates(pool, duplicate)).map(([, state]) => state)).toEqual(['ACCEPTED']);
    expect(await translateFile({ pool, actor }, duplicate)).toMatchObject({ outcome: 'translated' });
    expect((await pool.query('SELECT duplicate_forced_by AS by, duplicate_forced_reason AS reason FROM interchanges WHERE file_id = $1', [duplicate])).rows).toEqual([
      { by: 'sam', reason: 'FORCE: the partner needs the order twice' },
    ]);
    expect((await listEvents(pool, 'file', duplicate)).map((event) => event.type)).toContain('file.duplicate-forced');
  });

  it('is described by /api/openapi.json, with the problems each route can answer', async () => {
    const { body } = await request('GET', '/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/exceptions', '/api/exceptions/{id}', '/api/exceptions/{id}/resolve']));
    expect(body.paths['/api/exceptions'].get.parameters.map((parameter: Json) => parameter.name)).toEqual(['state', 'partner', 'code', 'file', 'before', 'limit']);
    const resolve = body.paths['/api/exceptions/{id}/resolve'].post;
    expect(resolve.responses['409'].description).toContain('EXCEPTION_NOT_OPEN');
    expect(resolve.responses['409'].description).toContain('EXCEPTION_ACTION_NOT_ALLOWED');
    expect(resolve.responses['404'].description).toContain('EXCEPTION_NOT_FOUND');
    expect(resolve.requestBody.content['application/json'].schema.properties.action.enum).toEqual(['RETRY', 'FORCE', 'REPLAY', 'RESUBMIT', 'DISMISS']);
  });
});

describe('edi-gateway exceptions', () => {
  it('list: the open ones as a table, or as JSON lines; all of them with --state all', async () => {
    const { exceptionId } = await failedTranslation('PO-CLI-LIST');
    const table = await runCliInProcess(['exceptions', 'list', '--partner', 'acme'], env);
    expect(table.err).toBe('');
    expect(table.code).toBe(0);
    const [header, ...rows] = table.out.trimEnd().split('\n');
    expect(header).toMatch(/^ID +OPENED +STATE +PARTNER +REFERENCE +CODE +ACTIONS +CAUSE$/);
    expect(rows.find((row) => row.startsWith(`${exceptionId} `))).toMatch(/OPEN +acme +PO-CLI-LIST +TRANSLATION_FAILED +RETRY,REPLAY,DISMISS +The order PO-CLI-LIST/);
    expect(rows.every((row) => / OPEN /.test(row))).toBe(true);

    const json = await runCliInProcess(['exceptions', 'list', '--json', '--state', 'all', '--code', 'TRANSLATION_FAILED', '--limit', '500'], env);
    const listed = json.out.trim().split('\n').map((line) => JSON.parse(line) as Json);
    expect(listed.find((exception) => exception.id === exceptionId)).toMatchObject({ reference: 'PO-CLI-LIST', state: 'OPEN' });
    expect(listed.some((exception) => exception.state === 'RESOLVED')).toBe(true);

    const bad = await runCliInProcess(['exceptions', 'list', '--state', 'CLOSED'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--state must be one of OPEN, RESOLVED or all, got "CLOSED" [REQUEST_INVALID]');
  });

  it('resolve: DISMISS with a reason, recorded with who; not twice; not an action it does not allow', async () => {
    const { fileId, exceptionId } = await failedTranslation('PO-CLI-DISMISS');
    const refused = await runCliInProcess(['exceptions', 'resolve', exceptionId, '--action', 'RESUBMIT'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('allows RETRY, REPLAY, DISMISS, not RESUBMIT. [EXCEPTION_ACTION_NOT_ALLOWED]');
    const noReason = await runCliInProcess(['exceptions', 'resolve', exceptionId, '--action', 'DISMISS'], env);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('[REQUEST_INVALID]');

    const done = await runCliInProcess(['exceptions', 'resolve', exceptionId, '--action', 'DISMISS', '--reason', 'duplicate of PO-1', '--by', 'alex'], env);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toBe(`Exception ${exceptionId} resolved: DISMISS: duplicate of PO-1 (by alex).\n`);
    expect(await setStates(pool, fileId)).toEqual([['0001', 'DISMISSED']]);
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
    expect((await listEvents(pool, 'exception', exceptionId)).map((event) => [event.actor, event.details.action])).toEqual([['alex', 'DISMISS']]);

    const twice = await runCliInProcess(['exceptions', 'resolve', exceptionId, '--action', 'DISMISS', '--reason', 'again'], env);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('[EXCEPTION_NOT_OPEN]');
    const missing = await runCliInProcess(['exceptions', 'resolve', '999999', '--action', 'RETRY'], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[EXCEPTION_NOT_FOUND]');
    const noAction = await runCliInProcess(['exceptions', 'resolve', exceptionId], env);
    expect(noAction.code).toBe(2);
    expect(noAction.err).toContain('--action must be one of RETRY, FORCE, REPLAY, RESUBMIT, DISMISS');
  });

  it('resolve: RETRY puts the step back for the sweep, there being no scheduler to nudge', async () => {
    const { fileId, exceptionId } = await failedTranslation('PO-CLI-RETRY');
    const done = await runCliInProcess(['exceptions', 'resolve', exceptionId, '--action', 'RETRY', '--by', 'alex'], env);
    expect(done.code).toBe(0);
    expect(done.out).toBe(`Exception ${exceptionId} resolved: RETRY (by alex). The gateway takes it up again on its next sweep (EDI_SWEEP_INTERVAL_MS).\n`);
    expect(await setStates(pool, fileId)).toEqual([['0001', 'ACCEPTED']]);
  });
});
