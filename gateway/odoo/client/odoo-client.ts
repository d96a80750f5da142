import { gatewayVersion } from '../../version.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { json2Transport, json2Uid, type Json2Endpoint } from './json-2-transport.js';
import { jsonRpcAuthenticate, jsonRpcTransport, type JsonRpcEndpoint } from './json-rpc-transport.js';
import { isRepeatable, describeCall, type OdooCall, type OdooContext, type OdooTransport, type TransportKind } from './odoo-call.js';
import { malformedReply, OdooCallError, preview } from './odoo-errors.js';
import { OdooFieldNames } from './odoo-fields.js';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryEvent, type RetryPolicy } from './retry-policy.js';
import { probeServerVersion, type OdooServerVersion } from './server-version.js';

// The one way the gateway talks to Odoo. connectOdoo asks the server its version, picks the transport
// (JSON-2 from 19, JSON-RPC execute_kw before) and logs in with the API key; every call then goes through
// the field-name table of its series, the connection's circuit breaker and the retry policy.

export type OdooDomain = readonly unknown[];
export type OdooValues = Readonly<Record<string, unknown>>;
export type OdooRecord = { readonly id: number } & Readonly<Record<string, unknown>>;

export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number;
  readonly order?: string;
  readonly context?: OdooContext;
}

export interface SearchReadOptions extends SearchOptions {
  /** Fields to read; every field when left out. */
  readonly fields?: readonly string[];
}

export interface ReadOptions {
  readonly fields?: readonly string[];
  readonly context?: OdooContext;
}

export interface WriteOptions {
  readonly context?: OdooContext;
}

export interface OdooVersionInfo extends OdooServerVersion {
  readonly transport: TransportKind;
}

/**
 * Models and fields are named as in Odoo 19 (odoo-fields.ts turns them into the server's names and back);
 * failures are OdooCallError with a catalogue code.
 */
export interface OdooClient {
  readonly version: OdooVersionInfo;
  /** The Odoo user the calls run as. */
  readonly uid: number;
  readonly names: OdooFieldNames;
  readonly breaker: CircuitBreaker;
  search(model: string, domain: OdooDomain, options?: SearchOptions): Promise<number[]>;
  searchRead(model: string, domain: OdooDomain, options?: SearchReadOptions): Promise<OdooRecord[]>;
  /** Ids that do not exist are left out of the answer, as Odoo does. */
  read(model: string, ids: readonly number[], options?: ReadOptions): Promise<OdooRecord[]>;
  create(model: string, values: OdooValues, options?: WriteOptions): Promise<number>;
  write(model: string, ids: readonly number[], values: OdooValues, options?: WriteOptions): Promise<void>;
  /**
   * Any public method: `ids` for methods on records (action_confirm), null for model methods (name_search).
   * `kwargs` go as they are, with `context` in them; the model, a `domain` and renamed parameters are translated.
   */
  call<T = unknown>(model: string, method: string, ids: readonly number[] | null, kwargs?: Readonly<Record<string, unknown>>): Promise<T>;
}

export interface ConnectOdooOptions {
  /** Odoo's base URL, e.g. https://erp.example.com */
  readonly url: string;
  readonly database: string;
  readonly login: string;
  /** The integration user's API key (loadOdooApiKey reads it from the secret store). */
  readonly apiKey: string;
  /** The connection's name, in messages; the URL's host when left out. */
  readonly name?: string;
  /** auto (the default): JSON-2 from Odoo 19, JSON-RPC before. */
  readonly transport?: 'auto' | TransportKind;
  /** Deadline of one HTTP request, answer included (default 60 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** The connection's breaker, to keep across reconnections; else one is made with `circuit`. */
  readonly breaker?: CircuitBreaker;
  readonly circuit?: Partial<CircuitBreakerOptions>;
  /** Context sent with every call (lang, tz, allowed_company_ids ...); a call's own context adds to it. */
  readonly context?: OdooContext;
  readonly onRetry?: (event: RetryEvent & { readonly call: string }) => void;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function idList(value: unknown, call: OdooCall): number[] {
  if (Array.isArray(value) && value.every((id) => typeof id === 'number')) return value as number[];
  throw malformedReply(call, `expected a list of ids, got ${preview(value)}`);
}

function records(value: unknown, call: OdooCall): OdooRecord[] {
  if (Array.isArray(value) && value.every((row) => row !== null && typeof row === 'object' && typeof (row as { id?: unknown }).id === 'number')) return value as OdooRecord[];
  throw malformedReply(call, `expected a list of records, got ${preview(value)}`);
}

/** Asks the server's version, picks the transport, logs in; fails with ODOO_LOGIN_REFUSED, ODOO_VERSION_UNSUPPORTED, ODOO_UNAVAILABLE ... */
export async function connectOdoo(options: ConnectOdooOptions): Promise<OdooClient> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const breaker = options.breaker ?? new CircuitBreaker(options.name ?? new URL(options.url).host, options.circuit);
  const attempt = <T>(label: Pick<OdooCall, 'model' | 'method' | 'ids' | 'positional' | 'keywords'>, work: () => Promise<T>): Promise<T> =>
    withRetry(work, {
      policy,
      breaker,
      repeatable: isRepeatable(label),
      ...(options.onRetry ? { onRetry: (event: RetryEvent) => options.onRetry!({ ...event, call: describeCall(label) }) } : {}),
    });
  const endpoint: JsonRpcEndpoint = { url: options.url, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, userAgent: `edi-gateway/${gatewayVersion()}` };
  const version = await probeServerVersion(endpoint, (work) => attempt({ model: 'common', method: 'version' }, work));
  const kind: TransportKind = options.transport === undefined || options.transport === 'auto' ? (version.series >= 19 ? 'json-2' : 'json-rpc') : options.transport;
  if (kind === 'json-2' && version.series < 19) {
    throw new OdooCallError('ODOO_VERSION_UNSUPPORTED', `JSON-2 comes with Odoo 19; the server runs Odoo ${version.serverVersion}: connect over JSON-RPC (transport auto or json-rpc)`);
  }
  let transport: OdooTransport;
  if (kind === 'json-2') {
    const target: Json2Endpoint = { ...endpoint, database: options.database, apiKey: options.apiKey };
    transport = json2Transport(target, await attempt({ model: 'res.users', method: 'context_get' }, () => json2Uid(target)));
  } else {
    const credentials = { database: options.database, login: options.login, apiKey: options.apiKey };
    const uid = await attempt({ model: 'common', method: 'authenticate' }, () => jsonRpcAuthenticate(endpoint, credentials));
    transport = jsonRpcTransport(endpoint, { database: options.database, uid, apiKey: options.apiKey });
  }
  return createOdooClient({ transport, version: { ...version, transport: kind }, breaker, context: options.context ?? {}, attempt });
}

