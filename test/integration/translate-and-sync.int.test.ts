import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Alert } from '../../gateway/alerts/alert.js';
import type { Notifier } from '../../gateway/alerts/notifier.js';
import { renderAlert } from '../../gateway/alerts/render-alert.js';
import { retryDueAlerts } from '../../gateway/alerts/send-alerts.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import { sweepStuckFiles } from '../../gateway/pipeline/sweep-stuck-files.js';
import { DEFAULT_SYNC_POLICY, idempotencyKeyOf, syncDocument, type SyncPolicy } from '../../gateway/pipeline/sync-document.js';
import { createSyncToLog } from '../../gateway/pipeline/sync-to-log.js';
import { translateFile } from '../../gateway/pipeline/translate-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { getAlertByKey } from '../../gateway/store/sql/alerts.js';
import { getDocument, listFileDocuments, listSyncIntents } from '../../gateway/store/sql/documents.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { listExceptions } from '../../gateway/store/sql/exceptions.js';
import { acknowledgeFileJob } from '../../scheduler/jobs/acknowledge-file.js';
import { sendAlertsJob } from '../../scheduler/jobs/send-alerts.js';
import { syncDocumentJob } from '../../scheduler/jobs/sync-document.js';
import { translateFileJob } from '../../scheduler/jobs/translate-file.js';
import { TEMPLATE_SAMPLES, acknowledged, acmeFile, fileState, order850, partnerFrom, received, savePartner, setStates } from '../helpers/inbound-files.js';
import { createSyncDouble, type SyncDouble } from '../helpers/sync-double.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

// The inbound half after acknowledgment, on a real database: accepted sets translated into canonical
// documents (or opening an exception), documents synced through the port with intents and a fencing token,
// the file PROCESSED once everything in it is done, and the alerts support gets.

let pool: Pool;
const actor = 'test';

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  await savePartner(pool, partnerFrom('retailer-x12-4010'));
  await savePartner(pool, partnerFrom('retailer-edifact-d96a'));
});
afterAll(async () => pool.end());

function syncDeps(port: SyncDouble, policy: Partial<SyncPolicy> = {}) {
  return { pool, actor, log: silentLog, port, policy: { ...DEFAULT_SYNC_POLICY, ...policy } };
}

let isa13 = 500;
const nextControl = () => String((isa13 += 1)).padStart(9, '0');

/** An ACME file of these sets, acknowledged and translated; the new documents' ids. */
async function translated(sets: readonly string[]): Promise<{ fileId: string; documents: readonly string[]; exceptions: readonly string[] }> {
  const fileId = await acknowledged(pool, 'acme', acmeFile(nextControl(), sets));
  const result = await translateFile({ pool, actor }, fileId);
  if (result.outcome !== 'translated') throw new Error(`translate said ${result.outcome}`);
  return { fileId, documents: result.documents, exceptions: result.exceptions };
}

async function documentState(id: string): Promise<{ state: string; sync_attempt: number; sync_deferrals: number; sync_reference: string | null; due: boolean }> {
  return (await pool.query('SELECT state, sync_attempt, sync_deferrals, sync_reference, next_attempt_at <= now() AS due FROM documents WHERE id = $1', [id])).rows[0];
}

