import { errorCatalogue, type ErrorCode } from './catalogue.js';

/** Where in a file (or in a setting) a problem sits; every part is optional. */
export interface ErrorLocation {
  readonly file?: string;
  readonly setting?: string;
  readonly offset?: number;
  readonly segment?: string;
  readonly element?: string;
}

/** A failure with a catalogued code; `message` names what is wrong and where, in plain words. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, options: { location?: ErrorLocation; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.location = options.location;
  }

  get httpStatus(): number {
    return errorCatalogue[this.code].httpStatus;
  }

  get retryable(): boolean {
    return errorCatalogue[this.code].retryable;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** The message of anything thrown, for logs and events. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
