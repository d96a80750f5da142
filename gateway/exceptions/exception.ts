import type { ErrorCode } from '../errors/catalogue.js';

// An exception: a problem the gateway cannot settle alone, kept until a person acts on it. Steps open one
// in their own transaction when they find such a problem; support lists them and takes one of the actions
// allowed on each.

/** What a person may do about an exception; each step that opens one says which apply. */
export const ExceptionAction = {
  /** Run the step again as it is (the cause was outside: Odoo data fixed, a partner set up). */
  RETRY: 'RETRY',
  /** Process what the gateway held back (a duplicate interchange), with a reason. */
  FORCE: 'FORCE',
  /** Read the file again from its stored bytes, with the current or a chosen profile version. */
  REPLAY: 'REPLAY',
  /** Send an outbound document again, with new control numbers. */
  RESUBMIT: 'RESUBMIT',
  /** Close it without doing anything, with a reason. */
  DISMISS: 'DISMISS',
} as const;

export type ExceptionAction = (typeof ExceptionAction)[keyof typeof ExceptionAction];

export const ExceptionState = { OPEN: 'OPEN', RESOLVED: 'RESOLVED' } as const;

export type ExceptionState = (typeof ExceptionState)[keyof typeof ExceptionState];

export interface NewException {
  /** Names the problem and what it is about ('translate:set:42'): opening it again opens nothing new. */
  readonly key: string;
  readonly code: ErrorCode;
  /** The cause in words support understands, naming what is wrong and where. */
  readonly message: string;
  readonly partner?: string;
  /** The business reference: purchase order, invoice or shipment number. */
  readonly reference?: string;
  readonly fileId?: string;
  readonly setId?: string;
  readonly documentId?: string;
  /** Where in the file (segment, element, offset), when the problem is in its content. */
  readonly location?: Readonly<Record<string, unknown>>;
  readonly actions: readonly ExceptionAction[];
}

export interface StoredException extends Required<Pick<NewException, 'key' | 'code' | 'message' | 'actions'>> {
  readonly id: string;
  readonly partner: string | null;
  readonly reference: string | null;
  readonly fileId: string | null;
  readonly setId: string | null;
  readonly documentId: string | null;
  readonly location: Readonly<Record<string, unknown>> | null;
  readonly state: ExceptionState;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: Date | null;
  readonly createdAt: Date;
}
