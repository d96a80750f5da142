import type { OdooCall, OdooTransport } from './odoo-call.js';
import { fromHttpStatus, fromOdooException, malformedReply, OdooCallError, preview } from './odoo-errors.js';
import { endpoint, httpExchange, parseJson } from './odoo-http.js';

// POST /json/2/<model>/<method> (Odoo 19): the API key as a bearer token, named parameters in one JSON
// object with `ids` and `context` reserved, the bare return value on 200 and a bare error object with a
// 4xx/5xx status otherwise (reference 1.4).

export interface Json2Endpoint {
  readonly url: string;
  readonly database: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The body JSON-2 takes: every parameter by name, the record ids and the context under their reserved keys. */
export function json2Body(call: OdooCall): Record<string, unknown> {
  return {
    ...(call.ids === undefined ? {} : { ids: call.ids }),
    ...Object.fromEntries(call.positional ?? []),
    ...call.keywords,
    ...(call.context && Object.keys(call.context).length > 0 ? { context: call.context } : {}),
  };
}

export async function callJson2(target: Json2Endpoint, call: OdooCall): Promise<unknown> {
  const reply = await httpExchange(
    {
      method: 'POST',
      url: endpoint(target.url, `/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`),
      headers: {
        authorization: `bearer ${target.apiKey}`,
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        'x-odoo-database': target.database,
        'user-agent': target.userAgent,
      },
      body: JSON.stringify(json2Body(call)),
      timeoutMs: target.timeoutMs,
    },
    call,
  );
  const body = parseJson(reply.text);
  if (reply.status === 200) {
    if (body === undefined) throw malformedReply(call, `not JSON (${reply.mediaType || 'no content type'})`);
    return body;
  }
  if (isObject(body) && typeof body.name === 'string') throw fromOdooException({ name: body.name, message: String(body.message ?? '') }, call, reply.status);
  throw fromHttpStatus(reply.status, call);
}

/** The user the API key belongs to (JSON-2 has no login step; res.users/context_get names the uid). */
export async function json2Uid(target: Json2Endpoint): Promise<number> {
  const context = await callJson2(target, { model: 'res.users', method: 'context_get' });
  const uid = isObject(context) ? context.uid : undefined;
  if (typeof uid !== 'number') throw new OdooCallError('ODOO_FAILED', `Odoo's res.users/context_get did not name the API key's user (it answered ${preview(context)})`);
  return uid;
}

export function json2Transport(target: Json2Endpoint, uid: number): OdooTransport {
  return { kind: 'json-2', uid, send: (call) => callJson2(target, call) };
}