describe('a good file, from arrival to PROCESSED', () => {
  it('takes an 850 RECEIVED ... ACKNOWLEDGED, its set TRANSLATED with the canonical Order stored, then SYNCED, and the file PROCESSED', async () => {
    const content = fs.readFileSync(`${TEMPLATE_SAMPLES}/retailer-x12-4010/850-004010-full.x12`);
    const fileId = await acknowledged(pool, 'acme', content);
    expect(await fileState(pool, fileId)).toBe('ACKNOWLEDGED');

    const first = await translateFile({ pool, actor }, fileId);
    expect(first).toMatchObject({ outcome: 'translated', exceptions: [], processed: false });
    const [documentId] = first.outcome === 'translated' ? first.documents : [];
    expect(await translateFile({ pool, actor }, fileId)).toEqual({ outcome: 'already-done' });
    expect(await setStates(pool, fileId)).toEqual([['0001', 'TRANSLATED']]);

    const stored = await getDocument(pool, documentId as string);
    const expected = JSON.parse(fs.readFileSync(`${TEMPLATE_SAMPLES}/retailer-x12-4010/850-004010-full.json`, 'utf8')) as unknown[];
    expect(stored).toMatchObject({ kind: 'Order', partner: 'acme', reference: 'PO-4711', fileId, profileVersion: 1, state: 'TRANSLATED', messageType: '850', setControlNumber: '0001' });
    expect(stored?.canonical).toEqual(expected[0]);

    const port = createSyncDouble();
    const synced = await syncDocument(syncDeps(port), documentId as string);
    expect(synced).toEqual({ outcome: 'synced', reference: `synced-${documentId}`, processed: true });
    expect(port.calls).toEqual([{ document: expect.objectContaining({ id: documentId, kind: 'Order', reference: 'PO-4711', canonical: expected[0] }), idempotencyKey: idempotencyKeyOf(documentId as string) }]);
    expect(await syncDocument(syncDeps(port), documentId as string)).toEqual({ outcome: 'already-done' });
    expect(port.calls).toHaveLength(1);

    expect(await fileState(pool, fileId)).toBe('PROCESSED');
    expect(await setStates(pool, fileId)).toEqual([['0001', 'SYNCED']]);
    expect(await documentState(documentId as string)).toMatchObject({ state: 'SYNCED', sync_attempt: 1, sync_reference: `synced-${documentId}` });
    expect(await listSyncIntents(pool, documentId as string)).toEqual([
      { attempt: 1, idempotencyKey: `inbound-document:${documentId}`, startedBy: actor, outcome: 'synced', reference: `synced-${documentId}`, code: null },
    ]);
    expect((await listEvents(pool, 'file', fileId)).map((event) => event.type)).toEqual(['file.received', 'file.identified', 'file.parsed', 'file.acknowledged', 'file.translated', 'file.processed']);
    expect((await listEvents(pool, 'file', fileId)).at(-1)?.details).toEqual({ partner: 'acme', sets: { SYNCED: 1 } });
    expect((await listEvents(pool, 'inbound-document', documentId as string)).map((event) => event.type)).toEqual(['document.translated', 'document.sync-started', 'document.synced']);
    expect(await translateFile({ pool, actor }, fileId)).toEqual({ outcome: 'already-done' });
  });

  it('translates an EDIFACT ORDERS the same way, with its partner', async () => {
    const fileId = await acknowledged(pool, 'euromart', fs.readFileSync(`${TEMPLATE_SAMPLES}/retailer-edifact-d96a/orders-d96a-full.edi`));
    const result = await translateFile({ pool, actor }, fileId);
    expect(result).toMatchObject({ outcome: 'translated', exceptions: [] });
    const [document] = await listFileDocuments(pool, fileId);
    const expected = JSON.parse(fs.readFileSync(`${TEMPLATE_SAMPLES}/retailer-edifact-d96a/orders-d96a-full.json`, 'utf8')) as unknown[];
    expect(document).toMatchObject({ kind: 'Order', partner: 'euromart', reference: 'PO-4711', messageType: 'ORDERS' });
    expect(document?.canonical).toEqual(expected[0]);
  });

  it('makes a file whose sets were all rejected by validation PROCESSED at once: they were answered in its 997', async () => {
    const fileId = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001', { date: '20250230' })]));
    expect(await setStates(pool, fileId)).toEqual([['0001', 'REJECTED']]);
    expect(await translateFile({ pool, actor }, fileId)).toEqual({ outcome: 'translated', documents: [], exceptions: [], processed: true });
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
    expect(await listFileDocuments(pool, fileId)).toEqual([]);
  });

  it('waits for acknowledgment, and says when there is no such file', async () => {
    const fileId = await received(pool, 'acme', acmeFile(nextControl(), [order850('0001')]));
    expect(await translateFile({ pool, actor }, fileId)).toEqual({ outcome: 'not-acknowledged' });
    expect(await translateFile({ pool, actor }, '999999999')).toEqual({ outcome: 'not-found' });
    expect(await syncDocument(syncDeps(createSyncDouble()), '999999999')).toEqual({ outcome: 'not-found' });
  });
});