interface ClientParts {
  readonly transport: OdooTransport;
  readonly version: OdooVersionInfo;
  readonly breaker: CircuitBreaker;
  readonly context: OdooContext;
  readonly attempt: <T>(label: OdooCall, work: () => Promise<T>) => Promise<T>;
}

function createOdooClient(parts: ClientParts): OdooClient {
  const names = new OdooFieldNames(parts.version.series);
  const contextOf = (own: OdooContext | undefined): OdooContext => ({ ...parts.context, ...own });
  const send = (call: OdooCall): Promise<unknown> => parts.attempt(call, () => parts.transport.send(call));
  const paging = (model: string, options: SearchOptions): Record<string, unknown> => ({
    ...(options.offset === undefined ? {} : { offset: options.offset }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.order === undefined ? {} : { order: names.order(model, options.order) }),
  });

  return {
    version: parts.version,
    uid: parts.transport.uid,
    names,
    breaker: parts.breaker,

    async search(model, domain, options = {}) {
      const call: OdooCall = {
        model: names.model(model),
        method: 'search',
        positional: [['domain', names.domain(model, domain)]],
        keywords: paging(model, options),
        context: contextOf(options.context),
      };
      return idList(await send(call), call);
    },

    async searchRead(model, domain, options = {}) {
      const call: OdooCall = {
        model: names.model(model),
        method: 'search_read',
        positional: [['domain', names.domain(model, domain)]],
        keywords: { ...(options.fields ? { fields: names.fields(model, options.fields) } : {}), ...paging(model, options) },
        context: contextOf(options.context),
      };
      return records(await send(call), call).map((row) => names.record(model, row) as OdooRecord);
    },

    async read(model, ids, options = {}) {
      if (ids.length === 0) return [];
      const call: OdooCall = {
        model: names.model(model),
        method: 'read',
        ids,
        keywords: options.fields ? { fields: names.fields(model, options.fields) } : {},
        context: contextOf(options.context),
      };
      return records(await send(call), call).map((row) => names.record(model, row) as OdooRecord);
    },

    async create(model, values, options = {}) {
      // A list of one, so that both transports answer the same shape: a list of ids (reference 2.1).
      const call: OdooCall = { model: names.model(model), method: 'create', positional: [['vals_list', [names.values(model, values)]]], context: contextOf(options.context) };
      const [id] = idList(await send(call), call);
      if (id === undefined) throw malformedReply(call, 'no id for the created record');
      return id;
    },

    async write(model, ids, values, options = {}) {
      if (ids.length === 0) return;
      const call: OdooCall = { model: names.model(model), method: 'write', ids, positional: [['vals', names.values(model, values)]], context: contextOf(options.context) };
      await send(call);
    },

    async call<T>(model: string, method: string, ids: readonly number[] | null, kwargs: Readonly<Record<string, unknown>> = {}) {
      const { context, ...rest } = kwargs;
      // A parameter named domain is a domain in every ORM method (name_search, search_count ...).
      const keywords = Array.isArray(rest.domain) ? { ...rest, domain: names.domain(model, rest.domain) } : rest;
      const call: OdooCall = {
        model: names.model(model),
        method,
        ...(ids === null ? {} : { ids }),
        keywords: names.keywords(method, keywords),
        context: contextOf(context as OdooContext | undefined),
      };
      return (await send(call)) as T;
    },
  };
}
