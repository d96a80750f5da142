import { errorCatalogue, type ErrorCode } from '../../errors/catalogue.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { describeCall, type OdooCall } from './odoo-call.js';

// Every way a call to Odoo fails, sorted once: transient failures (the network, a proxy's 5xx, Odoo's
// database busy or in a serialization conflict) are tried again; business refusals (UserError,
// ValidationError, AccessError, MissingError, an unknown field) never are, and carry Odoo's reason in
// words support can act on. Odoo's exception names and texts are those of reference 1.2, 1.4 and 2.6.

export type OdooErrorCode = Extract<ErrorCode, `ODOO_${string}`>;

/** Odoo's own exception: JSON-RPC `error.data`, or the JSON-2 error body. */
export interface OdooException {
  readonly name: string;
  readonly message: string;
}

export interface OdooFailureDetails {
  /** true when the request may have reached Odoo and been carried out although no answer came back. */
  readonly outcomeUnknown?: boolean;
  readonly odoo?: OdooException;
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number;
  readonly cause?: unknown;
}

export class OdooCallError extends GatewayError {
  declare readonly code: OdooErrorCode;
  /** Worth trying again later without anyone changing anything (the catalogue's `retryable`). */
  readonly transient: boolean;
  readonly outcomeUnknown: boolean;
  readonly odoo: OdooException | undefined;
  readonly status: number | undefined;

  constructor(code: OdooErrorCode, message: string, details: OdooFailureDetails = {}) {
    super(code, message, { cause: details.cause });
    this.name = 'OdooCallError';
    this.transient = errorCatalogue[code].retryable;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.odoo = details.odoo;
    this.status = details.status;
  }
}

export function isOdooCallError(error: unknown, code?: OdooErrorCode): error is OdooCallError {
  return error instanceof OdooCallError && (code === undefined || error.code === code);
}

type CallLabel = Pick<OdooCall, 'model' | 'method' | 'ids'>;

const CONCURRENCY_FAILURE = /(SerializationFailure|LockNotAvailable|DeadlockDetected|TransactionRollbackError|odoo\.exceptions\.LockError|ConcurrencyError)$/;
const DATABASE_TROUBLE = /^psycopg2\.(OperationalError|InterfaceError|errors\.(QueryCanceled|AdminShutdown|CrashShutdown|CannotConnectNow|TooManyConnections))$/;
const MISSING_DATABASE = /database "?[^"\s]*"? does not exist/;
const UNKNOWN_MODEL = /^Object \S+ doesn't exist$/;
const BUSINESS_REFUSAL = /^odoo\.(exceptions\.(UserError|ValidationError|RedirectWarning|Warning|except_orm)|.*(UserError|ValidationError))$/;
const REQUEST_MISMATCH = new Set([
  'builtins.ValueError',
  'builtins.TypeError',
  'builtins.AttributeError',
  'werkzeug.exceptions.NotFound',
  'werkzeug.exceptions.UnprocessableEntity',
  'werkzeug.exceptions.BadRequest',
]);

function codeOfException(exception: OdooException, status: number | undefined): OdooErrorCode {
  const { name, message } = exception;
  if (CONCURRENCY_FAILURE.test(name)) return 'ODOO_CONCURRENT_UPDATE';
  if (name === 'odoo.exceptions.AccessDenied' || name === 'werkzeug.exceptions.Unauthorized') return 'ODOO_LOGIN_REFUSED';
  if (name === 'odoo.exceptions.AccessError') return 'ODOO_ACCESS_DENIED';
  if (name === 'odoo.exceptions.MissingError') return 'ODOO_RECORD_MISSING';
  // execute_kw reports an unknown model as a UserError (reference 2.6): a mapping fault, not a business one.
  if (name === 'odoo.exceptions.UserError' && UNKNOWN_MODEL.test(message.trim())) return 'ODOO_REQUEST_INVALID';
  if (BUSINESS_REFUSAL.test(name)) return 'ODOO_RECORD_REFUSED';
  if (REQUEST_MISMATCH.has(name)) return 'ODOO_REQUEST_INVALID';
  if (DATABASE_TROUBLE.test(name)) return MISSING_DATABASE.test(message) ? 'ODOO_LOGIN_REFUSED' : 'ODOO_UNAVAILABLE';
  switch (status) {
    case 401:
      return 'ODOO_LOGIN_REFUSED';
    case 403:
      return 'ODOO_ACCESS_DENIED';
    case 404:
      return 'ODOO_REQUEST_INVALID';
    case 409:
      return 'ODOO_CONCURRENT_UPDATE';
    case 422:
      return 'ODOO_RECORD_REFUSED';
    default:
      return 'ODOO_FAILED';
  }
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Odoo's message without its record tuples, administrator boilerplate and database jargon. */
export function plainOdooMessage(exception: OdooException): string {
  const text = exception.message.trim();
  const missing = /Record does not exist or has been deleted\.\s*\(Record: ([\w.]+)\(([\d, ]*?),?\), User: \d+\)/.exec(text);
  if (missing) return `${missing[1]} ${missing[2]!.replace(/\s+/g, ' ')} does not exist or has been deleted`;
  if (CONCURRENCY_FAILURE.test(exception.name)) return 'another change to the same records was being saved at the same moment; nothing was saved';
  if (exception.name === 'werkzeug.exceptions.Unauthorized') return 'the API key is wrong, expired or revoked';
  if (exception.name === 'odoo.exceptions.AccessDenied' && text === 'Access Denied') return 'the database, user or API key was not accepted';
  if (exception.name === 'odoo.exceptions.AccessError') return oneLine(text.split(/\n\s*\n/)[0] ?? text);
  const invalidField = /^Invalid field '([^']+)' on model '([^']+)'$/.exec(text);
  if (invalidField) return `Odoo has no field '${invalidField[1]}' on ${invalidField[2]}`;
  if (text.startsWith('The operation cannot be completed:')) {
    const detail = text.slice('The operation cannot be completed:'.length);
    const mandatory = /Model: (.+)\n\s*Field: (.+)/.exec(detail);
    if (mandatory) return `a required value is missing: ${oneLine(mandatory[2]!)} of ${oneLine(mandatory[1]!)}`;
    const unique = /duplicate key value violates unique constraint "([^"]+)"/.exec(detail);
    if (unique) return `another record already has the same unique key (${unique[1]})`;
    return oneLine(detail);
  }
  return oneLine(text);
}

