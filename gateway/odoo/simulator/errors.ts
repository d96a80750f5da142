/**
 * Odoo's exceptions as they travel: the Python class name and message that JSON-RPC puts in `error.data`,
 * and the status (and, where JSON-2 answers with a werkzeug exception instead, that name) of JSON-2.
 */
export interface Json2Form {
  readonly status: number;
  readonly name?: string;
  readonly message?: string;
}

export class OdooError extends Error {
  readonly pythonName: string;
  readonly json2: Json2Form;
  readonly args: readonly unknown[];

  constructor(pythonName: string, message: string, json2: Json2Form, args?: readonly unknown[]) {
    super(message);
    this.name = 'OdooError';
    this.pythonName = pythonName;
    this.json2 = json2;
    this.args = args ?? [message];
  }
}

const exception = (name: string, status: number) => (message: string) => new OdooError(name, message, { status });

export const userError = exception('odoo.exceptions.UserError', 422);
export const validationError = exception('odoo.exceptions.ValidationError', 422);
export const accessError = exception('odoo.exceptions.AccessError', 403);
export const missingError = exception('odoo.exceptions.MissingError', 404);
export const valueError = exception('builtins.ValueError', 500);
export const typeError = exception('builtins.TypeError', 500);
export const keyError = exception('builtins.KeyError', 500);
export const indexError = exception('builtins.IndexError', 500);
export const nameError = exception('builtins.NameError', 500);
export const operationalError = exception('psycopg2.OperationalError', 500);

export function accessDenied(message = 'Access Denied'): OdooError {
  return new OdooError('odoo.exceptions.AccessDenied', message, { status: 403 });
}

/** What PostgreSQL reports when a concurrent transaction changed the same rows, after Odoo's own retries. */
export function serializationFailure(): OdooError {
  return new OdooError('psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update\n', { status: 500 });
}

/** Database integrity failures reach the caller as ValidationError with this prefix (2.6, 2.7). */
export function integrityError(detail: string): OdooError {
  return validationError(`The operation cannot be completed: ${detail}`);
}

export function missingRecords(model: string, ids: readonly number[], uid: number): OdooError {
  const tuple = `${ids.join(', ')},`;
  return missingError(`Record does not exist or has been deleted.\n(Record: ${model}(${tuple}), User: ${uid})`);
}

export function unknownModel(model: string): OdooError {
  return new OdooError('odoo.exceptions.UserError', `Object ${model} doesn't exist`, {
    status: 404,
    name: 'werkzeug.exceptions.NotFound',
    message: `the model '${model}' does not exist`,
  });
}

export function unknownMethod(model: string, method: string, version: number): OdooError {
  const message = version >= 19 ? `The method '${model}.${method}' does not exist` : `The method '${method}' does not exist on the model '${model}'`;
  return new OdooError('builtins.AttributeError', message, { status: 404, name: 'werkzeug.exceptions.NotFound' });
}

export function privateMethod(model: string, method: string): OdooError {
  return accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
}

/** JSON-2 refusals raised by the controller itself rather than by the model. */
export function unprocessable(message: string): OdooError {
  return new OdooError('werkzeug.exceptions.UnprocessableEntity', message, { status: 422 });
}

export function badRequest(message: string): OdooError {
  return new OdooError('werkzeug.exceptions.BadRequest', message, { status: 400 });
}

export function notFound(message: string): OdooError {
  return new OdooError('werkzeug.exceptions.NotFound', message, { status: 404 });
}

export function unauthorized(): OdooError {
  return new OdooError('werkzeug.exceptions.Unauthorized', 'Invalid apikey', { status: 401 }, ['Invalid apikey', 401]);
}

/** Anything else thrown while serving a call is, to the caller, an unexpected server-side exception. */
export function asOdooError(error: unknown): OdooError {
  if (error instanceof OdooError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooError('builtins.RuntimeError', message, { status: 500 });
}

export interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly arguments: readonly unknown[];
  readonly context: Record<string, unknown>;
  readonly debug: string;
}

function traceback(name: string, message: string): string {
  // AccessDenied hides its traceback on purpose in Odoo; other errors show where they came from.
  const frames = name === 'odoo.exceptions.AccessDenied' ? '' : '  File "/opt/odoo/odoo/http.py", line 1, in dispatch\n';
  return `Traceback (most recent call last):\n${frames}${name}: ${message}\n`;
}

/** The `error.data` object of JSON-RPC. */
export function jsonRpcErrorData(error: OdooError): ErrorData {
  return { name: error.pythonName, message: error.message, arguments: error.args, context: {}, debug: traceback(error.pythonName, error.message) };
}

/** The bare error object of JSON-2 and its status. */
export function json2ErrorBody(error: OdooError): { status: number; body: ErrorData } {
  const name = error.json2.name ?? error.pythonName;
  const message = error.json2.message ?? error.message;
  const args = error.json2.message !== undefined ? [message] : error.args;
  return { status: error.json2.status, body: { name, message, arguments: args, context: {}, debug: traceback(name, message) } };
}
