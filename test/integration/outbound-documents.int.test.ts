import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { createMetrics } from '../../gateway/metrics.js';
import { advanceOutboundDocument } from '../../gateway/outbound/advance-document.js';
import { deliverOutboundDocument } from '../../gateway/outbound/deliver-document.js';
import { reconcileAcknowledgments } from '../../gateway/outbound/reconcile-acknowledgments.js';
import { renderOutboundDocument } from '../../gateway/outbound/render-document.js';
import { settleOverdueDocument } from '../../gateway/outbound/settle-overdue-document.js';
import { storeOutboundDocument } from '../../gateway/outbound/store-document.js';
import { sweepOutbound } from '../../gateway/outbound/sweep-outbound.js';
import { acknowledgeFile } from '../../gateway/pipeline/acknowledge-file.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { getOutboundDocument, type OutboundDocument } from '../../gateway/store/sql/outbound-documents.js';
import { buildApp } from '../../gateway/web/app.js';
import { apiAs, type ApiCaller } from '../helpers/api-keys.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import {
  ack997,
  envelopeNumbers,
  shipNotice,
  shipNoticeEdifact,
  startOutboundHarness,
  x12AckInterchange,
  type OutboundHarness,
  type PartnerMailbox,
} from '../helpers/outbound-harness.js';
import { createTestFolder } from '../helpers/test-database.js';

// Outbound documents end to end on a real database and the real hosted SFTP server: sent, rendered with the
// partner's profile and control numbers, placed in its /outbound, picked up by the partner over SFTP, and
// settled by the 997 or CONTRL it uploads; or overdue, resubmitted per the partner's policy, and handed to
// support once the resubmissions are used up.

let harness: OutboundHarness;
let retail: PartnerMailbox;
let euro: PartnerMailbox;
let app: FastifyInstance;
let dir: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  harness = await startOutboundHarness();
  await harness.addPartner({ id: 'retail' });
  await harness.addPartner({ id: 'euro', standard: 'EDIFACT', expect: { withinHours: 2, whenOverdue: 'alert', requestInterchangeAck: false } });
  await harness.addPartner({ id: 'nomail', mailbox: false });
  retail = await harness.mailbox('retail');
  euro = await harness.mailbox('euro');
  app = await buildApp({
    pool: harness.pool,
    log: pino({ level: 'silent' }),
    metrics: createMetrics(harness.pool),
    health: async () => ({ status: 'ok', checks: {} }) as never,
    partners: { defaultsFile: 'test/fixtures/partners/defaults.yaml' },
    instance: harness.actor,
  });
  dir = await createTestFolder('outbound-cli');
});

afterAll(async () => {
  retail?.close();
  euro?.close();
  await app?.close();
  await harness?.stop();
});

const steps = () => ({ pool: harness.pool, actor: harness.actor, now: harness.now });

async function send(partner: string, shipmentId: string, base?: Record<string, unknown>): Promise<OutboundDocument> {
  const stored = await storeOutboundDocument(harness.pool, { partner, json: shipNotice(shipmentId, base), where: 'the test', origin: 'api', sentBy: 'dana' });
  const advanced = await advanceOutboundDocument(steps(), stored.document.id);
  if (advanced.failure) throw advanced.failure;
  return advanced.document;
}

const stateOf = async (id: string) => (await getOutboundDocument(harness.pool, id))?.state;
const waitForState = (id: string, state: string) => harness.waitForValue(`document ${id} ${state}`, 'SELECT state AS value FROM outbound_documents WHERE id = $1', [id], state);
const count = async (query: string, params: unknown[] = []) => Number((await harness.pool.query<{ n: string }>(query, params)).rows[0]?.n);
const alerts = (kind: string, documentId: string) => count('SELECT count(*) AS n FROM alerts WHERE kind = $1 AND document_id = $2', [kind, documentId]);
const exceptionsOf = async (documentId: string) =>
  (await harness.pool.query<{ code: string; state: string; actions: string[]; message: string }>('SELECT code, state, actions, message FROM exceptions WHERE document_id = $1 ORDER BY id', [documentId])).rows;
let isa = 500;
const nextIsa = () => String((isa += 1)).padStart(9, '0');

