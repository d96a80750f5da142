// The one list of error codes the gateway reports. Codes are stable and never reused; the README's
// "Error codes" table is checked against this list by test/unit/error-catalogue.test.ts.

export interface ErrorDefinition {
  /** What a support person reads: plain words, no stack traces. */
  readonly summary: string;
  /** HTTP status when the error reaches the API. */
  readonly httpStatus: number;
  /** Whether trying the same thing again later can succeed without anyone changing anything. */
  readonly retryable: boolean;
}

export const errorCatalogue = {
  CONFIG_INVALID: {
    summary: 'A configuration setting is missing or has a value the gateway cannot use.',
    httpStatus: 500,
    retryable: false,
  },
  CONFIG_FILE_UNREADABLE: {
    summary: 'The configuration file could not be read or is not valid YAML.',
    httpStatus: 500,
    retryable: false,
  },
  DB_EMBEDDED_IN_USE: {
    summary: 'The embedded database folder is already used by another running gateway.',
    httpStatus: 500,
    retryable: false,
  },
  DB_EMBEDDED_START_FAILED: {
    summary: 'The embedded PostgreSQL server could not be started.',
    httpStatus: 500,
    retryable: true,
  },
  DB_UNAVAILABLE: {
    summary: 'The database cannot be reached.',
    httpStatus: 503,
    retryable: true,
  },
  MIGRATION_FAILED: {
    summary: 'A database migration failed; nothing of it was applied.',
    httpStatus: 500,
    retryable: false,
  },
  REQUEST_INVALID: {
    summary: 'The request has a parameter with a value the gateway does not accept.',
    httpStatus: 400,
    retryable: false,
  },
  NOT_FOUND: {
    summary: 'There is nothing at this address.',
    httpStatus: 404,
    retryable: false,
  },
  INTERNAL: {
    summary: 'The gateway failed unexpectedly; the details are in its log under the request id.',
    httpStatus: 500,
    retryable: true,
  },
  FILE_TOO_LARGE: {
    summary: 'The file is larger than the gateway accepts (EDI_MAX_FILE_BYTES).',
    httpStatus: 413,
    retryable: false,
  },
  FILE_EMPTY: {
    summary: 'The file is empty.',
    httpStatus: 422,
    retryable: false,
  },
  FILE_NOT_EDI: {
    summary: 'The file is neither X12 (starting with ISA) nor EDIFACT (starting with UNA or UNB).',
    httpStatus: 422,
    retryable: false,
  },
  FILE_UNREADABLE: {
    summary: 'The file cannot be opened: it does not exist, or the gateway may not read it.',
    httpStatus: 404,
    retryable: false,
  },
  PROFILE_INVALID: {
    summary: 'A partner profile has fields that are missing or wrong; each problem names the field and, for a file, its line.',
    httpStatus: 422,
    retryable: false,
  },
  PARTNER_EXISTS: {
    summary: 'A partner with this id already exists.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_NOT_FOUND: {
    summary: 'There is no partner with this id, or no such version of its profile.',
    httpStatus: 404,
    retryable: false,
  },
  PARTNER_VERSION_CONFLICT: {
    summary: 'The partner profile was changed by someone else meanwhile; start again from its current version.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_IDENTITY_TAKEN: {
    summary: 'Another partner already sends under this envelope id; two partners cannot share one.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_NOT_READY: {
    summary: 'The partner cannot go to production yet: a document it sends has no passing sample file at its current profile version.',
    httpStatus: 409,
    retryable: false,
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
