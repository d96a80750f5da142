import { fromHttpStatus, OdooCallError, preview } from './odoo-errors.js';
import { endpoint, httpExchange, parseJson } from './odoo-http.js';
import { jsonRpcVersion, type JsonRpcEndpoint } from './json-rpc-transport.js';

// Which Odoo series a server runs, asked once per connection: GET /web/version where it exists (19, the
// replacement for common.version), else common.version over /jsonrpc (reference 1.1, 1.2, section 4).

export const ODOO_SERIES = [16, 17, 18, 19] as const;
export type OdooSeries = (typeof ODOO_SERIES)[number];

export interface OdooServerVersion {
  readonly series: OdooSeries;
  /** As the server names itself: "17.0", "17.0+e", "saas~17.4". */
  readonly serverVersion: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The major version from `server_version_info[0]` (a number, or "saas~17" on Odoo Online) or the version text. */
function majorOf(info: unknown, text: string): number | undefined {
  const first = Array.isArray(info) ? info[0] : undefined;
  if (typeof first === 'number' && Number.isInteger(first)) return first;
  const digits = /(\d+)/.exec(typeof first === 'string' ? first : text);
  return digits ? Number(digits[1]) : undefined;
}

/** common.version's payload or /web/version's, as the series the gateway speaks to. */
export function parseServerVersion(payload: unknown): OdooServerVersion {
  const fields = isObject(payload) ? payload : {};
  const text = String(fields.server_version ?? fields.version ?? '');
  const major = majorOf(fields.server_version_info ?? fields.version_info, text);
  if (major === undefined) {
    throw new OdooCallError('ODOO_VERSION_UNSUPPORTED', `The server did not say which Odoo version it runs (it answered ${preview(payload)}); is this address an Odoo?`);
  }
  if (!(ODOO_SERIES as readonly number[]).includes(major)) {
    throw new OdooCallError(
      'ODOO_VERSION_UNSUPPORTED',
      `The server runs Odoo ${text || major}; the gateway works with Odoo ${ODOO_SERIES[0]} to ${ODOO_SERIES[ODOO_SERIES.length - 1]}`,
    );
  }
  return { series: major as OdooSeries, serverVersion: text || `${major}.0` };
}

/** GET /web/version: its payload, or undefined where the route does not exist or answers something else. */
export async function webVersion(target: JsonRpcEndpoint): Promise<unknown> {
  const label = { model: 'common', method: 'version' };
  const reply = await httpExchange({ method: 'GET', url: endpoint(target.url, '/web/version'), headers: { accept: 'application/json', 'user-agent': target.userAgent }, timeoutMs: target.timeoutMs }, label);
  if (reply.status >= 500) throw fromHttpStatus(reply.status, label);
  const payload = reply.status === 200 ? parseJson(reply.text) : undefined;
  return isObject(payload) && (payload.version_info !== undefined || payload.version !== undefined) ? payload : undefined;
}

/** Asks the server its version; `attempt` runs each request under the connection's retry policy. */
export async function probeServerVersion(target: JsonRpcEndpoint, attempt: <T>(work: () => Promise<T>) => Promise<T>): Promise<OdooServerVersion> {
  const web = await attempt(() => webVersion(target));
  return parseServerVersion(web ?? (await attempt(() => jsonRpcVersion(target))));
}
