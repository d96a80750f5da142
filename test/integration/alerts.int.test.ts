import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { newAlert, type Alert } from '../../gateway/alerts/alert.js';
import { createLogNotifier } from '../../gateway/alerts/log-notifier.js';
import type { Notifier } from '../../gateway/alerts/notifier.js';
import { alertChannels, alertPolicy, fireAlert, recordAlert, retryDueAlerts, type AlertPolicy, type SendAlertsDeps } from '../../gateway/alerts/send-alerts.js';
import { WEBHOOK_KEY_SECRET, createWebhookNotifier } from '../../gateway/alerts/webhook-notifier.js';
import { loadConfig } from '../../gateway/config/load-config.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { getAlertByKey } from '../../gateway/store/sql/alerts.js';
import { insertReceivedFile } from '../../gateway/store/sql/received-files.js';
import { refusal } from '../helpers/refusal.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

interface Received {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A webhook receiver on 127.0.0.1 answering each POST with the next status of `answers` (200 once they run out). */
class Receiver {
  readonly received: Received[] = [];
  answers: number[] = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      const status = this.answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver is down\nfor maintenance');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/edi?token=s3cret`;
  }

  reset(): void {
    this.received.length = 0;
    this.answers = [];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  bodies(): Record<string, unknown>[] {
    return this.received.map((request) => JSON.parse(request.body.toString('utf8')) as Record<string, unknown>);
  }
}

/** Log lines, parsed, of a logger writing into this array. */
function capturedLog(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

let pool: Pool;
const receiver = new Receiver();
let url: string;
const key = randomBytes(32);
const secrets = createSecretStore(masterKeyOf(randomBytes(32)));
const policy: AlertPolicy = { attempts: 3, retryMs: 60_000, retryMaxMs: 3_600_000, holdMs: 60_000 };

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  url = await receiver.start();
  await secrets.put(pool, { name: WEBHOOK_KEY_SECRET, kind: 'password', value: key });
});
afterAll(async () => {
  await receiver.stop();
  await pool.end();
});
beforeEach(() => receiver.reset());

let documents = 0;
/** A new overdue-997 alert, about a document of its own. */
function overdueAlert(): Alert {
  documents += 1;
  return newAlert({
    kind: 'ack-overdue',
    partner: { id: 'acme', name: 'ACME Retail' },
    reference: { document: 'invoice', number: `47${documents}` },
    documentId: String(documents),
    acknowledgment: '997',
    documentSentAt: new Date('2025-03-03T10:00:00Z'),
    dueAt: new Date('2025-03-03T12:00:00Z'),
    occurredAt: new Date('2025-03-03T14:00:00Z'),
  });
}

/** The log and webhook channels, with the log channel's lines captured. */
function setUp(options: { webhook?: Notifier; policy?: AlertPolicy } = {}): { deps: SendAlertsDeps; alertLines: Record<string, unknown>[]; gatewayLines: Record<string, unknown>[] } {
  const alertLog = capturedLog();
  const gatewayLog = capturedLog();
  const webhook = options.webhook ?? createWebhookNotifier({ url, timeoutMs: 5000, secrets, db: pool });
  return {
    deps: { pool, channels: { log: createLogNotifier({ log: alertLog.log }), webhook }, policy: options.policy ?? policy, log: gatewayLog.log },
    alertLines: alertLog.lines,
    gatewayLines: gatewayLog.lines,
  };
}