/** Uploads a 997 interchange over SFTP and waits until the gateway has reconciled it. */
async function answer(name: string, acks: readonly string[]): Promise<string> {
  const isa13 = nextIsa();
  await retail.upload(name, x12AckInterchange('retail', isa13, acks));
  await harness.waitForValue(
    `${name} reconciled`,
    `SELECT count(*)::int AS value FROM acknowledgments_in a JOIN received_files f ON f.id = a.file_id WHERE f.original_name = $1`,
    [name],
    acks.length,
  );
  return isa13;
}

describe('a document sent to an X12 partner', () => {
  it('is rendered with the partner\'s control numbers, placed in its /outbound, picked up over SFTP and ACCEPTED by its 997', async () => {
    const document = await send('retail', 'SHIP-ACCEPT');
    expect(document).toMatchObject({ state: 'AWAITING_ACK', kind: 'ship-notice', reference: 'SHIP-ACCEPT', message: '856', transport: 'sftp-mailbox' });
    expect(document.fileName).toBe(`856-${document.interchangeControlNumber}.x12`);
    expect(document.dueAt?.getTime()).toBeGreaterThan(Date.now() + HOUR - 60_000);

    expect(await retail.list()).toContain(document.fileName);
    const picked = (await retail.read(document.fileName as string)).toString('latin1');
    const numbers = envelopeNumbers(picked);
    expect(numbers).toEqual({ isa13: document.interchangeControlNumber, gs06: document.groupControlNumber, st02: document.setControlNumber });
    expect(picked).toContain('*01*123456789      *ZZ*RETAIL         *');
    expect(picked).toContain('BSN*00*SHIP-ACCEPT*');
    expect(picked).toMatch(/\*0\*T\*>~/);

    await answer('accept.x12', [ack997('0001', numbers.gs06, [{ set: numbers.st02, status: 'A' }])]);
    const settled = await getOutboundDocument(harness.pool, document.id);
    expect(settled).toMatchObject({ state: 'ACCEPTED', reason: null });
    expect(settled?.acknowledgedAt).toBeInstanceOf(Date);
    expect((await listEvents(harness.pool, 'document', document.id)).map((event) => [event.type, event.actor])).toEqual([
      ['document.stored', 'dana'],
      ['document.rendered', harness.actor],
      ['document.delivered', harness.actor],
      ['document.acknowledged', harness.actor],
    ]);
  });

  it('is REJECTED with the reason in words when its 997 says AK5 R with AK3/AK4, and alerts support once', async () => {
    const document = await send('retail', 'SHIP-REJECT');
    const { gs06, st02 } = envelopeNumbers((await retail.read(document.fileName as string)).toString('latin1'));
    const rejection = ack997('0001', gs06, [{ set: st02, status: 'R', codes: ['5'], segments: ['AK3*TD5*4**3', 'AK3*REF*6**8', 'AK4*2*127*7*XX'] }]);
    await answer('reject.x12', [rejection]);
    const settled = await getOutboundDocument(harness.pool, document.id);
    expect(settled?.state).toBe('REJECTED');
    expect(settled?.reason).toBe(
      'rejected: one or more segments in error (AK502 5); segment TD5 at position 4: required segment missing (AK304 3); ' +
        'segment REF at position 6: segment has data element errors (AK304 8); REF02 (the segment at position 6): invalid code value "XX" (AK403 7)',
    );
    expect(await alerts('ack-rejected', document.id)).toBe(1);
    const [exception] = await exceptionsOf(document.id);
    expect(exception).toMatchObject({ code: 'ACK_REJECTED', state: 'OPEN', actions: ['RESUBMIT', 'DISMISS'] });
    expect(exception?.message).toContain('Partner retail rejected the ship notice SHIP-REJECT (856');

    // The partner sends the same rejection again, in a new interchange: nothing changes, nobody is alerted again.
    await answer('reject-again.x12', [rejection]);
    expect((await getOutboundDocument(harness.pool, document.id))?.reason).toBe(settled?.reason);
    expect(await alerts('ack-rejected', document.id)).toBe(1);
    expect(await exceptionsOf(document.id)).toHaveLength(1);
  });

  it('changes nothing on a duplicate 997, and opens ACK_UNMATCHED for a 997 answering nothing we sent', async () => {
    const document = await send('retail', 'SHIP-DUPLICATE');
    const { gs06, st02 } = envelopeNumbers((await retail.read(document.fileName as string)).toString('latin1'));
    const accepting = ack997('0001', gs06, [{ set: st02, status: 'A' }]);
    await answer('first.x12', [accepting]);
    const before = await getOutboundDocument(harness.pool, document.id);
    const events = (await listEvents(harness.pool, 'document', document.id)).length;

    await answer('duplicate.x12', [accepting]);
    expect(await getOutboundDocument(harness.pool, document.id)).toEqual(before);
    expect(await listEvents(harness.pool, 'document', document.id)).toHaveLength(events);
    expect(await count("SELECT count(*) AS n FROM acknowledgments_in WHERE document_id = $1 AND outcome = 'duplicate'", [document.id])).toBe(1);

    await answer('stranger.x12', [ack997('0001', '987654', [{ set: '0001', status: 'A' }])]);
    const unmatched = (await harness.pool.query("SELECT code, message, actions FROM exceptions WHERE code = 'ACK_UNMATCHED'")).rows;
    expect(unmatched).toEqual([
      {
        code: 'ACK_UNMATCHED',
        message: expect.stringMatching(/^The 997 0001 in interchange \d{9} of file stranger\.x12 answers group 987654 \(SH\), which we never sent to Partner retail; nothing was changed\.$/),
        actions: ['DISMISS'],
      },
    ]);
    expect(await count("SELECT count(*) AS n FROM alerts WHERE kind = 'exception-opened' AND alert->>'code' = 'ACK_UNMATCHED'")).toBe(1);
  });

  it('settles each of several 997s in one interchange, and running the step again finds nothing to do', async () => {
    const documents = [await send('retail', 'SHIP-BATCH-1'), await send('retail', 'SHIP-BATCH-2')];
    const acks = [];
    for (const [index, document] of documents.entries()) {
      const { gs06, st02 } = envelopeNumbers((await retail.read(document.fileName as string)).toString('latin1'));
      acks.push(ack997(String(index + 1).padStart(4, '0'), gs06, [{ set: st02, status: index === 0 ? 'A' : 'E', segments: index === 0 ? [] : ['AK3*DTM*3**7'] }]));
    }
    await answer('batch.x12', acks);
    expect(await stateOf(documents[0]?.id as string)).toBe('ACCEPTED');
    const withErrors = await getOutboundDocument(harness.pool, documents[1]?.id as string);
    expect(withErrors).toMatchObject({ state: 'ACCEPTED_WITH_ERRORS', reason: 'accepted with errors noted: segment DTM at position 3: segment out of sequence (AK304 7)' });
    const fileId = (await harness.pool.query("SELECT id::text FROM received_files WHERE original_name = 'batch.x12'")).rows[0].id as string;
    expect(await reconcileAcknowledgments(steps(), fileId)).toEqual({ outcome: 'nothing-to-do' });
  });
});

