import type { AcknowledgmentKind } from '../pipeline/make-acknowledgments.js';

// What support is told about, as it happened: an acknowledgment that is overdue or rejects one of our
// documents, a quarantined file, an exception. One value per occurrence, whose key names that occurrence,
// so that noticing it again (on every sweep, on another instance) alerts nobody twice.

export type AlertKind = 'ack-overdue' | 'ack-rejected' | 'file-quarantined' | 'exception-opened';

export const alertKinds: readonly AlertKind[] = ['ack-overdue', 'ack-rejected', 'file-quarantined', 'exception-opened'];

export interface PartnerRef {
  readonly id: string;
  /** The name support knows the partner by, when its profile gives one. */
  readonly name?: string;
}

/** What the business calls the document: `{ document: 'invoice', number: '4711' }` reads "invoice 4711". */
export interface BusinessReference {
  /** In words: 'order', 'ship notice', 'shipment status', 'invoice', 'interchange' ... */
  readonly document: string;
  readonly number: string;
}

interface AlertBase {
  /** Names the occurrence: the same occurrence always has the same key (see `newAlert`). */
  readonly key: string;
  readonly partner?: PartnerRef;
  readonly reference?: BusinessReference;
  /** A received file (`received_files.id`). */
  readonly fileId?: string;
  /** One of our documents, or a document read from a file. */
  readonly documentId?: string;
  readonly occurredAt: Date;
}

/** A partner has not acknowledged one of our documents within the time its profile allows. */
export interface AckOverdueAlert extends AlertBase {
  readonly kind: 'ack-overdue';
  readonly partner: PartnerRef;
  readonly reference: BusinessReference;
  readonly documentId: string;
  /** The acknowledgment we are waiting for. */
  readonly acknowledgment: AcknowledgmentKind;
  readonly documentSentAt: Date;
  readonly dueAt: Date;
}

/** A partner's acknowledgment rejects one of our documents. */
export interface AckRejectedAlert extends AlertBase {
  readonly kind: 'ack-rejected';
  readonly partner: PartnerRef;
  readonly reference: BusinessReference;
  readonly documentId: string;
  readonly acknowledgment: AcknowledgmentKind;
  /** ISA13 / UNB 0020 of the acknowledgment that rejects it. */
  readonly acknowledgmentControlNumber: string;
  /** What the acknowledgment says is wrong, in plain words. */
  readonly reason: string;
}

/** A file came in under a sender id that is no partner's and waits for support to decide. */
export interface FileQuarantinedAlert extends AlertBase {
  readonly kind: 'file-quarantined';
  /** The partner whose mailbox or folder it came in through. */
  readonly partner: PartnerRef;
  readonly fileId: string;
  readonly fileName: string;
  readonly reason: string;
}

/** Something failed that support has to look at; it is in the exceptions view. */
export interface ExceptionOpenedAlert extends AlertBase {
  readonly kind: 'exception-opened';
  readonly exceptionId: string;
  /** The error code from the catalogue. */
  readonly code: string;
  /** What went wrong, in plain words. */
  readonly cause: string;
}

export type Alert = AckOverdueAlert | AckRejectedAlert | FileQuarantinedAlert | ExceptionOpenedAlert;

type WithoutKey<T> = T extends unknown ? Omit<T, 'key'> : never;

/** An alert as its caller knows it; `newAlert` adds the key. */
export type AlertInput = WithoutKey<Alert>;

/**
 * The alert with its key, made from what identifies the occurrence: an overdue acknowledgment by the
 * document and its due time (a document sent again is due again, and may be overdue again), a rejection
 * by the document and the acknowledgment, a quarantine by the file, an exception by its id.
 */
export function newAlert(input: AlertInput): Alert {
  return { ...input, key: alertKey(input) } as Alert;
}

function alertKey(input: AlertInput): string {
  switch (input.kind) {
    case 'ack-overdue':
      return `ack-overdue:${input.documentId}:${input.dueAt.toISOString()}`;
    case 'ack-rejected':
      return `ack-rejected:${input.documentId}:${input.acknowledgment}:${input.acknowledgmentControlNumber}`;
    case 'file-quarantined':
      return `file-quarantined:${input.fileId}`;
    case 'exception-opened':
      return `exception-opened:${input.exceptionId}`;
  }
}

/** The state of an alert's delivery (the `alerts` table). */
export const AlertState = {
  /** Recorded; not yet taken by every notifier, or to be tried again. */
  PENDING: 'PENDING',
  /** Every notifier took it. */
  SENT: 'SENT',
  /** A notifier still refused it after the last attempt allowed; its last error is on the row. */
  FAILED: 'FAILED',
} as const;

export type AlertState = (typeof AlertState)[keyof typeof AlertState];

const dateFields = ['occurredAt', 'documentSentAt', 'dueAt'] as const;

/** The alert as JSON sends and stores it: dates as ISO 8601 text. */
export function alertToJson(alert: Alert): Record<string, unknown> {
  return JSON.parse(JSON.stringify(alert)) as Record<string, unknown>;
}

/** An alert stored by `alertToJson`, with its dates back. */
export function alertFromJson(json: Record<string, unknown>): Alert {
  const alert: Record<string, unknown> = { ...json };
  for (const field of dateFields) {
    if (typeof alert[field] === 'string') alert[field] = new Date(alert[field]);
  }
  return alert as unknown as Alert;
}
