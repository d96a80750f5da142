import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { advanceFile } from '../../gateway/pipeline/advance-file.js';
import { dryRunReplay } from '../../gateway/pipeline/replay-dry-run.js';
import { replayFile } from '../../gateway/pipeline/replay-file.js';
import { translateFile } from '../../gateway/pipeline/translate-file.js';
import { resubmitDocuments } from '../../gateway/outbound/resubmit-documents.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listFileDocuments } from '../../gateway/store/sql/documents.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { apiKeyOf } from '../helpers/api-keys.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { seedOutboundShipNotice } from '../helpers/document-seeds.js';
import { acknowledged, acmeFile, order850, partnerFrom, received, savePartner } from '../helpers/inbound-files.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

// Replaying received files from their stored bytes (one, or by filter; a dry run first), and resubmitting
// outbound documents by filter: from the pipeline modules, the command line and the API.

let pool: Pool;
let app: FastifyInstance;
let env: Record<string, string>;
let authorization: string;
const steps = { actor: 'replay-test' };
const startedAt = new Date(Date.now() - 1000);

type Json = Record<string, any>;

let isa13 = 900;
const nextControl = () => String((isa13 += 1)).padStart(9, '0');

/** An ACME order file whose third line is in a unit the profile does not know (bags, BG, until version 2), so it waits on an exception. */
async function failedOrder(po: string, unit = 'BG'): Promise<string> {
  const fileId = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001', { po, unit })]));
  const translated = await translateFile({ pool, ...steps }, fileId);
  if (translated.outcome !== 'translated' || translated.exceptions.length !== 1) throw new Error(`the order ${po} did not fail to translate`);
  return fileId;
}

async function count(table: string): Promise<number> {
  return (await pool.query(`SELECT count(*)::int AS count FROM ${table}`)).rows[0].count;
}

async function request(method: 'POST', url: string, payload: object) {
  const response = await app.inject({ method, url, headers: { authorization }, payload });
  return { status: response.statusCode, body: response.json() as Json };
}

let bagsFailed: string;
let bagsFixed: string;

