import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import * as asn1js from 'asn1js';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkHealth } from '../../gateway/health.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { createMetrics } from '../../gateway/metrics.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { getProfileVersion, saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { listExpiringCertificates, warnExpiringCertificates } from '../../gateway/transports/as2/certificate-expiry.js';
import { storeCertificate } from '../../gateway/transports/as2/certificates.js';
import { sendAs2Message, type SendDeps } from '../../gateway/transports/as2/send-message.js';
import { buildApp } from '../../gateway/web/app.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import { curlPost, makeCertificate, openssl, startPeer, type ReceivedRequest, type TestCertificate } from '../helpers/as2-peer.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

// The partner is played by openssl (its certificates, signatures, encryption, and checking ours) and curl
// (its requests); what we send it goes to a small HTTP server that hands it to openssl.

const PARTNER = 'acme';
const PARTNER_AS2 = 'ACMERETAIL';
const OUR_AS2 = 'THREEPL';
const ORDER = Buffer.from('ISA*00*          *00*          *ZZ*ACMERETAIL     *01*123456789      *250101*1200*U*00401*000000001*0*T*>~IEA*0*000000001~\r\n');

let pool: Pool;
let app: FastifyInstance;
let gatewayUrl: string;
let dir: string;
let ours: TestCertificate;
let partner: TestCertificate;
let stranger: TestCertificate;
let peer: Awaited<ReturnType<typeof startPeer>>;
const secrets = createSecretStore(masterKeyOf(randomBytes(32)));

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  dir = await createTestFolder('as2');
  [ours, partner, stranger] = await Promise.all([makeCertificate(dir, 'ours', 20), makeCertificate(dir, 'partner', 365), makeCertificate(dir, 'stranger', 365)]);
  peer = await startPeer();
  await storeCertificate(pool, secrets, { name: 'as2/threepl', pem: ours.bundlePem, withKey: true });
  await storeCertificate(pool, secrets, { name: 'as2/acme', pem: partner.certificatePem, withKey: false });
  const profile = loadYamlProfile({ file: 'test/fixtures/partners/acme.yaml' });
  const as2 = { partnerAs2Id: PARTNER_AS2, ourAs2Id: OUR_AS2, url: `${peer.url}/as2`, partnerCertificateRef: 'as2/acme', ourCertificateRef: 'as2/threepl', signing: 'sha256' as const, encryption: 'aes256-cbc' as const, mdn: 'sync' as const, signedMdn: true, acceptUnsigned: false };
  await withTransaction(pool, (tx) =>
    saveProfileVersion(tx, { profile: { ...profile, transports: { ...profile.transports, as2 } }, basedOn: undefined, changedBy: 'test', change: 'AS2 partner' }),
  );
  app = await buildApp({
    pool,
    log: silentLog,
    metrics: createMetrics(pool),
    health: () => checkHealth({ pool, instance: 'as2-test', startedAt: Date.now(), scheduler: { running: true, active: 0 }, stopping: () => false }),
    partners: { defaultsFile: 'test/fixtures/partners/defaults.yaml' },
    as2: { pool, secrets, intake: createIntake({ pool, actor: 'as2-test', afterCommit: () => undefined }), actor: 'as2-test', settings: settings() },
  });
  gatewayUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}/as2`;
});

afterAll(async () => {
  await app.close();
  await peer.close();
  await pool.end();
});

function settings() {
  return { path: '/as2', publicUrl: undefined, maxMessageBytes: 10 * 1024 * 1024, attempts: 3, retryMs: 50, timeoutMs: 10_000 };
}

async function file(name: string, content: Buffer | string): Promise<string> {
  const where = path.join(dir, `${randomUUID()}-${name}`);
  await fs.writeFile(where, content);
  return where;
}

/** The payload as the partner's MIME entity: what it signs, and what the MIC is computed over. */
function payloadEntity(content: Buffer, name = 'po.x12'): Buffer {
  return Buffer.concat([Buffer.from(`Content-Type: application/edi-x12\r\nContent-Disposition: attachment; filename=${name}\r\n\r\n`), content]);
}

async function signAs(signer: TestCertificate, entity: Buffer): Promise<Buffer> {
  return openssl(['cms', '-sign', '-in', await file('entity.mime', entity), '-signer', signer.certificateFile, '-inkey', signer.keyFile, '-binary', '-md', 'sha256', '-crlfeol']);
}

async function encryptTo(recipient: TestCertificate, entity: Buffer | string): Promise<string> {
  const out = await file('message.p7m', '');
  await openssl(['cms', '-encrypt', '-in', await file('signed.mime', entity), '-aes256', '-binary', '-outform', 'DER', '-out', out, recipient.certificateFile]);
  return out;
}

function as2Headers(messageId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'AS2-Version': '1.2',
    'AS2-From': PARTNER_AS2,
    'AS2-To': OUR_AS2,
    'Message-ID': messageId,
    'Content-Type': 'application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m',
    'Disposition-Notification-To': 'edi@acme.example',
    'Disposition-Notification-Options': 'signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256',
    ...extra,
  };
}

/** Checks our signed MDN with openssl against our certificate; the multipart/report it signs. */
async function verifiedMdn(contentType: string, body: Buffer): Promise<string> {
  const mdn = await file('mdn.mime', Buffer.concat([Buffer.from(`Content-Type: ${contentType}\r\n\r\n`), body]));
  return (await openssl(['cms', '-verify', '-in', mdn, '-CAfile', ours.certificateFile])).toString('utf8');
}

async function micOf(bytes: Buffer): Promise<string> {
  return (await openssl(['dgst', '-sha256', '-binary', await file('mic-input', bytes)])).toString('base64');
}

const storedFiles = async () =>
  (await pool.query<{ id: string; name: string; content: Buffer }>(`SELECT id::text, original_name AS name, content FROM received_files WHERE partner = $1 AND source = 'as2' ORDER BY id`, [PARTNER]))
    .rows;

const eventsOf = async (messageId: string) =>
  (await pool.query<{ type: string; details: Record<string, unknown> }>(`SELECT type, details FROM events WHERE entity = 'as2-message' AND entity_id = $1 ORDER BY id`, [messageId])).rows;

describe('AS2 inbound', () => {
  it('stores a signed and encrypted message and answers a signed MDN whose signature and MIC openssl checks', async () => {
    const before = (await storedFiles()).length;
    const messageId = `<${randomUUID()}@acme>`;
    const entity = payloadEntity(ORDER);
    const answer = await curlPost(gatewayUrl, { bodyFile: await encryptTo(ours, await signAs(partner, entity)), headers: as2Headers(messageId) });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('as2-from')).toBe(OUR_AS2);
    expect(answer.headers.get('as2-to')).toBe(PARTNER_AS2);
    expect(answer.headers.get('content-type')).toMatch(/^multipart\/signed; protocol="application\/pkcs7-signature"; micalg=sha-256/);
    const report = await verifiedMdn(answer.headers.get('content-type') as string, answer.body);
    expect(report).toContain(`Original-Message-ID: ${messageId}`);
    expect(report).toContain('Disposition: automatic-action/MDN-sent-automatically; processed\r\n');
    // RFC 4130 7.3.1: over the signed entity, its MIME headers included.
    expect(report).toContain(`Received-Content-MIC: ${await micOf(entity)}, sha-256`);

    const stored = await storedFiles();
    expect(stored).toHaveLength(before + 1);
    expect(stored.at(-1)?.name).toBe('po.x12');
    expect(stored.at(-1)?.content.equals(ORDER)).toBe(true);
    expect((await eventsOf(messageId)).map((event) => event.type)).toEqual(['as2.message.received']);
  });

  it.each([
    ['changed after signing', 'integrity-check-failed', async (entity: Buffer) => encryptTo(ours, (await signAs(partner, entity)).toString('latin1').replace('IEA*0', 'IEA*9'))],
    ['signed by someone else', 'authentication-failed', async (entity: Buffer) => encryptTo(ours, await signAs(stranger, entity))],
    ['encrypted for another certificate', 'decryption-failed', async (entity: Buffer) => encryptTo(partner, await signAs(partner, entity))],
  ])('answers a message %s with a signed failure MDN (%s) and stores nothing', async (_case, error, build) => {
    const before = await storedFiles();
    const messageId = `<${randomUUID()}@acme>`;
    const answer = await curlPost(gatewayUrl, { bodyFile: await build(payloadEntity(ORDER)), headers: as2Headers(messageId) });

    expect(answer.status).toBe(200);
    const report = await verifiedMdn(answer.headers.get('content-type') as string, answer.body);
    expect(report).toContain(`Disposition: automatic-action/MDN-sent-automatically; processed/Error: ${error}\r\n`);
    expect(report).not.toContain('Received-Content-MIC');
    expect(await storedFiles()).toEqual(before);
    expect(await pool.query('SELECT 1 FROM as2_inbound_messages WHERE message_id = $1', [messageId])).toHaveProperty('rowCount', 0);
    expect(await eventsOf(messageId)).toEqual([{ type: 'as2.message.refused', details: expect.objectContaining({ partner: PARTNER, error }) }]);
  });

  it('stores a repeated Message-ID once and answers it with the same MDN', async () => {
    const before = (await storedFiles()).length;
    const messageId = `<${randomUUID()}@acme>`;
    const bodyFile = await encryptTo(ours, await signAs(partner, payloadEntity(ORDER, 'again.x12')));
    const first = await curlPost(gatewayUrl, { bodyFile, headers: as2Headers(messageId) });
    const second = await curlPost(gatewayUrl, { bodyFile, headers: as2Headers(messageId) });

    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers.get('message-id')).toBe(first.headers.get('message-id'));
    expect(await storedFiles()).toHaveLength(before + 1);
    expect((await eventsOf(messageId)).map((event) => event.type)).toEqual(['as2.message.received', 'as2.message.repeated']);
  });

  it('refuses an unsigned message unless the profile takes them; then takes plain and compressed ones, the MIC of a plain one over its content alone', async () => {
    const refusedId = `<${randomUUID()}@acme>`;
    const before = (await storedFiles()).length;
    const refused = await curlPost(gatewayUrl, { bodyFile: await file('plain.x12', ORDER), headers: as2Headers(refusedId, { 'Content-Type': 'application/edi-x12', 'Disposition-Notification-Options': '' }) });
    expect(refused.body.toString()).toContain('Disposition: automatic-action/MDN-sent-automatically; processed/Error: insufficient-message-security');
    expect(await storedFiles()).toHaveLength(before);

    const current = await getProfileVersion(pool, 'acme');
    if (!current?.profile.transports?.as2) throw new Error('acme has no AS2 settings');
    const transports = { ...current.profile.transports, as2: { ...current.profile.transports.as2, acceptUnsigned: true } };
    await withTransaction(pool, (tx) => saveProfileVersion(tx, { profile: { ...current.profile, transports }, basedOn: current.version, changedBy: 'test', change: 'takes unsigned AS2' }));

    const plainId = `<${randomUUID()}@acme>`;
    const plain = await curlPost(gatewayUrl, { bodyFile: await file('plain.x12', ORDER), headers: as2Headers(plainId, { 'Content-Type': 'application/edi-x12', 'Disposition-Notification-Options': '' }) });
    expect(plain.headers.get('content-type')).toMatch(/^multipart\/report; report-type=disposition-notification/);
    expect(plain.body.toString()).toContain(`Received-Content-MIC: ${await micOf(ORDER)}, sha-256`);

    const compressedId = `<${randomUUID()}@acme>`;
    const compressed = await file('compressed.p7z', compressedData(payloadEntity(ORDER, 'zipped.x12')));
    const answer = await curlPost(gatewayUrl, { bodyFile: compressed, headers: as2Headers(compressedId, { 'Content-Type': 'application/pkcs7-mime; smime-type=compressed-data' }) });
    expect(await verifiedMdn(answer.headers.get('content-type') as string, answer.body)).toContain('; processed\r\n');
    const stored = await storedFiles();
    expect(stored.at(-1)).toMatchObject({ name: 'zipped.x12', content: ORDER });
  });

  it('posts an asynchronous MDN to the Receipt-Delivery-Option once the payload is stored', async () => {
    const messageId = `<${randomUUID()}@acme>`;
    const storedWhenMdnCame: number[] = [];
    peer.handle.current = async () => {
      storedWhenMdnCame.push((await storedFiles()).filter((stored) => stored.name === 'async.x12').length);
      return { status: 200 };
    };
    const receipts = peer.requests.length;
    const answer = await curlPost(gatewayUrl, {
      bodyFile: await encryptTo(ours, await signAs(partner, payloadEntity(ORDER, 'async.x12'))),
      headers: as2Headers(messageId, { 'Receipt-Delivery-Option': `${peer.url}/mdn` }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(0);

    const mdn = await waitFor('the asynchronous MDN', () => peer.requests.slice(receipts).find((request) => request.url === '/mdn'));
    // The peer records a request as it comes in, before its handler has looked at what is stored.
    await waitFor('the peer to look at what was stored', () => storedWhenMdnCame.length > 0);
    expect(storedWhenMdnCame).toEqual([1]);
    expect(mdn.headers['as2-to']).toBe(PARTNER_AS2);
    const report = await verifiedMdn(mdn.headers['content-type'] as string, mdn.body);
    expect(report).toContain(`Original-Message-ID: ${messageId}`);
    expect(report).toContain(`Received-Content-MIC: ${await micOf(payloadEntity(ORDER, 'async.x12'))}, sha-256`);
    await waitFor('the delivery to be recorded', async () =>
      (await pool.query(`SELECT 1 FROM as2_inbound_messages WHERE message_id = $1 AND mdn_state = 'DELIVERED' AND mdn_attempts = 1`, [messageId])).rowCount === 1,
    );
  });

  it('refuses an async receipt to a host that is not the partner\'s, before anything is stored', async () => {
    const before = await storedFiles();
    const answer = await curlPost(gatewayUrl, {
      bodyFile: await encryptTo(ours, await signAs(partner, payloadEntity(ORDER))),
      headers: as2Headers(`<${randomUUID()}@acme>`, { 'Receipt-Delivery-Option': 'http://169.254.169.254/latest' }),
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 'REQUEST_INVALID' });
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a sender no profile knows, and is described in the OpenAPI document', async () => {
    const answer = await curlPost(gatewayUrl, { bodyFile: await file('plain.x12', ORDER), headers: as2Headers(`<${randomUUID()}@x>`, { 'AS2-From': 'NOBODY' }) });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ code: 'AS2_PARTNER_UNKNOWN' });
    const openApi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(openApi.paths['/as2']?.post?.operationId).toBe('receiveAs2Message');
  });
});

describe('AS2 outbound', () => {
  function sendDeps(): SendDeps {
    return { pool, secrets, actor: 'as2-test', log: silentLog, settings: { ...settings(), publicUrl: undefined }, now: () => new Date() };
  }

  /** The partner: decrypts our message and checks our signature with openssl; the signed entity comes back. */
  async function openAsPartner(request: ReceivedRequest): Promise<Buffer> {
    const signed = await openssl(['cms', '-decrypt', '-inform', 'DER', '-in', await file('in.p7m', request.body), '-inkey', partner.keyFile, '-recip', partner.certificateFile]);
    // Not -binary: openssl then rewrites the part's line ends to bare LF before checking the digest.
    return openssl(['cms', '-verify', '-in', await file('in-signed.mime', signed), '-CAfile', ours.certificateFile]);
  }

  /** An MDN as the partner's openssl signs it; its MIC over what openssl verified. */
  async function partnerMdn(request: ReceivedRequest, signedEntity: Buffer, mic?: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const fields = [
      'Reporting-UA: openssl',
      `Original-Message-ID: ${String(request.headers['message-id'])}`,
      'Disposition: automatic-action/MDN-sent-automatically; processed',
      `Received-Content-MIC: ${mic ?? createHash('sha256').update(signedEntity).digest('base64')}, sha-256`,
    ].join('\r\n');
    const report = Buffer.from(
      `Content-Type: multipart/report; report-type=disposition-notification; boundary="r"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nReceived.\r\n--r\r\nContent-Type: message/disposition-notification\r\n\r\n${fields}\r\n--r--\r\n`,
    );
    const smime = (await signAs(partner, report)).toString('latin1');
    const split = smime.indexOf('\r\n\r\n');
    const contentType = /Content-Type: ([^\r\n]+(?:\r\n[ \t][^\r\n]+)*)/.exec(smime.slice(0, split))?.[1]?.replace(/\r\n[ \t]+/g, ' ') as string;
    return { status: 200, headers: { 'Content-Type': contentType, 'AS2-From': PARTNER_AS2, 'AS2-To': OUR_AS2 }, body: Buffer.from(smime.slice(split + 4), 'latin1') };
  }

  it('sends a message openssl decrypts and verifies, and records the MDN openssl signed', async () => {
    const opened: Buffer[] = [];
    peer.handle.current = async (request) => {
      const entity = await openAsPartner(request);
      opened.push(entity);
      return partnerMdn(request, entity);
    };
    const outcome = await sendAs2Message(sendDeps(), { partner: PARTNER, fileName: 'invoice.x12', content: ORDER });

    expect(outcome).toMatchObject({ state: 'ACKNOWLEDGED', code: undefined });
    expect(opened).toHaveLength(1);
    expect(opened[0]?.toString()).toContain('Content-Disposition: attachment; filename=invoice.x12');
    expect(opened[0]?.subarray(opened[0].indexOf('\r\n\r\n') + 4).equals(ORDER)).toBe(true);
    const request = peer.requests.at(-1) as ReceivedRequest;
    expect(request.headers).toMatchObject({ 'as2-from': OUR_AS2, 'as2-to': PARTNER_AS2, 'message-id': outcome.messageId });
    expect(request.headers['content-type']).toContain('smime-type=enveloped-data');
    const row = await pool.query('SELECT state, attempts, mdn_disposition FROM as2_outbound_messages WHERE message_id = $1', [outcome.messageId]);
    expect(row.rows[0]).toEqual({ state: 'ACKNOWLEDGED', attempts: 1, mdn_disposition: 'automatic-action/MDN-sent-automatically; processed' });
    expect((await eventsOf(outcome.messageId)).map((event) => event.type)).toEqual(['as2.message.prepared', 'as2.message.sent', 'as2.message.acknowledged']);
  });

  it('sends again under the same Message-ID when no MDN came', async () => {
    let calls = 0;
    peer.handle.current = async (request) => {
      calls += 1;
      return calls === 1 ? { status: 200 } : partnerMdn(request, await openAsPartner(request));
    };
    const before = peer.requests.length;
    const outcome = await sendAs2Message(sendDeps(), { partner: PARTNER, fileName: 'retry.x12', content: ORDER });

    expect(outcome.state).toBe('ACKNOWLEDGED');
    const sent = peer.requests.slice(before);
    expect(sent.map((request) => request.headers['message-id'])).toEqual([outcome.messageId, outcome.messageId]);
    expect(sent[1]?.body.equals(sent[0]?.body as Buffer)).toBe(true);
    expect((await eventsOf(outcome.messageId)).map((event) => event.type)).toEqual([
      'as2.message.prepared',
      'as2.message.attempt-failed',
      'as2.message.sent',
      'as2.message.acknowledged',
    ]);
  });

  it('does not take an MDN whose MIC is not the MIC of what we sent, and fails when no MDN ever comes', async () => {
    peer.handle.current = async (request) => partnerMdn(request, await openAsPartner(request), createHash('sha256').update('something else').digest('base64'));
    const wrongMic = await sendAs2Message(sendDeps(), { partner: PARTNER, fileName: 'mic.x12', content: ORDER });
    expect(wrongMic).toMatchObject({ state: 'FAILED', code: 'AS2_MDN_INVALID' });

    peer.handle.current = async () => ({ status: 503 });
    const before = peer.requests.length;
    const unanswered = await sendAs2Message(sendDeps(), { partner: PARTNER, fileName: 'lost.x12', content: ORDER });
    expect(unanswered).toMatchObject({ state: 'FAILED', code: 'AS2_SEND_FAILED' });
    expect(peer.requests.length - before).toBe(3);
    expect(await pool.query('SELECT attempts FROM as2_outbound_messages WHERE message_id = $1', [unanswered.messageId])).toMatchObject({ rows: [{ attempts: 3 }] });
  });
});

describe('AS2 certificates', () => {
  it('lists the certificates that expire within N days, soonest first', async () => {
    const expiring = await listExpiringCertificates(pool, secrets, { days: 30, now: new Date() });
    expect(expiring.map((certificate) => [certificate.name, certificate.daysLeft])).toEqual([['as2/threepl', 19]]);
    expect((await listExpiringCertificates(pool, secrets, { days: 400, now: new Date() })).map((certificate) => certificate.name)).toEqual(['as2/threepl', 'as2/acme']);
  });

  it('warns at start about a certificate that expires within 30 days', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    await warnExpiringCertificates(pool, secrets, log, new Date());
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ secret: 'as2/threepl', daysLeft: 19, msg: 'certificate expires within 30 days' })]);
  });
});

/** CMS CompressedData (RFC 3274) of `content`: this openssl is built without zlib, so the test writes it. */
function compressedData(content: Buffer): Buffer {
  const explicit = (value: asn1js.BaseBlock[]) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value });
  const compressed = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.3.8' })] }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' }), explicit([new asn1js.OctetString({ valueHex: deflateSync(content) })])] }),
    ],
  });
  return Buffer.from(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.9' }), explicit([compressed])] }).toBER(false));
}
