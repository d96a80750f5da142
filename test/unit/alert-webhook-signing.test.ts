import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { newAlert } from '../../gateway/alerts/alert.js';
import { renderAlert } from '../../gateway/alerts/render-alert.js';
import { signBody, webhookRequest } from '../../gateway/alerts/webhook-notifier.js';

const alert = newAlert({
  kind: 'ack-overdue',
  partner: { id: 'acme', name: 'ACME Retail' },
  reference: { document: 'invoice', number: '4711' },
  documentId: '81',
  acknowledgment: '997',
  documentSentAt: new Date('2025-03-03T10:00:00Z'),
  dueAt: new Date('2025-03-03T12:00:00Z'),
  occurredAt: new Date('2025-03-03T14:00:00Z'),
});
const now = new Date('2025-03-03T14:00:07.900Z');

/** What a receiver does: the HMAC of the bytes it got, compared in constant time with the header's. */
function verifies(key: Buffer, body: Buffer, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(body).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook request', () => {
  const key = randomBytes(32);
  const request = webhookRequest(alert, { key, now });

  it('signs the exact body bytes with the key, and carries the timestamp in the header and, signed, in the body', () => {
    expect(verifies(key, request.body, request.headers['X-EDI-Signature'])).toBe(true);
    expect(request.headers['X-EDI-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.headers['X-EDI-Timestamp']).toBe('1741010407');
    expect(request.headers['Content-Type']).toBe('application/json');
    const body = JSON.parse(request.body.toString('utf8'));
    expect(body).toMatchObject({
      key: 'ack-overdue:81:2025-03-03T12:00:00.000Z',
      kind: 'ack-overdue',
      timestamp: 1741010407,
      partner: { id: 'acme', name: 'ACME Retail' },
      reference: { document: 'invoice', number: '4711' },
      documentId: '81',
      dueAt: '2025-03-03T12:00:00.000Z',
      occurredAt: '2025-03-03T14:00:00.000Z',
      ...renderAlert(alert),
    });
  });

  it('does not verify with another key, a changed body, or a signature of the parsed and re-written JSON', () => {
    expect(verifies(randomBytes(32), request.body, request.headers['X-EDI-Signature'])).toBe(false);
    const changed = Buffer.from(request.body.toString('utf8').replace('4711', '4712'));
    expect(verifies(key, changed, request.headers['X-EDI-Signature'])).toBe(false);
    const rewritten = Buffer.from(JSON.stringify(JSON.parse(request.body.toString('utf8')), null, 2));
    expect(verifies(key, rewritten, request.headers['X-EDI-Signature'])).toBe(false);
    expect(verifies(key, request.body, undefined)).toBe(false);
  });

  it('keeps non-ASCII text intact in the signed UTF-8 bytes', () => {
    const named = newAlert({ ...alert, partner: { id: 'mueller', name: 'Müller Logistik' } });
    const signed = webhookRequest(named, { key, now });
    expect(JSON.parse(signed.body.toString('utf8')).subject).toBe('The 997 for invoice 4711 to Müller Logistik is 2 hours overdue');
    expect(verifies(key, signed.body, signed.headers['X-EDI-Signature'])).toBe(true);
    expect(signBody(key, signed.body)).toBe(signed.headers['X-EDI-Signature']);
    expect(verifies(key, Buffer.from(signed.body.toString('latin1'), 'utf8'), signed.headers['X-EDI-Signature'])).toBe(false);
  });
});