/** A call Odoo answered with one of its exceptions (JSON-RPC error envelope, JSON-2 error body). */
export function fromOdooException(exception: OdooException, call: CallLabel, status?: number): OdooCallError {
  const code = codeOfException(exception, status);
  const action = describeCall(call);
  const plain = plainOdooMessage(exception);
  const message = ((): string => {
    switch (code) {
      case 'ODOO_LOGIN_REFUSED':
        return `Odoo refused the gateway's login when asked to ${action}: ${plain}`;
      case 'ODOO_CONCURRENT_UPDATE':
      case 'ODOO_UNAVAILABLE':
        return `Odoo could not ${action}: ${plain}`;
      case 'ODOO_FAILED':
        return `Odoo failed to ${action}: ${exception.name}: ${plain}`;
      default:
        return `Odoo refused to ${action}: ${plain}`;
    }
  })();
  return new OdooCallError(code, message, { odoo: exception, ...(status === undefined ? {} : { status }) });
}

/**
 * An HTTP answer that is not Odoo's reply: a proxy's or load balancer's error page, or a status with no
 * Odoo exception in it. A 503 (no server to hand the request to) and a 429 mean it was not run; after a
 * 502, 504 or 500 from a proxy nobody can tell.
 */
export function fromHttpStatus(status: number, call: CallLabel): OdooCallError {
  const action = describeCall(call);
  if (status === 503 || status === 429) {
    return new OdooCallError('ODOO_UNAVAILABLE', `Odoo is unavailable (HTTP ${status}) and did not ${action}`, { status });
  }
  if (status >= 500 || status === 408) {
    return new OdooCallError('ODOO_UNAVAILABLE', `Odoo or its proxy answered HTTP ${status} when asked to ${action}; it may or may not have been done`, {
      status,
      outcomeUnknown: true,
    });
  }
  return new OdooCallError('ODOO_FAILED', `Odoo answered HTTP ${status} when asked to ${action}: the address is not an Odoo API, or the request was malformed`, { status });
}

/** A value quoted in a message, cut short: an unexpected answer can be a whole HTML page or a long list. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** A 200 answer whose body is not the reply the API promises. */
export function malformedReply(call: CallLabel, what: string): OdooCallError {
  return new OdooCallError('ODOO_FAILED', `Odoo's answer to ${describeCall(call)} is not its API's reply: ${what}`);
}

// Failures before the request left: the call certainly did not run. Anything else (a reset, a timeout after
// sending) leaves the outcome open.
const NOT_SENT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (Odoo is not running or not listening at this address)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved for now',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
};
const LOST: Readonly<Record<string, string>> = {
  ECONNRESET: 'the connection was lost before Odoo answered',
  EPIPE: 'the connection was lost before Odoo answered',
  UND_ERR_SOCKET: 'the connection was lost before Odoo answered',
  UND_ERR_HEADERS_TIMEOUT: 'Odoo did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'Odoo did not finish its answer in time',
};

function errnoOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  // Several addresses tried (IPv6 then IPv4): an AggregateError whose members carry the codes.
  if (Array.isArray(errors)) return errors.map(errnoOf).find((found) => found !== undefined);
  return cause === undefined ? undefined : errnoOf(cause);
}

const property = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/** fetch failed or was aborted: what happened, in words, and whether the request may have run. */
export function fromNetworkError(error: unknown, call: CallLabel, timeoutMs: number): OdooCallError {
  if (error instanceof OdooCallError) return error;
  const action = describeCall(call);
  // fetch's errors (and DOMException) may come from another realm than this module's Error: no instanceof.
  const name = property(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new OdooCallError('ODOO_UNAVAILABLE', `Odoo did not answer within ${timeoutMs} ms when asked to ${action}; it may or may not have been done`, {
      outcomeUnknown: true,
      cause: error,
    });
  }
  const cause = property(error, 'cause');
  const errno = errnoOf(cause ?? error);
  if (errno !== undefined && NOT_SENT[errno]) {
    return new OdooCallError('ODOO_UNAVAILABLE', `Could not reach Odoo to ${action}: ${NOT_SENT[errno]}`, { cause: error });
  }
  const detail = property(cause, 'message') ?? property(error, 'message') ?? String(error);
  const reason = (errno !== undefined && LOST[errno]) || `the request failed (${String(detail)})`;
  return new OdooCallError('ODOO_UNAVAILABLE', `No answer from Odoo when asked to ${action}: ${reason}; it may or may not have been done`, {
    outcomeUnknown: true,
    cause: error,
  });
}

/** What a change whose answer was lost becomes when it must not be sent again blindly. */
export function outcomeUnknown(failure: OdooCallError): OdooCallError {
  return new OdooCallError('ODOO_OUTCOME_UNKNOWN', `${failure.message}, so it is not sent again before the gateway has checked whether it was`, {
    outcomeUnknown: true,
    cause: failure,
    ...(failure.status === undefined ? {} : { status: failure.status }),
  });
}