describe('a document whose acknowledgment does not come', () => {
  it('is resubmitted once with new control numbers (alert once), then OVERDUE with an exception, and a late 997 still settles it', async () => {
    const original = await send('retail', 'SHIP-SILENT');
    harness.advanceClock(HOUR + 60_000);
    await harness.sweep();
    await waitForState(original.id, 'RESUBMITTED');
    await harness.sweep();
    const resubmission = (await harness.pool.query('SELECT id::text FROM outbound_documents WHERE resubmission_of = $1', [original.id])).rows.map((row) => row.id as string);
    expect(resubmission).toHaveLength(1);
    const second = resubmission[0] as string;
    await waitForState(second, 'AWAITING_ACK');
    const resent = (await getOutboundDocument(harness.pool, second)) as OutboundDocument;
    expect(resent).toMatchObject({ resubmissionOf: original.id, autoResubmissions: 1, reference: 'SHIP-SILENT', origin: 'resubmission' });
    expect(resent.canonical).toEqual((await getOutboundDocument(harness.pool, original.id))?.canonical);
    for (const field of ['interchangeControlNumber', 'groupControlNumber', 'setControlNumber'] as const) expect(resent[field]).not.toBe(original[field]);
    expect(await retail.list()).toContain(resent.fileName);
    expect(await alerts('ack-overdue', original.id)).toBe(1);
    expect((await listEvents(harness.pool, 'document', original.id)).at(-1)).toMatchObject({ type: 'document.resubmitted', details: { as: second, automatic: true } });

    harness.advanceClock(HOUR + 60_000);
    await harness.sweep();
    await waitForState(second, 'OVERDUE');
    await harness.sweep();
    expect(await settleOverdueDocument(steps(), second)).toEqual({ outcome: 'already-done' });
    expect(await count('SELECT count(*) AS n FROM outbound_documents WHERE resubmission_of = $1', [second])).toBe(0);
    expect(await alerts('ack-overdue', second)).toBe(1);
    expect(await exceptionsOf(second)).toEqual([
      expect.objectContaining({ code: 'ACK_OVERDUE', state: 'OPEN', actions: ['RESUBMIT', 'DISMISS'], message: expect.stringContaining('after 1 automatic resubmission') }),
    ]);

    const { gs06, st02 } = envelopeNumbers((await retail.read(resent.fileName as string)).toString('latin1'));
    await answer('late.x12', [ack997('0001', gs06, [{ set: st02, status: 'A' }])]);
    expect(await stateOf(second)).toBe('ACCEPTED');
    expect((await exceptionsOf(second))[0]?.state).toBe('RESOLVED');
  });

  it('under whenOverdue alert is OVERDUE at once, alerted once, with an exception to resubmit it from', async () => {
    const sent = await storeOutboundDocument(harness.pool, { partner: 'euro', json: shipNotice('DES-QUIET', shipNoticeEdifact), where: 'the test', origin: 'api', sentBy: 'dana' });
    await advanceOutboundDocument(steps(), sent.document.id);
    expect(await stateOf(sent.document.id)).toBe('AWAITING_ACK');
    harness.advanceClock(3 * HOUR);
    await harness.sweep();
    await waitForState(sent.document.id, 'OVERDUE');
    await harness.sweep();
    expect(await alerts('ack-overdue', sent.document.id)).toBe(1);
    expect((await exceptionsOf(sent.document.id)).map((exception) => exception.code)).toEqual(['ACK_OVERDUE']);
  });
});

