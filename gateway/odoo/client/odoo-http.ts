import type { OdooCall } from './odoo-call.js';
import { fromNetworkError } from './odoo-errors.js';

// One HTTP exchange with Odoo, with a deadline covering the answer's body too: a worker that hangs costs
// one time-out, never a job slot held for ever. Network failures come out classified (odoo-errors.ts).

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface HttpReply {
  readonly status: number;
  /** The media type, lower case, without parameters. */
  readonly mediaType: string;
  readonly text: string;
}

export async function httpExchange(request: HttpRequest, call: Pick<OdooCall, 'model' | 'method' | 'ids'>): Promise<HttpReply> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(request.timeoutMs),
      // A redirect (http to https, a login page) is reported as the status it is rather than followed with the key.
      redirect: 'manual',
    });
    const text = await response.text();
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    return { status: response.status, mediaType, text };
  } catch (error) {
    throw fromNetworkError(error, call, request.timeoutMs);
  }
}

/** The parsed body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Base URL plus a path, keeping a path prefix the base may have (Odoo behind /erp/). */
export function endpoint(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return new URL(path.replace(/^\//, ''), base);
}
