import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { alertFromJson, alertKinds, alertToJson, newAlert, type AckOverdueAlert, type Alert } from '../../gateway/alerts/alert.js';
import { NOTIFICATION_TEMPLATES_DIR, dateWords, durationWords, loadAlertTemplates, renderAlert } from '../../gateway/alerts/render-alert.js';

const acme = { id: 'acme', name: 'ACME Retail' };
const invoice = { document: 'invoice', number: '4711' };
const sentAt = new Date('2025-03-03T10:00:00Z');
const dueAt = new Date('2025-03-03T12:00:00Z');

const overdue = (occurredAt: Date, partner: { id: string; name?: string } = acme) =>
  newAlert({ kind: 'ack-overdue', partner, reference: invoice, documentId: '81', acknowledgment: '997', documentSentAt: sentAt, dueAt, occurredAt });

const examples: Record<Alert['kind'], Alert> = {
  'ack-overdue': overdue(new Date('2025-03-03T14:00:00Z')),
  'ack-rejected': newAlert({
    kind: 'ack-rejected',
    partner: acme,
    reference: invoice,
    documentId: '81',
    acknowledgment: '997',
    acknowledgmentControlNumber: '000000912',
    reason: 'IT103, the unit of measure, has the code "XX", which is not a unit of measure.',
    occurredAt: new Date('2025-03-03T10:20:00Z'),
  }),
  'file-quarantined': newAlert({
    kind: 'file-quarantined',
    partner: acme,
    fileId: '5',
    fileName: 'po.x12',
    reason: 'Interchange 000000001 says it is from ISA id ZZ/STRANGER, which is no partner\'s id.',
    occurredAt: new Date('2025-03-03T09:05:00Z'),
  }),
  'exception-opened': newAlert({
    kind: 'exception-opened',
    partner: acme,
    reference: invoice,
    exceptionId: '17',
    code: 'AS2_SEND_FAILED',
    cause: "ACME Retail's AS2 server gave no MDN for invoice 4711 after 3 attempts.",
    occurredAt: new Date('2025-03-03T11:00:00Z'),
  }),
};

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-alert-templates-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A templates folder: the shipped templates with `changes` written over them (undefined removes one). */
function templatesWith(changes: Record<string, string | undefined>): URL {
  const dir = fs.mkdtempSync(path.join(folder, 'case-'));
  for (const kind of alertKinds) fs.copyFileSync(new URL(`${kind}.hbs`, NOTIFICATION_TEMPLATES_DIR), path.join(dir, `${kind}.hbs`));
  for (const [kind, source] of Object.entries(changes)) {
    if (source === undefined) fs.rmSync(path.join(dir, `${kind}.hbs`));
    else fs.writeFileSync(path.join(dir, `${kind}.hbs`), source);
  }
  return pathToFileURL(`${dir}/`);
}

describe('renderAlert', () => {
  it('says what happened in a subject line and a text a support person can act on', () => {
    expect(renderAlert(examples['ack-overdue'])).toEqual({
      subject: 'The 997 for invoice 4711 to ACME Retail is 2 hours overdue',
      text:
        'We sent invoice 4711 to ACME Retail on 3 Mar 2025 10:00 UTC and expected their 997 by 3 Mar 2025 12:00 UTC. ' +
        'It had not come back by 3 Mar 2025 14:00 UTC, so we cannot be sure that ACME Retail received it.\n' +
        'Ask ACME Retail whether invoice 4711 arrived, and send it again if it did not.',
    });
    expect(renderAlert(examples['ack-rejected']).subject).toBe('ACME Retail rejected invoice 4711');
    expect(renderAlert(examples['ack-rejected']).text).toContain('(control number 000000912) rejects invoice 4711: IT103, the unit of measure');
    expect(renderAlert(examples['file-quarantined']).subject).toBe("po.x12 in ACME Retail's mailbox is from an unknown sender");
    expect(renderAlert(examples['file-quarantined']).text).toContain('The file po.x12 (file 5) came in through');
    expect(renderAlert(examples['exception-opened']).subject).toBe('A problem with invoice 4711 for ACME Retail needs attention (exception 17)');
    expect(renderAlert(examples['exception-opened']).text).toContain('exception 17 (code AS2_SEND_FAILED)');
  });

  it('leaves out what is not known instead of writing undefined or null', () => {
    const bare = newAlert({ kind: 'exception-opened', exceptionId: '18', code: 'INTERNAL', cause: 'The gateway failed unexpectedly.', occurredAt: new Date('2025-03-03T11:00:00Z') });
    expect(renderAlert(bare).subject).toBe('A problem in the gateway needs attention (exception 18)');
    expect(renderAlert(overdue(new Date('2025-03-03T14:00:00Z'), { id: 'acme' })).subject).toBe('The 997 for invoice 4711 to acme is 2 hours overdue');
    expect(renderAlert(overdue(new Date('2025-03-03T12:00:30Z'))).subject).toBe('The 997 for invoice 4711 to ACME Retail is overdue');
    for (const alert of [bare, ...Object.values(examples)]) {
      const { subject, text } = renderAlert(alert);
      expect(`${subject}\n${text}`).not.toMatch(/undefined|null|\[object|\{\{|&#x27;|&amp;/);
      expect(subject).not.toContain('\n');
    }
  });

  it('refuses a missing template, one that names a value the alert does not have, and one without a text', () => {
    expect(() => loadAlertTemplates(templatesWith({ 'ack-rejected': undefined }))).toThrow('There is no notification template for alerts of kind ack-rejected');

    const misspelt = loadAlertTemplates(templatesWith({ 'ack-overdue': 'The {{acknowledgement}} is late\n\nText.' }));
    expect(() => renderAlert(examples['ack-overdue'], misspelt)).toThrow(/acknowledgement/);

    const subjectOnly = loadAlertTemplates(templatesWith({ 'file-quarantined': '{{fileName}} is quarantined\n' }));
    expect(() => renderAlert(examples['file-quarantined'], subjectOnly)).toThrow('must give a subject line, a blank line and a text');
  });
});

describe('alert keys', () => {
  it('are the same for the same occurrence and differ for another', () => {
    const late = new Date('2025-03-03T14:00:00Z');
    expect(overdue(late).key).toBe(overdue(new Date('2025-03-03T15:00:00Z')).key);
    expect(overdue(late).key).toBe('ack-overdue:81:2025-03-03T12:00:00.000Z');
    const sentAgain = newAlert({ ...(examples['ack-overdue'] as AckOverdueAlert), dueAt: new Date('2025-03-04T12:00:00Z') });
    expect(sentAgain.key).not.toBe(examples['ack-overdue'].key);
    expect(new Set(Object.values(examples).map((alert) => alert.key)).size).toBe(4);
  });

  it('survive storage as JSON with their dates', () => {
    for (const alert of Object.values(examples)) expect(alertFromJson(JSON.parse(JSON.stringify(alertToJson(alert))))).toEqual(alert);
  });
});

describe('words for times', () => {
  it('writes dates in UTC and durations in the two largest units', () => {
    expect(dateWords(new Date('2025-12-01T07:05:59Z'))).toBe('1 Dec 2025 07:05 UTC');
    expect(durationWords(59_999)).toBeNull();
    expect(durationWords(-5_000)).toBeNull();
    expect(durationWords(60_000)).toBe('1 minute');
    expect(durationWords(61 * 60_000)).toBe('1 hour 1 minute');
    expect(durationWords(2 * 3_600_000)).toBe('2 hours');
    expect(durationWords(50 * 3_600_000 + 59 * 60_000)).toBe('2 days 2 hours');
  });
});
