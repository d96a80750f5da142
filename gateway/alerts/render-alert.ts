import fs from 'node:fs';
import Handlebars from 'handlebars';
import { alertKinds, type Alert, type AlertKind, type BusinessReference, type PartnerRef } from './alert.js';

// The words of an alert, from templates/notifications/<kind>.hbs: the first line is the subject, the text
// follows a blank line. Templates see the alert with its values already in words (partner by name, dates in
// UTC, "invoice 4711"), so that wording stays in the templates and the values stay exact in the alert.

export const NOTIFICATION_TEMPLATES_DIR = new URL('../../templates/notifications/', import.meta.url);

export interface AlertMessage {
  /** One line, for an e-mail subject or a chat message's title. */
  readonly subject: string;
  readonly text: string;
}

export type AlertTemplates = ReadonlyMap<AlertKind, Handlebars.TemplateDelegate>;

/** Every kind's template from `dir`; throws naming the file when one is missing. */
export function loadAlertTemplates(dir: URL = NOTIFICATION_TEMPLATES_DIR): AlertTemplates {
  return new Map(
    alertKinds.map((kind) => {
      const file = new URL(`${kind}.hbs`, dir);
      if (!fs.existsSync(file)) throw new RangeError(`There is no notification template for alerts of kind ${kind}: ${file.pathname} is missing.`);
      // Plain text, never HTML; strict, so a template naming a value the alert does not have fails in tests, not in front of support.
      return [kind, Handlebars.compile(fs.readFileSync(file, 'utf8'), { noEscape: true, strict: true })] as const;
    }),
  );
}

let shipped: AlertTemplates | undefined;

/** The alert's subject and text, from the shipped templates unless others are given. */
export function renderAlert(alert: Alert, templates?: AlertTemplates): AlertMessage {
  const chosen = templates ?? (shipped ??= loadAlertTemplates());
  const template = chosen.get(alert.kind);
  if (!template) throw new RangeError(`There is no notification template for alerts of kind ${alert.kind}.`);
  const [subject = '', ...rest] = template(viewOf(alert)).trim().split('\n');
  const message = { subject: subject.replace(/\s+/g, ' ').trim(), text: rest.join('\n').trim() };
  if (!message.subject || !message.text) throw new RangeError(`The notification template for ${alert.kind} must give a subject line, a blank line and a text.`);
  return message;
}

function viewOf(alert: Alert): Record<string, unknown> {
  const common = {
    partner: alert.partner ? partnerWords(alert.partner) : null,
    partnerId: alert.partner?.id ?? null,
    reference: alert.reference ? referenceWords(alert.reference) : null,
    fileId: alert.fileId ?? null,
    documentId: alert.documentId ?? null,
    occurredAt: dateWords(alert.occurredAt),
  };
  switch (alert.kind) {
    case 'ack-overdue':
      return {
        ...common,
        acknowledgment: alert.acknowledgment,
        documentSentAt: dateWords(alert.documentSentAt),
        dueAt: dateWords(alert.dueAt),
        overdueBy: durationWords(alert.occurredAt.getTime() - alert.dueAt.getTime()),
      };
    case 'ack-rejected':
      return { ...common, acknowledgment: alert.acknowledgment, acknowledgmentControlNumber: alert.acknowledgmentControlNumber, reason: alert.reason };
    case 'file-quarantined':
      return { ...common, fileName: alert.fileName, reason: alert.reason };
    case 'exception-opened':
      return { ...common, exceptionId: alert.exceptionId, code: alert.code, cause: alert.cause };
  }
}

function partnerWords(partner: PartnerRef): string {
  return partner.name ?? partner.id;
}

function referenceWords(reference: BusinessReference): string {
  return `${reference.document} ${reference.number}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2025 14:05 UTC": one zone for everyone reading it, wherever they are. */
export function dateWords(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

/** "2 hours", "1 hour 5 minutes", "3 days 4 hours"; null under a minute, where "overdue" alone says it. */
export function durationWords(ms: number): string | null {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return null;
  const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? '' : 's'}`;
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
    small === 0 ? count(big, bigUnit) : `${count(big, bigUnit)} ${count(small, smallUnit)}`;
  if (minutes < 60) return count(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return pair(hours, 'hour', minutes % 60, 'minute');
  return pair(Math.floor(hours / 24), 'day', hours % 24, 'hour');
}