/** What a receiver checks: the HMAC of the bytes it got, in constant time. */
function signatureHolds(request: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(request.body).digest('hex')}`);
  const given = Buffer.from(String(request.headers['x-edi-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The wait after a failure is over: the alert is due now. */
async function timePasses(alert: Alert): Promise<void> {
  await pool.query('UPDATE alerts SET next_attempt_at = now() WHERE key = $1', [alert.key]);
}

describe('fireAlert', () => {
  it('records and sends an alert once, however often it is fired, signed over the exact bytes sent', async () => {
    const { deps, alertLines } = setUp();
    const alert = overdueAlert();

    expect(await fireAlert(deps, alert)).toBe('sent');
    expect(await fireAlert(deps, alert)).toBe('already-recorded');
    expect(await fireAlert(deps, newAlert({ ...alert, occurredAt: new Date('2025-03-03T15:00:00Z') }))).toBe('already-recorded');
    expect(await retryDueAlerts(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received as [Received];
    expect(signatureHolds(request)).toBe(true);
    expect(request.headers['content-type']).toBe('application/json');
    expect(Number(request.headers['x-edi-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(receiver.bodies()[0]).toMatchObject({
      key: alert.key,
      kind: 'ack-overdue',
      subject: `The 997 for invoice ${alert.reference?.number} to ACME Retail is 2 hours overdue`,
      timestamp: Number(request.headers['x-edi-timestamp']),
      partner: { id: 'acme', name: 'ACME Retail' },
    });

    expect(alertLines).toHaveLength(1);
    expect(alertLines[0]).toMatchObject({ level: 40, msg: `The 997 for invoice ${alert.reference?.number} to ACME Retail is 2 hours overdue`, alert: { key: alert.key, kind: 'ack-overdue' } });
    expect(String(alertLines[0]?.text)).toContain('Ask ACME Retail whether');

    expect(await getAlertByKey(pool, alert.key)).toMatchObject({ state: 'SENT', attempts: 1, deliveredTo: ['log', 'webhook'], lastError: null, sentAt: expect.any(Date), alert });
  });

  it('sends an alert fired by two instances at once only once', async () => {
    const first = setUp();
    const second = setUp();
    const alert = overdueAlert();
    const outcomes = await Promise.all([fireAlert(first.deps, alert), fireAlert(second.deps, alert)]);
    expect(outcomes.sort()).toEqual(['already-recorded', 'sent']);
    expect(receiver.received).toHaveLength(1);
    expect(first.alertLines.length + second.alertLines.length).toBe(1);
  });

  it('keeps an alert the webhook refused PENDING with the error, and a retry sends it without logging it again', async () => {
    const { deps, alertLines, gatewayLines } = setUp();
    const alert = overdueAlert();
    receiver.answers = [500];

    expect(await fireAlert(deps, alert)).toBe('retrying');
    const failed = await getAlertByKey(pool, alert.key);
    expect(failed).toMatchObject({ state: 'PENDING', attempts: 1, deliveredTo: ['log'], lastErrorCode: 'ALERT_WEBHOOK_FAILED', sentAt: null });
    expect(failed?.lastError).toBe(`webhook: The alerts webhook at ${new URL(url).origin} did not take alert ${alert.key}: it answered 500 (receiver is down for maintenance).`);
    expect(failed?.lastError).not.toContain('s3cret');
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(gatewayLines).toContainEqual(expect.objectContaining({ level: 40, alert: alert.key, channel: 'webhook', msg: 'alert not sent through a channel; it is tried again later' }));

    expect(await retryDueAlerts(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    await timePasses(alert);
    expect(await retryDueAlerts(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every(signatureHolds)).toBe(true);
    expect(receiver.bodies().map((body) => body.key)).toEqual([alert.key, alert.key]);
    expect(alertLines).toHaveLength(1);
    expect(await getAlertByKey(pool, alert.key)).toMatchObject({ state: 'SENT', attempts: 2, deliveredTo: ['log', 'webhook'], lastErrorCode: 'ALERT_WEBHOOK_FAILED' });
  });

  it('gives an alert up as FAILED when the last attempt allowed fails too, waiting twice as long after each failure', async () => {
    const { deps, gatewayLines } = setUp();
    const alert = overdueAlert();
    receiver.answers = [503, 503, 503];

    expect(await fireAlert(deps, alert)).toBe('retrying');
    const firstWait = (await getAlertByKey(pool, alert.key))!.nextAttemptAt.getTime() - Date.now();
    await timePasses(alert);
    expect(await retryDueAlerts(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const secondWait = (await getAlertByKey(pool, alert.key))!.nextAttemptAt.getTime() - Date.now();
    expect(secondWait / firstWait).toBeCloseTo(2, 1);
    await timePasses(alert);
    expect(await retryDueAlerts(deps)).toEqual({ sent: 0, retrying: 0, failed: 1 });

    expect(await getAlertByKey(pool, alert.key)).toMatchObject({ state: 'FAILED', attempts: 3, deliveredTo: ['log'], lastErrorCode: 'ALERT_WEBHOOK_FAILED' });
    expect(gatewayLines).toContainEqual(expect.objectContaining({ level: 50, alert: alert.key, msg: 'alert given up: a channel did not take it on the last attempt' }));
    await timePasses(alert);
    expect(await retryDueAlerts(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(3);
  });

  it('records a signing key it cannot read, an unreachable webhook and one that does not answer in time as failures to retry', async () => {
    const otherMasterKey = createSecretStore(masterKeyOf(randomBytes(32)));
    const unreadableKey = setUp({ webhook: createWebhookNotifier({ url, timeoutMs: 5000, secrets: otherMasterKey, db: pool }) });
    const alert = overdueAlert();
    expect(await fireAlert(unreadableKey.deps, alert)).toBe('retrying');
    expect(receiver.received).toHaveLength(0);
    expect(await getAlertByKey(pool, alert.key)).toMatchObject({ state: 'PENDING', deliveredTo: ['log'], lastErrorCode: 'SECRET_UNREADABLE' });

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await refusal(createWebhookNotifier({ url: closedUrl, timeoutMs: 5000, secrets, db: pool }).notify(overdueAlert()));
    expect(unreachable.code).toBe('ALERT_WEBHOOK_FAILED');
    expect(unreachable.message).toMatch(/did not take alert .*: fetch failed: .*ECONNREFUSED/);

    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const slow = await refusal(createWebhookNotifier({ url: silentUrl, timeoutMs: 300, secrets, db: pool }).notify(overdueAlert()));
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    expect(slow.code).toBe('ALERT_WEBHOOK_FAILED');
    expect(slow.message).toContain('no answer within 300 ms');
  });

  it('says which secret is missing when none is stored under alerts/webhook-key', async () => {
    const { pool: empty } = await createTestDatabase();
    try {
      const missing = await refusal(createWebhookNotifier({ url, timeoutMs: 5000, secrets, db: empty }).notify(overdueAlert()));
      expect(missing.code).toBe('SECRET_NOT_FOUND');
      expect(missing.message).toContain('alerts/webhook-key');
      expect(receiver.received).toHaveLength(0);
    } finally {
      await empty.end();
    }
  });
});

describe('recordAlert', () => {
  it('commits an alert with the transaction it is recorded in, for the next retry to send; a rolled-back one is not recorded', async () => {
    const { deps, alertLines } = setUp();
    const file = await insertReceivedFile(pool, {
      partner: 'acme',
      source: 'local-dir',
      originalName: 'po.x12',
      intakeKey: `alerts-${randomBytes(4).toString('hex')}`,
      content: Buffer.from('ISA*'),
      sha256: createHash('sha256').update('ISA*').digest('hex'),
      receivedBy: 'test',
      state: 'QUARANTINED',
    });
    const quarantined = newAlert({
      kind: 'file-quarantined',
      partner: { id: 'acme', name: 'ACME Retail' },
      fileId: file!.id,
      fileName: 'po.x12',
      reason: 'Interchange 000000001 says it is from ISA id ZZ/STRANGER, which is no partner\'s id.',
      occurredAt: new Date(),
    });
    const rolledBack = overdueAlert();

    expect(await withTransaction(pool, (tx) => recordAlert(tx, quarantined))).toBe(true);
    expect(await withTransaction(pool, (tx) => recordAlert(tx, quarantined))).toBe(false);
    await expect(
      withTransaction(pool, async (tx) => {
        await recordAlert(tx, rolledBack);
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    expect(receiver.received).toHaveLength(0);

    expect(await retryDueAlerts(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.bodies()).toEqual([expect.objectContaining({ key: `file-quarantined:${file!.id}`, subject: "po.x12 in ACME Retail's mailbox is from an unknown sender" })]);
    expect(alertLines).toHaveLength(1);
    expect(await getAlertByKey(pool, rolledBack.key)).toBeUndefined();
  });
});

describe('alertChannels', () => {
  it('logs alerts always, and posts them only when the webhook URL is set', () => {
    const unset = loadConfig({ env: {} }).config.alerts;
    expect(Object.keys(alertChannels({ settings: unset, log: silentLog, pool, secrets }))).toEqual(['log']);
    const set = loadConfig({ env: { EDI_ALERT_WEBHOOK_URL: url, EDI_ALERT_WEBHOOK_TIMEOUT_MS: '2000' } }).config.alerts;
    expect(Object.keys(alertChannels({ settings: set, log: silentLog, pool, secrets }))).toEqual(['log', 'webhook']);
    expect(alertPolicy(set)).toEqual({ attempts: 10, retryMs: 30_000, retryMaxMs: 3_600_000, holdMs: 34_000 });
    expect(() => loadConfig({ env: { EDI_ALERT_WEBHOOK_URL: 'hooks.example.com/edi' } })).toThrow('EDI_ALERT_WEBHOOK_URL');
  });
});