describe('a set whose map fails', () => {
  it('opens one exception with the cause in plain words, the order number and an alert, however often and concurrently the step runs; the good set goes on', async () => {
    const fileId = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001', { po: 'PO-GOOD' }), order850('0002', { po: 'PO-BAGS', unit: 'BG' }), order850('0003', { date: '20250230' })]));
    const runs = await Promise.all([1, 2, 3].map(() => translateFile({ pool, actor }, fileId)));
    expect(runs.map((run) => run.outcome).sort()).toEqual(['already-done', 'already-done', 'translated']);
    expect(await translateFile({ pool, actor }, fileId)).toEqual({ outcome: 'already-done' });
    expect(await setStates(pool, fileId)).toEqual([
      ['0001', 'TRANSLATED'],
      ['0002', 'EXCEPTION'],
      ['0003', 'REJECTED'],
    ]);

    const exceptions = await listExceptions(pool, { fileId, limit: 10 });
    expect(exceptions).toHaveLength(1);
    const [exception] = exceptions;
    expect(exception).toMatchObject({
      code: 'TRANSLATION_FAILED',
      state: 'OPEN',
      partner: 'acme',
      reference: 'PO-BAGS',
      fileId,
      documentId: null,
      actions: ['RETRY', 'REPLAY', 'DISMISS'],
      location: expect.objectContaining({ set: '0002', message: '850', element: 'PO103', segmentPosition: 19 }),
    });
    expect(exception?.message).toBe(
      `The order PO-BAGS (850 0002 in interchange ${isa13.toString().padStart(9, '0')}) could not be translated: PO103, the unit of the quantity ordered, is "BG", which this map does not know; add it to the partner's unit-of-measure table.`,
    );
    const alert = await getAlertByKey(pool, `exception-opened:${exception?.id}`);
    expect(alert?.alert).toMatchObject({ kind: 'exception-opened', code: 'TRANSLATION_FAILED', partner: { id: 'acme', name: 'ACME Retail' }, reference: { document: 'order', number: 'PO-BAGS' }, fileId });
    expect(renderAlert(alert?.alert as Alert).subject).toBe(`A problem with order PO-BAGS for ACME Retail needs attention (exception ${exception?.id})`);
    expect((await pool.query("SELECT count(*)::int AS n FROM alerts WHERE kind = 'exception-opened' AND file_id = $1", [fileId])).rows[0].n).toBe(1);
    expect((await listEvents(pool, 'set', exception?.setId as string)).map((event) => event.type)).toEqual(['set.translation-failed']);

    // The good order syncs; the file waits on the exception, ACKNOWLEDGED.
    const [document] = await listFileDocuments(pool, fileId);
    expect(document?.reference).toBe('PO-GOOD');
    expect((await syncDocument(syncDeps(createSyncDouble()), document?.id as string)).outcome).toBe('synced');
    expect(await fileState(pool, fileId)).toBe('ACKNOWLEDGED');
  });
});

