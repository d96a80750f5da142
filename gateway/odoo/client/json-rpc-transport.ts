import type { OdooCall, OdooTransport } from './odoo-call.js';
import { fromHttpStatus, fromOdooException, malformedReply, OdooCallError } from './odoo-errors.js';
import { endpoint, httpExchange, parseJson } from './odoo-http.js';

// POST /jsonrpc (Odoo 16 to 19, deprecated from 19): the JSON-RPC 2.0 envelope of reference 1.2, services
// `common` (version, authenticate) and `object` (execute_kw). Odoo answers its own errors with HTTP 200 and
// an `error` member; a method returning None leaves `result` out.

export interface JsonRpcEndpoint {
  readonly url: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

type Label = Pick<OdooCall, 'model' | 'method' | 'ids'>;

let requestId = 0;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One call of a /jsonrpc service; its result (null for None), or the failure classified. */
export async function callJsonRpcService(target: JsonRpcEndpoint, service: string, method: string, args: readonly unknown[], label: Label): Promise<unknown> {
  requestId += 1;
  const reply = await httpExchange(
    {
      method: 'POST',
      url: endpoint(target.url, '/jsonrpc'),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': target.userAgent },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: requestId, params: { service, method, args } }),
      timeoutMs: target.timeoutMs,
    },
    label,
  );
  const envelope = parseJson(reply.text);
  if (isObject(envelope) && isObject(envelope.error)) {
    const { data, code, message } = envelope.error;
    const status = reply.status === 200 ? undefined : reply.status;
    if (isObject(data) && typeof data.name === 'string') throw fromOdooException({ name: data.name, message: String(data.message ?? '') }, label, status);
    throw fromOdooException({ name: `jsonrpc.error.${String(code)}`, message: String(message ?? '') }, label, status);
  }
  if (reply.status !== 200) throw fromHttpStatus(reply.status, label);
  if (!isObject(envelope) || envelope.jsonrpc !== '2.0') throw malformedReply(label, `not a JSON-RPC 2.0 envelope (${reply.mediaType || 'no content type'})`);
  return envelope.result ?? null;
}

/** common.version: the raw payload (server_version, server_version_info ...). */
export function jsonRpcVersion(target: JsonRpcEndpoint): Promise<unknown> {
  return callJsonRpcService(target, 'common', 'version', [], { model: 'common', method: 'version' });
}

/** common.authenticate: the user's id; a refusal (Odoo answers false) is ODOO_LOGIN_REFUSED. */
export async function jsonRpcAuthenticate(target: JsonRpcEndpoint, credentials: { readonly database: string; readonly login: string; readonly apiKey: string }): Promise<number> {
  const uid = await callJsonRpcService(target, 'common', 'authenticate', [credentials.database, credentials.login, credentials.apiKey, {}], {
    model: 'common',
    method: 'authenticate',
  });
  if (typeof uid === 'number') return uid;
  throw new OdooCallError(
    'ODOO_LOGIN_REFUSED',
    `Odoo refused the login of "${credentials.login}" on database "${credentials.database}": the user or API key is wrong, expired or revoked, or too many logins failed lately`,
  );
}

export function jsonRpcTransport(target: JsonRpcEndpoint, session: { readonly database: string; readonly uid: number; readonly apiKey: string }): OdooTransport {
  return {
    kind: 'json-rpc',
    uid: session.uid,
    send: (call: OdooCall) => {
      const positional = [...(call.ids === undefined ? [] : [call.ids]), ...(call.positional ?? []).map(([, value]) => value)];
      const keywords = { ...call.keywords, ...(call.context && Object.keys(call.context).length > 0 ? { context: call.context } : {}) };
      return callJsonRpcService(target, 'object', 'execute_kw', [session.database, session.uid, session.apiKey, call.model, call.method, positional, keywords], call);
    },
  };
}