beforeAll(async () => {
  const database = await createTestDatabase();
  pool = database.pool;
  env = { DATABASE_URL: database.url, EDI_LOG_LEVEL: 'warn' };
  const acme = partnerFrom('retailer-x12-4010');
  await savePartner(pool, acme);
  bagsFailed = await failedOrder('PO-BAGS-1');
  bagsFixed = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001', { po: 'PO-CASES' })]));
  await translateFile({ pool, ...steps }, bagsFixed);
  // Version 2 knows bags, and reads each (EA) as a case.
  const v2 = { ...acme, documents: acme.documents.map((document) => (document.document === 'order' ? { ...document, unitsOfMeasure: { BG: 'EA', EA: 'CS' } } : document)) };
  await savePartner(pool, v2, 1);
  app = await buildTestApp(pool);
  authorization = `Bearer ${await apiKeyOf(pool, 'sue', 'support')}`;
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

describe('a dry run', () => {
  it('shows set by set what the replay would make beside what the original made, and writes nothing', async () => {
    const before = await Promise.all(['received_files', 'events', 'documents', 'interchanges', 'exceptions'].map(count));
    const added = await dryRunReplay(pool, bagsFailed, {});
    expect(added).toMatchObject({ fileId: bagsFailed, partner: 'acme', profileVersion: 2, findings: [] });
    expect(added.sets).toEqual([expect.objectContaining({ message: '850', controlNumber: '0001', outcome: 'added', findings: [] })]);
    expect(added.sets[0]?.changes).toContainEqual({ path: 'orderNumber', before: undefined, after: 'PO-BAGS-1' });

    const none = await dryRunReplay(pool, bagsFailed, { profileVersion: 1 });
    expect(none.sets).toEqual([expect.objectContaining({ outcome: 'none', changes: [] })]);
    expect(none.sets[0]?.findings[0]?.message).toContain('"BG", which this map does not know');

    const changed = await dryRunReplay(pool, bagsFixed, {});
    expect(changed.sets[0]?.outcome).toBe('changed');
    expect(changed.sets[0]?.changes.length).toBeGreaterThan(0);
    for (const change of changed.sets[0]?.changes ?? []) expect([change.before, change.after]).toEqual(['EA', 'CS']);
    expect((await dryRunReplay(pool, bagsFixed, { profileVersion: 1 })).sets[0]).toMatchObject({ outcome: 'same', changes: [] });
    expect(await Promise.all(['received_files', 'events', 'documents', 'interchanges', 'exceptions'].map(count))).toEqual(before);
  });

  it('is refused for an unknown file or profile version', async () => {
    await expect(dryRunReplay(pool, '999999', {})).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(dryRunReplay(pool, bagsFailed, { profileVersion: 9 })).rejects.toMatchObject({ code: 'PARTNER_NOT_FOUND' });
  });
});

describe('a replay', () => {
  it('is a new file linked to the original, read with the current profile, not held as a duplicate, with no second acknowledgment', async () => {
    const acknowledgments = await count('acknowledgments_out');
    const replayed = await replayFile(pool, bagsFailed, { actor: 'dana', reason: 'bags are known now' });
    expect(replayed.replay).toMatchObject({ replayOf: bagsFailed, state: 'RECEIVED', profileVersion: null, acknowledges: false, receivedBy: 'dana', source: 'replay' });
    expect(replayed.profileVersion).toBe(2);
    const replay = await advanceFile({ pool, ...steps }, replayed.replay.id);
    expect(replay.state).toBe('ACKNOWLEDGED');
    const documents = await listFileDocuments(pool, replay.id);
    expect(documents.map((document) => [document.reference, document.state, document.profileVersion])).toEqual([['PO-BAGS-1', 'TRANSLATED', 2]]);
    expect((await pool.query('SELECT duplicate_of FROM interchanges WHERE file_id = $1', [replay.id])).rows).toEqual([{ duplicate_of: null }]);
    // The same interchange delivered again by the partner is still a duplicate.
    const content = (await pool.query('SELECT content FROM received_files WHERE id = $1', [bagsFailed])).rows[0].content as Buffer;
    const resent = await acknowledged(pool, 'acme', content);
    expect((await pool.query('SELECT duplicate_of::text FROM interchanges WHERE file_id = $1', [resent])).rows).toEqual([{ duplicate_of: expect.any(String) }]);
    expect(await count('acknowledgments_out')).toBe(acknowledgments);

    const original = await listEvents(pool, 'file', bagsFailed);
    expect(original.at(-1)).toMatchObject({ type: 'file.replayed', actor: 'dana', details: { replay: replay.id, reason: 'bags are known now', profileVersion: 2, pinned: false, acknowledge: false } });
    const own = await listEvents(pool, 'file', replay.id);
    expect(own[0]).toMatchObject({ type: 'file.received', actor: 'dana', details: { replayOf: bagsFailed, reason: 'bags are known now', source: 'replay' } });
    expect(own.map((event) => event.type)).toEqual(['file.received', 'file.identified', 'file.parsed', 'file.acknowledged', 'file.translated']);
  });

  it('may be pinned to a chosen profile version, and acknowledged when asked', async () => {
    const acknowledgments = await count('acknowledgments_out');
    const replayed = await replayFile(pool, bagsFailed, { actor: 'dana', reason: 'as it was read then', profileVersion: 1, acknowledge: true });
    expect(replayed).toMatchObject({ profileVersion: 1, replay: { profileVersion: 1, acknowledges: true } });
    const replay = await advanceFile({ pool, ...steps }, replayed.replay.id);
    expect(replay.state).toBe('ACKNOWLEDGED');
    expect(await listFileDocuments(pool, replay.id)).toEqual([]);
    const exceptions = await pool.query("SELECT code FROM exceptions WHERE file_id = $1 AND state = 'OPEN'", [replay.id]);
    expect(exceptions.rows).toEqual([{ code: 'TRANSLATION_FAILED' }]);
    expect(await count('acknowledgments_out')).toBe(acknowledgments + 1);
    expect((await listEvents(pool, 'file', replay.id)).find((event) => event.type === 'file.acknowledged')?.details).toMatchObject({ profileVersion: 1 });
  });

  it('is refused for an unknown file, a file still on its way, an unknown profile version, or no reason', async () => {
    await expect(replayFile(pool, '999999', { actor: 'dana', reason: 'r' })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(replayFile(pool, 'abc', { actor: 'dana', reason: 'r' })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    const fresh = await received(pool, 'acme', acmeFile(nextControl(), [order850('0001')]));
    await expect(replayFile(pool, fresh, { actor: 'dana', reason: 'r' })).rejects.toMatchObject({ code: 'FILE_NOT_REPLAYABLE', message: expect.stringContaining(`File ${fresh}`) });
    await expect(replayFile(pool, bagsFailed, { actor: 'dana', reason: 'r', profileVersion: 9 })).rejects.toMatchObject({
      code: 'PARTNER_NOT_FOUND',
      message: 'Partner "acme" has no profile version 9: its versions go from 1 to 2.',
    });
    await expect(replayFile(pool, bagsFailed, { actor: 'dana', reason: '  ' })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
  });
});

describe('the command line', () => {
  it('replays one file, shows a dry run, and refuses bad options', async () => {
    const dry = await runCliInProcess(['replay', bagsFixed, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`File ${bagsFixed} read again with profile version 2 of partner acme (a dry run: nothing was written).`);
    expect(dry.out).toMatch(/850 0001 \(interchange \d+\): changed\n {2}~ \S+: "EA" -> "CS"/);

    const done = await runCliInProcess(['replay', bagsFailed, '--reason', 'from the command line', '--by', 'kim', '--json'], env);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ original: bagsFailed, profileVersion: 2, replay: { replayOf: bagsFailed, state: 'ACKNOWLEDGED' } });

    const noReason = await runCliInProcess(['replay', bagsFailed], env);
    expect([noReason.code, noReason.err]).toEqual([2, expect.stringContaining('A replay needs a reason')]);
    const both = await runCliInProcess(['replay', bagsFailed, '--partner', 'acme', '--reason', 'r'], env);
    expect([both.code, both.err]).toEqual([2, expect.stringContaining('Name one row or give a filter (--partner), not both.')]);
    const version = await runCliInProcess(['replay', bagsFailed, '--profile-version', 'two', '--reason', 'r'], env);
    expect([version.code, version.err]).toEqual([2, expect.stringContaining('--profile-version must be a whole number')]);
  });

  it('replays by filter with progress on standard error, naming each failure, and requires a reason', async () => {
    const since = new Date().toISOString();
    const first = await failedOrder('PO-BULK-1', 'ZZ');
    const second = await failedOrder('PO-BULK-2', 'ZZ');
    const translated = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001', { po: 'PO-BULK-3' })]));
    await translateFile({ pool, ...steps }, translated);
    const filter = ['--partner', 'acme', '--state', 'ACKNOWLEDGED', '--since', since];

    const noReason = await runCliInProcess(['replay', ...filter], env);
    expect([noReason.code, noReason.err]).toEqual([2, expect.stringContaining('A replay needs a reason')]);
    const missing = await runCliInProcess(['replay', '--partner', 'acme', '--reason', 'r'], env);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('Without an id, --state, --since are required')]);

    const dry = await runCliInProcess(['replay', ...filter, '--reason', 'try version 2', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('3 files would be replayed');
    expect(dry.out).toContain(`file ${first}: 1 none\n`);

    const bulk = await runCliInProcess(['replay', ...filter, '--reason', 'bags are known now', '--by', 'kim'], env);
    expect(bulk.code).toBe(1);
    expect(bulk.err).toContain('Replaying the files of partner acme, ACKNOWLEDGED, received from');
    expect(bulk.err).toMatch(new RegExp(`\\[1/3\\] file ${first}: replayed as file \\d+, ACKNOWLEDGED`));
    expect(bulk.err).toMatch(new RegExp(`\\[3/3, 1 failed\\] file ${translated} failed: .*\\[FILE_NOT_REPLAYABLE\\]`));
    expect(bulk.out).toContain(`Replayed 2 of 3 files (partner acme, ACKNOWLEDGED`);
    expect(bulk.out).toContain(`1 failed: file ${translated} (FILE_NOT_REPLAYABLE).`);
    const replays = await pool.query('SELECT replay_of::text FROM received_files WHERE replay_of IN ($1, $2) AND received_by = $3', [first, second, 'kim']);
    expect(replays.rows.map((row) => row.replay_of).sort()).toEqual([first, second].sort());
  });
});

describe('bulk resubmit', () => {
  let rejected: string[];
  let overdue: string;
  beforeAll(async () => {
    const seed = (shipment: string, state: 'REJECTED' | 'OVERDUE', interchange: string) =>
      seedOutboundShipNotice(pool, { partner: 'acme', shipment, order: 'PO-1', state, interchange, createdAt: new Date().toISOString(), dueAt: new Date().toISOString(), reason: 'refused' });
    rejected = [await seed('SHIP-R1', 'REJECTED', '801'), await seed('SHIP-R2', 'REJECTED', '802')];
    overdue = await seed('SHIP-O1', 'OVERDUE', '803');
  });

  it('resubmits the documents the filter chooses, each recorded with who and why', async () => {
    const progress: string[] = [];
    const done = await resubmitDocuments(
      { pool, instance: 'replay-test' },
      { partner: 'acme', status: 'rejected', since: startedAt, until: new Date(Date.now() + 60_000) },
      { actor: 'dana', reason: 'the partner fixed its side' },
      (step) => progress.push(`${step.done}/${step.total} ${step.id}`),
    );
    expect(done.selected).toEqual(rejected);
    expect(done.resubmissions.map((resubmission) => resubmission.original)).toEqual(rejected);
    expect(done.failures).toEqual([]);
    expect(progress).toEqual([`1/2 ${rejected[0]}`, `2/2 ${rejected[1]}`]);
    expect((await listEvents(pool, 'document', rejected[0] as string)).at(-1)).toMatchObject({ type: 'document.resubmitted', actor: 'dana', details: { reason: 'the partner fixed its side' } });
    const again = await resubmitDocuments({ pool, instance: 'replay-test' }, { partner: 'acme', status: 'rejected', since: startedAt, until: new Date(Date.now() + 60_000) }, { actor: 'dana', reason: 'again' });
    expect(again.selected).toEqual([]);
  });

  it('from the command line, with progress, and a reason required', async () => {
    const noReason = await runCliInProcess(['resubmit', '--partner', 'acme', '--status', 'overdue', '--since', startedAt.toISOString()], env);
    expect([noReason.code, noReason.err]).toEqual([2, expect.stringContaining('--reason is required: say why the documents are sent again.')]);
    const badStatus = await runCliInProcess(['resubmit', '--partner', 'acme', '--status', 'late', '--since', '2026-01-01', '--reason', 'r'], env);
    expect([badStatus.code, badStatus.err]).toEqual([2, expect.stringContaining('--status must be one of overdue, rejected, got "late".')]);
    const badDay = await runCliInProcess(['resubmit', '--partner', 'acme', '--status', 'overdue', '--since', 'yesterday', '--reason', 'r'], env);
    expect([badDay.code, badDay.err]).toEqual([2, expect.stringContaining('--since must be a day (2026-03-01) or a date-time')]);
    const done = await runCliInProcess(['resubmit', '--partner', 'acme', '--status', 'overdue', '--since', startedAt.toISOString(), '--reason', 'asked the partner', '--by', 'kim', '--json'], env);
    expect(done.err).toMatch(new RegExp(`\\[1/1\\] document ${overdue}: sent again as document \\d+`));
    expect(JSON.parse(done.out)).toMatchObject({ selected: 1, resubmitted: 1, failed: 0, resubmissions: [{ original: overdue }] });
  });
});

describe('the API', () => {
  it('POST /api/files/:id/replay: a dry run, a replay, and what it refuses', async () => {
    const dry = await request('POST', `/api/files/${bagsFixed}/replay`, { dryRun: true, profileVersion: 1 });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ fileId: bagsFixed, profileVersion: 1, sets: [{ outcome: 'same', changes: [] }] });

    const replayed = await request('POST', `/api/files/${bagsFailed}/replay`, { reason: 'through the API', replayedBy: 'dana' });
    expect(replayed.status).toBe(201);
    expect(replayed.body).toMatchObject({ original: bagsFailed, profileVersion: 2, replay: { replayOf: bagsFailed, state: 'ACKNOWLEDGED' } });
    expect((await listEvents(pool, 'file', bagsFailed)).at(-1)).toMatchObject({ type: 'file.replayed', actor: 'sue', details: { onBehalfOf: 'dana', reason: 'through the API' } });
    const listed = await app.inject({ method: 'GET', url: '/api/files?partner=acme&limit=1', headers: { authorization } });
    expect(listed.json().files).toEqual([expect.objectContaining({ id: replayed.body.replay.id, replayOf: bagsFailed })]);

    const bad = await request('POST', `/api/files/${bagsFailed}/replay`, { reason: 'r', profileVersion: 0, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST_INVALID' });
    expect((await request('POST', `/api/files/${bagsFailed}/replay`, {})).body).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining('A replay needs a reason') });
    expect((await request('POST', '/api/files/999999/replay', { reason: 'r' })).status).toBe(404);
    expect((await request('POST', `/api/files/${bagsFailed}/replay`, { reason: 'r', profileVersion: 9 })).body).toMatchObject({ code: 'PARTNER_NOT_FOUND' });
  });

  it('POST /api/files/replay and POST /api/documents/resubmit: by filter, with counts and ids', async () => {
    const since = new Date().toISOString();
    const file = await failedOrder('PO-API-BULK', 'ZZ');
    const bulk = await request('POST', '/api/files/replay', { partner: 'acme', state: 'ACKNOWLEDGED', since, reason: 'bags are known now' });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toEqual({ selected: 1, replayed: 1, failed: 0, replays: [{ original: file, replay: expect.any(String), state: 'ACKNOWLEDGED' }], failures: [] });
    const refused = await request('POST', '/api/files/replay', { partner: 'acme', state: 'RECEIVED', since, reason: 'r' });
    expect(refused.status).toBe(400);
    const noVersion = await request('POST', '/api/files/replay', { partner: 'acme', state: 'ACKNOWLEDGED', since, reason: 'r', profileVersion: 9 });
    expect([noVersion.status, noVersion.body.code]).toEqual([404, 'PARTNER_NOT_FOUND']);
    const noReason = await request('POST', '/api/documents/resubmit', { partner: 'acme', status: 'overdue', since });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'REQUEST_INVALID']);
    const none = await request('POST', '/api/documents/resubmit', { partner: 'acme', status: 'rejected', since, reason: 'r' });
    expect(none.body).toEqual({ selected: 0, resubmitted: 0, failed: 0, resubmissions: [], failures: [] });
  });
});