describe('sync outcomes', () => {
  it("'refused' opens an exception with the port's code and words, and an alert; the file waits", async () => {
    const { fileId, documents } = await translated([order850('0001', { po: 'PO-REFUSED' })]);
    const port = createSyncDouble();
    port.answer({ outcome: 'refused', code: 'ODOO_RECORD_REFUSED', message: 'Odoo says: the customer ACME has no delivery address.' });
    const result = await syncDocument(syncDeps(port), documents[0] as string);
    expect(result).toMatchObject({ outcome: 'exception' });
    const [exception] = await listExceptions(pool, { fileId, limit: 10 });
    expect(exception).toMatchObject({
      id: result.outcome === 'exception' ? result.exceptionId : '',
      code: 'ODOO_RECORD_REFUSED',
      reference: 'PO-REFUSED',
      documentId: documents[0],
      actions: ['RETRY', 'DISMISS'],
      message: `The order PO-REFUSED (850 0001 in file ${fileId}) was refused by the system of record: Odoo says: the customer ACME has no delivery address.`,
    });
    expect(await documentState(documents[0] as string)).toMatchObject({ state: 'EXCEPTION', sync_attempt: 1 });
    expect(await setStates(pool, fileId)).toEqual([['0001', 'EXCEPTION']]);
    expect(await fileState(pool, fileId)).toBe('ACKNOWLEDGED');
    expect((await getAlertByKey(pool, `exception-opened:${exception?.id}`))?.alert).toMatchObject({ code: 'ODOO_RECORD_REFUSED', documentId: documents[0] });
    expect(await listSyncIntents(pool, documents[0] as string)).toEqual([expect.objectContaining({ attempt: 1, outcome: 'refused', code: 'ODOO_RECORD_REFUSED' })]);
    expect(await syncDocument(syncDeps(port), documents[0] as string)).toEqual({ outcome: 'already-done' });
    expect(port.calls).toHaveLength(1);
  });

  it("'retry-later' is tried again once its wait is over, with the same idempotency key, and then synced", async () => {
    const { fileId, documents } = await translated([order850('0001')]);
    const id = documents[0] as string;
    const port = createSyncDouble();
    port.answer({ outcome: 'retry-later', code: 'ODOO_UNAVAILABLE', message: 'Odoo did not answer within 30 s.' });
    expect(await syncDocument(syncDeps(port), id)).toEqual({ outcome: 'deferred', waitMs: DEFAULT_SYNC_POLICY.retryMs });
    expect(await documentState(id)).toMatchObject({ state: 'TRANSLATED', sync_deferrals: 1, due: false });
    expect(await setStates(pool, fileId)).toEqual([['0001', 'TRANSLATED']]);
    expect((await listEvents(pool, 'inbound-document', id)).at(-1)).toMatchObject({ type: 'document.sync-deferred', details: { code: 'ODOO_UNAVAILABLE', waitMs: 30_000 } });

    // Not before its time: neither the step nor the sweep takes it.
    expect(await syncDocument(syncDeps(port), id)).toEqual({ outcome: 'not-due' });
    const nudged: string[] = [];
    const sweep = () =>
      sweepStuckFiles({
        pool,
        stuckAfterMs: 60_000,
        nudgeIdentify: async () => undefined,
        nudgeParse: async () => undefined,
        nudgeAcknowledge: async () => undefined,
        nudgeDeliver: async () => undefined,
        nudgeTranslate: async () => undefined,
        nudgeSync: async (documentId) => void nudged.push(documentId),
      });
    await sweep();
    expect(nudged).not.toContain(id);

    await pool.query("UPDATE documents SET next_attempt_at = now() - interval '1 second', state_changed_at = now() - interval '10 minutes' WHERE id = $1", [id]);
    await sweep();
    expect(nudged).toContain(id);
    expect(await syncDocument(syncDeps(port), id)).toEqual({ outcome: 'synced', reference: `synced-${id}`, processed: true });
    expect(port.calls.map((call) => call.idempotencyKey)).toEqual([idempotencyKeyOf(id), idempotencyKeyOf(id)]);
    expect((await listSyncIntents(pool, id)).map((intent) => [intent.attempt, intent.outcome])).toEqual([
      [1, 'retry-later'],
      [2, 'synced'],
    ]);
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
  });

  it('opens an exception once the deferrals allowed run out, and takes a port that throws as a deferral', async () => {
    const { fileId, documents } = await translated([order850('0001', { po: 'PO-DOWN' })]);
    const id = documents[0] as string;
    const port = createSyncDouble();
    port.answer({ outcome: 'retry-later', code: 'ODOO_UNAVAILABLE', message: 'Odoo is down.' }, { outcome: 'retry-later', code: 'ODOO_UNAVAILABLE', message: 'Odoo is still down.' });
    const policy = { attempts: 3, retryMs: 1 };
    expect(await syncDocument(syncDeps(port, policy), id)).toEqual({ outcome: 'deferred', waitMs: 1 });
    const throwing = { ...port, sync: async () => Promise.reject(new Error('socket hang up')) };
    await pool.query("UPDATE documents SET next_attempt_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect(await syncDocument({ ...syncDeps(port, policy), port: throwing }, id)).toEqual({ outcome: 'deferred', waitMs: 2 });
    expect((await listSyncIntents(pool, id)).at(-1)).toMatchObject({ outcome: 'retry-later', code: 'INTERNAL' });
    await pool.query("UPDATE documents SET next_attempt_at = now() - interval '1 second' WHERE id = $1", [id]);
    const last = await syncDocument(syncDeps(port, policy), id);
    expect(last).toMatchObject({ outcome: 'exception' });
    const [exception] = await listExceptions(pool, { fileId, limit: 10 });
    expect(exception).toMatchObject({ code: 'ODOO_UNAVAILABLE', actions: ['RETRY', 'DISMISS'] });
    expect(exception?.message).toBe(`The order PO-DOWN (850 0001 in file ${fileId}) could not be synced in 3 attempts in a row; the last answer was: Odoo is still down.`);
    expect(await documentState(id)).toMatchObject({ state: 'EXCEPTION' });
  });
});

describe('fencing', () => {
  it('an attempt that outlived its lease and finishes after a newer one changes nothing', async () => {
    const { fileId, documents } = await translated([order850('0001')]);
    const id = documents[0] as string;
    const port = createSyncDouble();
    const held = port.hold();
    // A lease of 1 ms: the first attempt is past it as soon as it has started.
    const older = syncDocument(syncDeps(port, { leaseMs: 1 }), id);
    const releaseOlder = await held;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await syncDocument(syncDeps(port, { leaseMs: 1 }), id)).toEqual({ outcome: 'synced', reference: `synced-${id}`, processed: true });
    releaseOlder({ outcome: 'refused', code: 'ODOO_RECORD_REFUSED', message: 'too late to matter' });
    expect(await older).toEqual({ outcome: 'superseded' });

    expect(await documentState(id)).toMatchObject({ state: 'SYNCED', sync_attempt: 2, sync_reference: `synced-${id}` });
    expect(await listExceptions(pool, { fileId, limit: 10 })).toEqual([]);
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
    expect((await listSyncIntents(pool, id)).map((intent) => [intent.attempt, intent.outcome])).toEqual([
      [1, null],
      [2, 'synced'],
    ]);
    const events = await listEvents(pool, 'inbound-document', id);
    expect(events.map((event) => event.type)).toEqual(['document.translated', 'document.sync-started', 'document.sync-started', 'document.synced']);
    expect(events[2]?.details).toMatchObject({ attempt: 2, tookOverAttempt: 1 });
  });

  it('a second attempt within the lease of a running one does nothing', async () => {
    const { documents } = await translated([order850('0001')]);
    const id = documents[0] as string;
    const port = createSyncDouble();
    const held = port.hold();
    const first = syncDocument(syncDeps(port), id);
    const release = await held;
    expect(await syncDocument(syncDeps(port), id)).toEqual({ outcome: 'in-progress' });
    release({ outcome: 'synced', reference: 'SO-1' });
    expect(await first).toEqual({ outcome: 'synced', reference: 'SO-1', processed: true });
    expect(port.calls).toHaveLength(1);
  });
});