describe('an EDIFACT partner', () => {
  it('gets DESADV in its /outbound, and its CONTRL accepts one and rejects another with the 0085 reasons in words', async () => {
    const first = await send('euro', 'DES-ONE', shipNoticeEdifact);
    const second = await send('euro', 'DES-TWO', shipNoticeEdifact);
    expect(first.fileName).toBe(`DESADV-${first.interchangeControlNumber}.edi`);
    const text = (await euro.read(first.fileName as string)).toString('latin1');
    expect(text).toMatch(new RegExp(`^UNB\\+UNOC:3\\+4012345000009:14\\+EURO:ZZZ\\+\\d{6}:\\d{4}\\+${first.interchangeControlNumber}\\+`));
    const contrl = (reference: string, lines: readonly string[]) =>
      [`UNB+UNOC:3+EURO:ZZZ+4012345000009:14+250301:1200+${reference}++++++1'`, `UNH+1+CONTRL:D:3:UN'`, ...lines, `UNT+${lines.length + 2}+1'`, `UNZ+1+${reference}'`].join('\n');
    await euro.upload('contrl-accept.edi', contrl('C1', [`UCI+${first.interchangeControlNumber}+4012345000009:14+EURO:ZZZ+7'`]));
    await waitForState(first.id, 'ACCEPTED');
    await euro.upload(
      'contrl-reject.edi',
      contrl('C2', [`UCI+${second.interchangeControlNumber}+4012345000009:14+EURO:ZZZ+7'`, `UCM+${second.setControlNumber}+DESADV:D:96A:UN+4'`, "UCS+3+13'", "UCD+12+2:1'"]),
    );
    await waitForState(second.id, 'REJECTED');
    expect((await getOutboundDocument(harness.pool, second.id))?.reason).toBe(
      'rejected: the segment at position 3: missing (0085 13); element 2, component 1 (the segment at position 3): invalid value (0085 12)',
    );
    expect(await alerts('ack-rejected', second.id)).toBe(1);
  });
});

