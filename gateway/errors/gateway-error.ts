import { errorCatalogue, type ErrorCode } from './catalogue.js';

/** Where a problem sits: the file, or the setting, it is about. */
export interface ErrorLocation {
  readonly file?: string;
  readonly setting?: string;
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
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

/** The message of anything thrown, for logs and events. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