describe('the sweep and the jobs', () => {
  it('nudges files left with untranslated sets and documents left unsynced, not those waiting on an exception', async () => {
    const untranslated = await acknowledged(pool, 'acme', acmeFile(nextControl(), [order850('0001')]));
    const waiting = await translated([order850('0001', { unit: 'BG' })]);
    const unsynced = await translated([order850('0001')]);
    await pool.query("UPDATE transaction_sets SET state_changed_at = now() - interval '10 minutes'");
    await pool.query("UPDATE received_files SET state_changed_at = now() - interval '10 minutes'");
    await pool.query("UPDATE documents SET state_changed_at = now() - interval '10 minutes' WHERE id = $1", [unsynced.documents[0]]);
    const translate: string[] = [];
    const sync: string[] = [];
    const swept = await sweepStuckFiles({
      pool,
      stuckAfterMs: 60_000,
      nudgeIdentify: async () => undefined,
      nudgeParse: async () => undefined,
      nudgeAcknowledge: async () => undefined,
      nudgeDeliver: async () => undefined,
      nudgeTranslate: async (fileId) => void translate.push(fileId),
      nudgeSync: async (documentId) => void sync.push(documentId),
    });
    expect(translate).toContain(untranslated);
    expect(translate).not.toContain(waiting.fileId);
    expect(translate).not.toContain(unsynced.fileId);
    expect(sync).toContain(unsynced.documents[0]);
    expect(swept.files.ACKNOWLEDGED).toBe(translate.length);
    expect(swept.documents).toBe(sync.length);
  });

  it('acknowledge nudges translation; translation nudges the sync of each document; the log adapter syncs it as logged', async () => {
    const fileId = await received(pool, 'acme', acmeFile(nextControl(), [order850('0001'), order850('0002')]));
    await identifyFile({ pool, actor }, fileId);
    await parseFile({ pool, actor }, fileId);
    const translate: string[] = [];
    const sync: string[] = [];
    await acknowledgeFileJob({ pool, actor, log: silentLog, nudgeDeliver: async () => undefined, nudgeTranslate: async (id) => void translate.push(id) }).run({ fileId });
    expect(translate).toEqual([fileId]);
    const translateJob = translateFileJob({ pool, actor, log: silentLog, nudgeSync: async (id) => void sync.push(id) });
    for (let run = 0; run < 2; run += 1) await translateJob.run({ fileId });
    const documents = await listFileDocuments(pool, fileId);
    expect(sync).toEqual(documents.map((document) => document.id));
    const syncJob = syncDocumentJob({ pool, actor, log: silentLog, port: createSyncToLog({ log: silentLog }), policy: DEFAULT_SYNC_POLICY });
    for (const id of sync) await syncJob.run({ documentId: id });
    expect((await listFileDocuments(pool, fileId)).map((document) => [document.state, document.syncReference])).toEqual([
      ['SYNCED', 'logged'],
      ['SYNCED', 'logged'],
    ]);
    expect(await fileState(pool, fileId)).toBe('PROCESSED');
    await expect(syncJob.run({})).rejects.toThrow('sync-document needs a documentId');
  });
});