describe('the command line', () => {
  const env = () => ({ DATABASE_URL: harness.databaseUrl, EDI_LOG_LEVEL: 'warn', EDI_INSTANCE_NAME: 'cli-test' });
  const file = (name: string, content: unknown) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, typeof content === 'string' ? content : JSON.stringify(content));
    return at;
  };

  it('send: stores, renders and delivers a document; --key sends it once', async () => {
    const json = file('ship.json', shipNotice('SHIP-CLI'));
    const sent = await runCliInProcess(['send', 'retail', json, '--key', 'cli-1', '--by', 'erin'], env());
    expect(sent.err).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.out).toMatch(/^Document (\d+) \(ship notice SHIP-CLI\) for retail: AWAITING_ACK, in \/outbound\/856-\d{9}\.x12; its acknowledgment is due by \S+\.\n$/);
    const id = /^Document (\d+)/.exec(sent.out)?.[1] as string;
    expect((await listEvents(harness.pool, 'document', id))[0]).toMatchObject({ type: 'document.stored', actor: 'erin', details: { origin: 'cli' } });
    const again = await runCliInProcess(['send', 'retail', json, '--key', 'cli-1'], env());
    expect(again.out).toBe(`Sent before under key cli-1: ${sent.out}`);
    expect(await count("SELECT count(*) AS n FROM outbound_documents WHERE reference = 'SHIP-CLI'")).toBe(1);

    const listed = await runCliInProcess(['documents', 'list', '--reference', 'SHIP-CLI', '--json'], env());
    expect(JSON.parse(listed.out)).toMatchObject({ id, state: 'AWAITING_ACK', reference: 'SHIP-CLI' });
    const shown = await runCliInProcess(['documents', 'show', id], env());
    expect(shown.out).toContain('document.delivered  by cli-test (path: /outbound/856-');
  });

  it('refuses bad input, naming what is wrong and where', async () => {
    const unknown = await runCliInProcess(['send', 'nobody', file('a.json', shipNotice('X'))], env());
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('[PARTNER_NOT_FOUND]');

    const notJson = await runCliInProcess(['send', 'retail', file('b.json', '{"kind": "ship-notice",')], env());
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/b\.json is not JSON: .+ \[REQUEST_INVALID\]/);

    const { shipmentId: _id, ...noNumber } = shipNotice('X');
    const invalid = await runCliInProcess(['send', 'retail', file('c.json', { ...noNumber, purpose: 'whatever' })], env());
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('c.json is not a valid canonical document:');
    expect(invalid.err).toContain('  - /shipmentId:');
    expect(invalid.err).toContain('  - /purpose:');

    const noMailbox = await runCliInProcess(['send', 'nomail', file('d.json', shipNotice('X'))], env());
    expect(noMailbox.code).toBe(1);
    expect(noMailbox.err).toContain('Partner nomail has no SFTP mailbox in its profile (transports.sftpMailbox)');
    expect(noMailbox.err).toContain('[DOCUMENT_NOT_SENDABLE]');
    expect(await count("SELECT count(*) AS n FROM outbound_documents WHERE reference = 'X'")).toBe(0);
  });

  it('resubmit: sends a document again with the reason and who, resolving its exception; refuses one resubmitted already', async () => {
    const document = await send('retail', 'SHIP-RESEND');
    const { gs06, st02 } = envelopeNumbers((await retail.read(document.fileName as string)).toString('latin1'));
    await answer('resend-reject.x12', [ack997('0001', gs06, [{ set: st02, status: 'R', codes: ['5'], segments: ['AK3*TD5*4**3'] }])]);
    const missingReason = await runCliInProcess(['resubmit', document.id], env());
    expect(missingReason.code).toBe(2);
    expect(missingReason.err).toContain('--reason is required');

    const resubmitted = await runCliInProcess(['resubmit', document.id, '--reason', 'TD5 added to the profile', '--by', 'frank'], env());
    expect(resubmitted.err).toBe('');
    expect(resubmitted.out).toMatch(new RegExp(`^Document ${document.id} resubmitted\\. Document (\\d+) \\(ship notice SHIP-RESEND\\) for retail: AWAITING_ACK`));
    expect((await listEvents(harness.pool, 'document', document.id)).at(-1)).toMatchObject({
      type: 'document.resubmitted',
      actor: 'frank',
      details: { reason: 'TD5 added to the profile', automatic: false, from: 'REJECTED' },
    });
    expect(await exceptionsOf(document.id)).toEqual([expect.objectContaining({ code: 'ACK_REJECTED', state: 'RESOLVED' })]);

    const twice = await runCliInProcess(['resubmit', document.id, '--reason', 'again'], env());
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/was resubmitted already; its latest resubmission is document \d+ \(AWAITING_ACK\): resubmit that one\. \[DOCUMENT_NOT_RESUBMITTABLE\]/);
    const missing = await runCliInProcess(['resubmit', '999999', '--reason', 'x'], env());
    expect(missing.err).toContain('There is no outbound document "999999". [DOCUMENT_NOT_FOUND]');
  });
});

