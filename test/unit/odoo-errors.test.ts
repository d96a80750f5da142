import { describe, expect, it } from '@jest/globals';
import { fromHttpStatus, fromNetworkError, fromOdooException, plainOdooMessage } from '../../gateway/odoo/client/odoo-errors.js';

const create = { model: 'sale.order', method: 'create' };
const confirm = { model: 'sale.order', method: 'action_confirm', ids: [7] };

describe('Odoo exceptions', () => {
  it.each([
    ['odoo.exceptions.UserError', 'Some orders are not in a state requiring confirmation.', undefined, 'ODOO_RECORD_REFUSED', false],
    ['odoo.exceptions.ValidationError', 'The operation cannot be completed: check failed', 422, 'ODOO_RECORD_REFUSED', false],
    ['odoo.exceptions.RedirectWarning', 'Configure a journal first', undefined, 'ODOO_RECORD_REFUSED', false],
    ['odoo.addons.stock.models.stock_picking.StockUserError', 'No quantities', undefined, 'ODOO_RECORD_REFUSED', false],
    ['odoo.exceptions.UserError', "Object x.y doesn't exist", undefined, 'ODOO_REQUEST_INVALID', false],
    ['odoo.exceptions.AccessError', 'You are not allowed to modify ...', 403, 'ODOO_ACCESS_DENIED', false],
    ['odoo.exceptions.MissingError', 'Record does not exist or has been deleted.', 404, 'ODOO_RECORD_MISSING', false],
    ['odoo.exceptions.AccessDenied', 'Access Denied', undefined, 'ODOO_LOGIN_REFUSED', false],
    ['werkzeug.exceptions.Unauthorized', 'Invalid apikey', 401, 'ODOO_LOGIN_REFUSED', false],
    ['builtins.ValueError', "Invalid field 'x' on model 'sale.order'", 500, 'ODOO_REQUEST_INVALID', false],
    ['builtins.TypeError', "create() got an unexpected keyword argument 'x'", undefined, 'ODOO_REQUEST_INVALID', false],
    ['builtins.AttributeError', "The method 'x' does not exist on the model 'sale.order'", undefined, 'ODOO_REQUEST_INVALID', false],
    ['werkzeug.exceptions.NotFound', "the model 'x.y' does not exist", 404, 'ODOO_REQUEST_INVALID', false],
    ['werkzeug.exceptions.UnprocessableEntity', 'cannot call sale.order.create with ids', 422, 'ODOO_REQUEST_INVALID', false],
    ['psycopg2.errors.SerializationFailure', 'could not serialize access due to concurrent update\n', 500, 'ODOO_CONCURRENT_UPDATE', true],
    ['psycopg2.errors.LockNotAvailable', 'could not obtain lock', undefined, 'ODOO_CONCURRENT_UPDATE', true],
    ['psycopg2.errors.DeadlockDetected', 'deadlock detected', undefined, 'ODOO_CONCURRENT_UPDATE', true],
    ['odoo.exceptions.LockError', 'records could not be locked', 409, 'ODOO_CONCURRENT_UPDATE', true],
    ['psycopg2.OperationalError', 'server closed the connection unexpectedly', undefined, 'ODOO_UNAVAILABLE', true],
    ['psycopg2.OperationalError', 'connection to server failed: FATAL:  database "prod" does not exist', undefined, 'ODOO_LOGIN_REFUSED', false],
    ['builtins.KeyError', "'x'", undefined, 'ODOO_FAILED', false],
    ['some.Unknown', 'teapot', 418, 'ODOO_FAILED', false],
    ['some.Unknown', 'locked', 409, 'ODOO_CONCURRENT_UPDATE', true],
  ] as const)('%s "%s" (HTTP %s) is %s', (name, message, status, code, transient) => {
    const error = fromOdooException({ name, message }, confirm, status);
    expect({ code: error.code, transient: error.transient, outcomeUnknown: error.outcomeUnknown, odoo: error.odoo }).toEqual({ code, transient, outcomeUnknown: false, odoo: { name, message } });
  });

  it('words the refusal for support: what was asked, then Odoo’s reason without its jargon', () => {
    expect(fromOdooException({ name: 'odoo.exceptions.UserError', message: 'Some orders are not in a state requiring confirmation.' }, confirm).message).toBe(
      'Odoo refused to run action_confirm on sale.order 7: Some orders are not in a state requiring confirmation.',
    );
    expect(fromOdooException({ name: 'psycopg2.errors.SerializationFailure', message: 'could not serialize access due to concurrent update\n' }, create).message).toBe(
      'Odoo could not create a sale.order record: another change to the same records was being saved at the same moment; nothing was saved',
    );
    expect(fromOdooException({ name: 'builtins.KeyError', message: "'partner_id'" }, create).message).toBe("Odoo failed to create a sale.order record: builtins.KeyError: 'partner_id'");
    expect(fromOdooException({ name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' }, { model: 'res.partner', method: 'search_read' }).message).toBe(
      "Odoo refused the gateway's login when asked to read res.partner: the database, user or API key was not accepted",
    );
  });

  it.each([
    ['odoo.exceptions.MissingError', 'Record does not exist or has been deleted.\n(Record: sale.order(999,), User: 2)', 'sale.order 999 does not exist or has been deleted'],
    ['odoo.exceptions.MissingError', 'Record does not exist or has been deleted.\n(Record: stock.move(4, 5), User: 2)', 'stock.move 4, 5 does not exist or has been deleted'],
    [
      'odoo.exceptions.AccessError',
      "You are not allowed to modify 'Model Data' (ir.model.data) records.\n\nContact your administrator to request access if necessary.",
      "You are not allowed to modify 'Model Data' (ir.model.data) records.",
    ],
    [
      'odoo.exceptions.ValidationError',
      'The operation cannot be completed: \n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: Sales Order (sale.order)\nField: Customer (partner_id)',
      'a required value is missing: Customer (partner_id) of Sales Order (sale.order)',
    ],
    [
      'odoo.exceptions.ValidationError',
      'The operation cannot be completed: duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"',
      'another record already has the same unique key (ir_model_data_module_name_uniq_index)',
    ],
    ['odoo.exceptions.ValidationError', 'The operation cannot be completed: the barcode must be unique', 'the barcode must be unique'],
    ['builtins.ValueError', "Invalid field 'mobile' on model 'res.partner'", "Odoo has no field 'mobile' on res.partner"],
    ['werkzeug.exceptions.Unauthorized', 'Invalid apikey', 'the API key is wrong, expired or revoked'],
    ['odoo.exceptions.AccessDenied', 'Too many login failures, please wait a bit before trying again.', 'Too many login failures, please wait a bit before trying again.'],
    ['odoo.exceptions.UserError', 'You need to supply a Lot/Serial number\nfor products:\n  - Serum', 'You need to supply a Lot/Serial number for products: - Serum'],
  ])('%s: %j reads %j', (name, message, plain) => {
    expect(plainOdooMessage({ name, message })).toBe(plain);
  });
});

describe('answers that are not Odoo’s', () => {
  it.each([
    [503, 'ODOO_UNAVAILABLE', true, false, 'Odoo is unavailable (HTTP 503) and did not create a sale.order record'],
    [429, 'ODOO_UNAVAILABLE', true, false, 'Odoo is unavailable (HTTP 429) and did not create a sale.order record'],
    [502, 'ODOO_UNAVAILABLE', true, true, 'Odoo or its proxy answered HTTP 502 when asked to create a sale.order record; it may or may not have been done'],
    [504, 'ODOO_UNAVAILABLE', true, true, 'Odoo or its proxy answered HTTP 504 when asked to create a sale.order record; it may or may not have been done'],
    [404, 'ODOO_FAILED', false, false, 'Odoo answered HTTP 404 when asked to create a sale.order record: the address is not an Odoo API, or the request was malformed'],
    [301, 'ODOO_FAILED', false, false, 'Odoo answered HTTP 301 when asked to create a sale.order record: the address is not an Odoo API, or the request was malformed'],
  ] as const)('HTTP %i is %s', (status, code, transient, outcomeUnknown, message) => {
    const error = fromHttpStatus(status, create);
    expect({ code: error.code, transient: error.transient, outcomeUnknown: error.outcomeUnknown, message: error.message, status: error.status }).toEqual({ code, transient, outcomeUnknown, message, status });
  });

  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    ['a refused connection', fetchFailed(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8069'), { code: 'ECONNREFUSED' })), false, 'Could not reach Odoo to create a sale.order record: the connection was refused (Odoo is not running or not listening at this address)'],
    [
      'every address refused',
      fetchFailed(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:8069'), { code: 'ECONNREFUSED' })], 'connect failed')),
      false,
      'Could not reach Odoo to create a sale.order record: the connection was refused (Odoo is not running or not listening at this address)',
    ],
    ['an unknown host', fetchFailed(Object.assign(new Error('getaddrinfo ENOTFOUND erp.example'), { code: 'ENOTFOUND' })), false, 'Could not reach Odoo to create a sale.order record: the host name does not resolve'],
    ['a reset', fetchFailed(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })), true, 'No answer from Odoo when asked to create a sale.order record: the connection was lost before Odoo answered; it may or may not have been done'],
    ['a closed socket', fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), true, 'No answer from Odoo when asked to create a sale.order record: the connection was lost before Odoo answered; it may or may not have been done'],
    ['a time-out', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), true, 'Odoo did not answer within 5000 ms when asked to create a sale.order record; it may or may not have been done'],
    ['anything else', fetchFailed(new Error('something odd')), true, 'No answer from Odoo when asked to create a sale.order record: the request failed (something odd); it may or may not have been done'],
  ])('%s', (_case, thrown, outcomeUnknown, message) => {
    const error = fromNetworkError(thrown, create, 5_000);
    expect({ code: error.code, transient: error.transient, outcomeUnknown: error.outcomeUnknown, message: error.message }).toEqual({ code: 'ODOO_UNAVAILABLE', transient: true, outcomeUnknown, message });
  });
});
