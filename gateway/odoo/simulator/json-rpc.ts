import type { FastifyInstance } from 'fastify';
import { bindExecuteKw } from './bind-arguments.js';
import type { SimulatorCore } from './core.js';
import { resolveMethod, runCall } from './dispatch.js';
import { accessDenied, asOdooError, jsonRpcErrorData, keyError, nameError, typeError } from './errors.js';
import { dropConnection, mimeType, sendHtmlError } from './http-replies.js';
import { pyRepr } from './python-repr.js';
import { versionPayload } from './versions.js';

interface Served {
  readonly result: unknown;
  /** Set for `object` calls: what the commit-then-drop fault matches on. */
  readonly call?: { readonly model: string; readonly method: string };
}

function arity(name: string, args: readonly unknown[], names: readonly string[], optional = 0): void {
  const least = names.length - optional;
  if (args.length < least) {
    const missing = names.slice(args.length, least).map((item) => `'${item}'`);
    throw typeError(`${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missing.join(' and ')}`);
  }
  if (args.length > names.length) throw typeError(`${name}() takes ${least === names.length ? names.length : `from ${least} to ${names.length}`} positional arguments but ${args.length} were given`);
}

function common(core: SimulatorCore, method: string, args: readonly unknown[], source: string): Served {
  switch (method) {
    case 'version':
      arity('exp_version', args, []);
      return { result: versionPayload(core.version, core.edition) };
    case 'login':
      arity('exp_login', args, ['db', 'login', 'password']);
      return { result: core.auth.login(args[0], args[1], args[2], source) };
    case 'authenticate':
      arity('exp_authenticate', args, ['db', 'login', 'password', 'user_agent_env']);
      return { result: core.auth.login(args[0], args[1], args[2], source) };
    default:
      throw keyError(pyRepr(`exp_${method}`));
  }
}

function object(core: SimulatorCore, method: string, args: readonly unknown[], source: string): Served {
  if (method !== 'execute' && method !== 'execute_kw') throw nameError(`Method not available ${method}`);
  const uid = core.auth.check(args[0], args[1], args[2], source);
  let positional: unknown;
  let keywords: unknown;
  if (method === 'execute_kw') {
    arity('execute_kw', args, ['db', 'uid', 'password', 'model', 'method', 'args', 'kw'], 1);
    [positional, keywords] = [args[5], args[6] ?? {}];
  } else {
    arity('execute', args.slice(0, 5), ['db', 'uid', 'password', 'model', 'method']);
    [positional, keywords] = [args.slice(5), {}];
  }
  const resolved = resolveMethod(core, args[3], args[4]);
  if (!Array.isArray(positional)) throw typeError(`${resolved.name}() argument after * must be an iterable, not ${typeof positional}`);
  if (keywords === null || typeof keywords !== 'object' || Array.isArray(keywords)) throw typeError(`${resolved.name}() argument after ** must be a mapping`);
  const bound = bindExecuteKw(resolved, core.version, positional, keywords as Record<string, unknown>);
  return { result: runCall(core, uid, resolved, bound, 'execute_kw'), call: { model: resolved.model.name, method: resolved.name } };
}

function db(core: SimulatorCore, method: string): Served {
  // Production servers run with list_db off; every other db function wants the master password.
  if (method === 'server_version') return { result: `${core.version}.0` };
  throw accessDenied();
}

function serve(core: SimulatorCore, params: unknown, source: string): Served {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw typeError('jsonrpc() argument after ** must be a mapping');
  const { service, method, args, ...extra } = params as Record<string, unknown>;
  const unexpected = Object.keys(extra)[0];
  if (unexpected !== undefined) throw typeError(`jsonrpc() got an unexpected keyword argument '${unexpected}'`);
  const missing = (['service', 'method', 'args'] as const).filter((name) => (params as Record<string, unknown>)[name] === undefined);
  if (missing.length > 0) throw typeError(`jsonrpc() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missing.map((name) => `'${name}'`).join(' and ')}`);
  const list = Array.isArray(args) ? args : [];
  if (service === 'common') return common(core, String(method), list, source);
  if (service === 'object') return object(core, String(method), list, source);
  if (service === 'db') return db(core, String(method));
  throw keyError(pyRepr(service));
}

/** POST /jsonrpc: the JSON-RPC 2.0 envelope of reference 1.2, errors with code 200 and HTTP 200. */
export function registerJsonRpc(app: FastifyInstance, core: SimulatorCore): void {
  app.post('/jsonrpc', async (request, reply) => {
    const mime = mimeType(request.headers['content-type']);
    if (mime !== 'application/json' && !(core.version >= 17 && mime === 'application/json-rpc')) {
      return sendHtmlError(reply, 400, 'Bad Request', `Request inferred type is compatible with ['http'] but /jsonrpc is type=json.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(String(request.body ?? ''));
    } catch {
      return reply.code(400).type('text/plain; charset=utf-8').send('Invalid JSON data');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return reply.code(400).type('text/plain; charset=utf-8').send('Invalid JSON-RPC data');
    const id = (body as Record<string, unknown>).id ?? null;
    let served: Served;
    try {
      served = serve(core, (body as Record<string, unknown>).params ?? {}, request.ip);
    } catch (error) {
      const data = jsonRpcErrorData(asOdooError(error));
      return reply.type('application/json').send({ jsonrpc: '2.0', id, error: { code: 200, message: 'Odoo Server Error', data } });
    }
    if (served.call && core.faults.takeDrop(served.call.model, served.call.method)) return dropConnection(reply);
    // Odoo leaves `result` out when the method returned None.
    const response = served.result === undefined || served.result === null ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result: served.result };
    return reply.type('application/json').send(response);
  });
}