describe('the HTTP API', () => {
  let gina: ApiCaller;
  beforeAll(async () => {
    gina = await apiAs(app, harness.pool, 'gina', 'support');
  });

  it('sends a document, lists documents by partner, state and reference, shows one with its history and resubmissions, and resubmits it', async () => {
    const posted = await gina.inject({ method: 'POST', url: '/api/partners/retail/documents', headers: { 'idempotency-key': 'api-1' }, payload: shipNotice('SHIP-API') });
    expect(posted.statusCode).toBe(201);
    const { document, problem } = posted.json();
    expect(problem).toBeNull();
    expect(document).toMatchObject({ partner: 'retail', kind: 'ship-notice', reference: 'SHIP-API', state: 'AWAITING_ACK', createdBy: 'gina', message: '856', delivery: { transport: 'sftp-mailbox' } });
    const repeated = await gina.inject({ method: 'POST', url: '/api/partners/retail/documents', headers: { 'idempotency-key': 'api-1' }, payload: shipNotice('SHIP-API') });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().document.id).toBe(document.id);

    const listed = await gina.inject({ url: '/api/documents?partner=retail&state=AWAITING_ACK&reference=SHIP-API' });
    expect(listed.json().documents.map((entry: { id: string }) => entry.id)).toEqual([document.id]);

    const hana = await apiAs(app, harness.pool, 'hana', 'support');
    const resubmitted = await hana.inject({ method: 'POST', url: `/api/documents/${document.id}/resubmit`, payload: { reason: 'partner lost it' } });
    expect(resubmitted.statusCode).toBe(201);
    expect(resubmitted.json()).toMatchObject({ resubmissionOf: document.id, document: { state: 'AWAITING_ACK', resubmissionOf: document.id, createdBy: 'hana' } });

    const detail = (await gina.inject({ url: `/api/documents/${document.id}` })).json();
    expect(detail.document.state).toBe('RESUBMITTED');
    expect(detail.canonical).toMatchObject({ kind: 'ship-notice', shipmentId: 'SHIP-API' });
    expect(detail.history.map((event: { type: string; actor: string }) => [event.type, event.actor])).toEqual([
      ['document.stored', 'gina'],
      ['document.rendered', harness.actor],
      ['document.delivered', harness.actor],
      ['document.resubmitted', 'hana'],
    ]);
    expect(detail.resubmissions.map((entry: { id: string }) => entry.id)).toEqual([document.id, resubmitted.json().document.id]);

    const again = await gina.inject({ method: 'POST', url: `/api/documents/${document.id}/resubmit`, payload: { reason: 'twice' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOCUMENT_NOT_RESUBMITTABLE');
  });

  it('answers bad requests with a problem naming what and where', async () => {
    const unknown = await gina.inject({ method: 'POST', url: '/api/partners/nobody/documents', payload: shipNotice('X') });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PARTNER_NOT_FOUND');
    const invalid = await gina.inject({ method: 'POST', url: '/api/partners/retail/documents', payload: { kind: 'ship-notice', shipmentId: 'X' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining('The request body is not a valid canonical document:\n  - /') });
    const wrongKind = await gina.inject({ method: 'POST', url: '/api/partners/retail/documents', payload: { kind: 'price-list' } });
    expect(wrongKind.json().detail).toContain('/kind: "price-list" is not a kind of canonical document');
    const missing = await gina.inject({ url: '/api/documents/424242' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DOCUMENT_NOT_FOUND');
    const badState = await gina.inject({ url: '/api/documents?state=LOST' });
    expect(badState.statusCode).toBe(400);
  });
});

describe('a document the profile cannot render', () => {
  it('is FAILED with the reason in words and an exception support can resubmit it from', async () => {
    const stored = await storeOutboundDocument(harness.pool, { partner: 'retail', json: shipNotice('SHIP*STAR'), where: 'the test', origin: 'api', sentBy: 'dana' });
    const { document } = await advanceOutboundDocument(steps(), stored.document.id);
    expect(document.state).toBe('FAILED');
    expect(document.reason).toContain('/shipmentId');
    expect(document.reason).toContain('"*"');
    expect(await exceptionsOf(document.id)).toEqual([
      expect.objectContaining({ code: 'DOCUMENT_UNRENDERABLE', state: 'OPEN', actions: ['RESUBMIT', 'DISMISS'], message: expect.stringContaining('The ship notice SHIP*STAR cannot be written for retail with version 1 of its profile: ') }),
    ]);
    expect(await count("SELECT count(*) AS n FROM alerts WHERE kind = 'exception-opened' AND document_id = $1", [document.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM sftp_outbound_files WHERE partner = $1', ['retail'])).toBe((await retail.list()).length);
  });
});

describe('the outbound sweep', () => {
  it('nudges documents stuck STORED or RENDERED (with a mailbox to go to), past due, and acknowledgments left unreconciled', async () => {
    const storedOnly = await storeOutboundDocument(harness.pool, { partner: 'retail', json: shipNotice('SHIP-STUCK'), where: 'the test', origin: 'api', sentBy: 'dana' });
    const rendered = await storeOutboundDocument(harness.pool, { partner: 'retail', json: shipNotice('SHIP-RENDERED'), where: 'the test', origin: 'api', sentBy: 'dana' });
    expect(await renderOutboundDocument(steps(), rendered.document.id)).toBe('rendered');
    const awaiting = await send('retail', 'SHIP-AWAITING');
    await harness.pool.query("UPDATE outbound_documents SET state_changed_at = now() - interval '10 minutes' WHERE id = ANY($1)", [[storedOnly.document.id, rendered.document.id]]);

    const intake = createIntake({ pool: harness.pool, actor: harness.actor, afterCommit: () => undefined });
    const { fileId } = await intake({ partner: 'retail', source: 'sftp', originalName: 'unnudged.x12', intakeKey: 'sweep-test', content: Buffer.from(x12AckInterchange('retail', nextIsa(), [ack997('0001', '123123', [{ set: '0001', status: 'A' }])]), 'latin1') });
    for (const step of [identifyFile, parseFile, acknowledgeFile]) await step({ pool: harness.pool, actor: harness.actor }, fileId);
    await harness.pool.query("UPDATE transaction_sets s SET state_changed_at = now() - interval '10 minutes' FROM interchanges i WHERE i.id = s.interchange_id AND i.file_id = $1", [fileId]);

    const nudged: Record<string, string[]> = { render: [], deliver: [], overdue: [], reconcile: [] };
    const record = (kind: string) => async (id: string) => void nudged[kind]?.push(id);
    await sweepOutbound({ pool: harness.pool, stuckAfterMs: 60_000, now: () => new Date(harness.now().getTime() + 48 * HOUR), nudgeRender: record('render'), nudgeDeliver: record('deliver'), nudgeOverdue: record('overdue'), nudgeReconcile: record('reconcile') });
    expect(nudged.render).toEqual([storedOnly.document.id]);
    expect(nudged.deliver).toEqual([rendered.document.id]);
    expect(nudged.reconcile).toEqual([fileId]);
    const due = (await harness.pool.query("SELECT id::text FROM outbound_documents WHERE state = 'AWAITING_ACK' ORDER BY due_at")).rows.map((row) => row.id as string);
    expect(due).toContain(awaiting.id);
    expect(nudged.overdue).toEqual(due);
    expect(await reconcileAcknowledgments(steps(), fileId)).toEqual({ outcome: 'reconciled', settled: 0, duplicates: 0, unmatched: 1 });
  });
});

describe('the steps, run again', () => {
  it('change nothing the second time, and delivery never places a second file', async () => {
    const stored = await storeOutboundDocument(harness.pool, { partner: 'retail', json: shipNotice('SHIP-TWICE'), where: 'the test', origin: 'api', sentBy: 'dana' });
    const id = stored.document.id;
    expect(await deliverOutboundDocument(steps(), id)).toBe('not-rendered');
    const renders = await Promise.all([1, 2, 3].map(() => renderOutboundDocument(steps(), id)));
    expect(renders.sort()).toEqual(['already-done', 'already-done', 'rendered']);
    const deliveries = await Promise.all([1, 2, 3].map(() => deliverOutboundDocument(steps(), id)));
    expect(deliveries.sort()).toEqual(['already-done', 'already-done', 'awaiting-ack']);
    const name = (await getOutboundDocument(harness.pool, id))?.fileName;
    expect(await count('SELECT count(*) AS n FROM sftp_outbound_files WHERE partner = $1 AND name = $2', ['retail', name])).toBe(1);
    expect(await settleOverdueDocument(steps(), id)).toEqual({ outcome: 'not-due' });
  });
});