describe('quarantine alert', () => {
  it('records a file-quarantined alert in the transaction that quarantines a file from an unknown sender, once, and sends it', async () => {
    const content = acmeFile(nextControl(), [order850('0001')]).replaceAll('ACMERETAIL', 'NOBODYKNOWN');
    const fileId = await received(pool, 'acme', content);
    await identifyFile({ pool, actor }, fileId);
    expect(await parseFile({ pool, actor }, fileId)).toBe('quarantined');
    expect(await parseFile({ pool, actor }, fileId)).toBe('already-done');
    const alert = await getAlertByKey(pool, `file-quarantined:${fileId}`);
    expect(alert).toMatchObject({ state: 'PENDING', alert: { kind: 'file-quarantined', fileId, partner: { id: 'acme', name: 'ACME Retail' }, reason: expect.stringContaining('NOBODYKNOWN') } });
    expect((await pool.query("SELECT count(*)::int AS n FROM alerts WHERE kind = 'file-quarantined' AND file_id = $1", [fileId])).rows[0].n).toBe(1);
    expect(renderAlert(alert?.alert as Alert).subject).toMatch(/^file-\d+\.edi in ACME Retail's mailbox is from an unknown sender$/);

    const told: string[] = [];
    const notifier: Notifier = { notify: async (sent) => void told.push(sent.key) };
    const job = sendAlertsJob({ pool, log: silentLog, everyMs: 1000, channels: { test: notifier }, policy: { attempts: 3, retryMs: 1000, retryMaxMs: 60_000, holdMs: 60_000 } });
    await job.run(undefined);
    expect(told).toContain(`file-quarantined:${fileId}`);
    expect((await getAlertByKey(pool, `file-quarantined:${fileId}`))?.state).toBe('SENT');
    const before = told.length;
    await retryDueAlerts({ pool, log: silentLog, channels: { test: notifier }, policy: { attempts: 3, retryMs: 1000, retryMaxMs: 60_000, holdMs: 60_000 } });
    expect(told).toHaveLength(before);
  });

  it('records none for a file that is only rejected', async () => {
    const fileId = await received(pool, 'acme', 'this is not EDI');
    expect(await identifyFile({ pool, actor }, fileId)).toBe('rejected');
    expect(await getAlertByKey(pool, `file-quarantined:${fileId}`)).toBeUndefined();
  });
});
