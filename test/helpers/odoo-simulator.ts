import type { OdooSimulator } from '../../gateway/odoo/simulator/server.js';

export interface OdooErrorData {
  readonly name: string;
  readonly message: string;
  readonly arguments: unknown[];
  readonly context: Record<string, unknown>;
  readonly debug: string;
}

export interface JsonRpcEnvelope {
  readonly jsonrpc: string;
  readonly id: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data: OdooErrorData };
}

/** One JSON-RPC call to /jsonrpc over the socket, the envelope as Odoo sent it. */
export async function jsonRpc(sim: Pick<OdooSimulator, 'url'>, service: string, method: string, args: unknown[], id: unknown = 1): Promise<JsonRpcEnvelope> {
  const response = await fetch(`${sim.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id, params: { service, method, args } }),
  });
  if (response.status !== 200) throw new Error(`/jsonrpc answered HTTP ${response.status}`);
  return (await response.json()) as JsonRpcEnvelope;
}

/** object.execute_kw as the simulator's integration user. */
export function executeKw(sim: OdooSimulator, model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<JsonRpcEnvelope> {
  const { database, uid, password } = sim.credentials;
  return jsonRpc(sim, 'object', 'execute_kw', [database, uid, password, model, method, args, ...(kwargs ? [kwargs] : [])]);
}

/** The result of an execute_kw call; fails naming Odoo's exception when the call was refused. */
export async function call<T = unknown>(sim: OdooSimulator, model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<T> {
  const envelope = await executeKw(sim, model, method, args, kwargs);
  if (envelope.error) throw new Error(`${model}.${method} refused: ${envelope.error.data.name}: ${envelope.error.data.message}`);
  return envelope.result as T;
}

/** The error data of an execute_kw call that must be refused. */
export async function refused(sim: OdooSimulator, model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<OdooErrorData> {
  const envelope = await executeKw(sim, model, method, args, kwargs);
  if (!envelope.error) throw new Error(`${model}.${method} was expected to fail, answered ${JSON.stringify(envelope.result)}`);
  return envelope.error.data;
}

export interface Json2Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** One JSON-2 call (Odoo 19); the API key is the simulator's unless another header is given. */
export async function json2(
  sim: OdooSimulator,
  model: string,
  method: string,
  body: unknown,
  options: { readonly authorization?: string | null; readonly headers?: Record<string, string>; readonly httpMethod?: string; readonly raw?: string } = {},
): Promise<Json2Answer> {
  const authorization = options.authorization === undefined ? `bearer ${sim.credentials.apiKey}` : options.authorization;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...options.headers };
  if (authorization !== null) headers.authorization = authorization;
  const httpMethod = options.httpMethod ?? 'POST';
  const response = await fetch(`${sim.url}/json/2/${model}/${method}`, {
    method: httpMethod,
    headers,
    body: httpMethod === 'GET' ? undefined : (options.raw ?? JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
