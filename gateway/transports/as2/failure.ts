import type { ErrorCode } from '../../errors/catalogue.js';

// What can go wrong with a message or an MDN, as a value: the catalogued code, the words of RFC 4130's
// disposition modifier it becomes in an MDN, and what happened, naming the place.

/** RFC 4130 7.4.3: the error an MDN reports. */
export type DispositionError =
  | 'authentication-failed'
  | 'decompression-failed'
  | 'decryption-failed'
  | 'insufficient-message-security'
  | 'integrity-check-failed'
  | 'unexpected-processing-error';

export interface As2Failure {
  readonly code: ErrorCode;
  readonly error: DispositionError;
  readonly detail: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: As2Failure };

export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failed<T>(code: ErrorCode, error: DispositionError, detail: string): Outcome<T> {
  return { ok: false, failure: { code, error, detail } };
}
