// One call to an Odoo model method, in the shape both transports take it: JSON-RPC turns it into
// execute_kw's positional and keyword arguments, JSON-2 into one object of named parameters
// (reference 2.1). Names in it are already Odoo's own for the server's series.

export type TransportKind = 'json-rpc' | 'json-2';

export type OdooContext = Readonly<Record<string, unknown>>;

export interface OdooCall {
  readonly model: string;
  readonly method: string;
  /** Record ids for methods that work on records; left out for `@api.model` methods (search, create ...). */
  readonly ids?: readonly number[];
  /**
   * Parameters execute_kw must receive by position, in order, with the names JSON-2 knows them by:
   * create's `vals_list` only works positionally (reference 2.1).
   */
  readonly positional?: readonly (readonly [name: string, value: unknown])[];
  readonly keywords?: Readonly<Record<string, unknown>>;
  readonly context?: OdooContext;
}

/** Sends calls to one Odoo database as one user; failures come out as OdooCallError. */
export interface OdooTransport {
  readonly kind: TransportKind;
  /** The user the calls run as. */
  readonly uid: number;
  send(call: OdooCall): Promise<unknown>;
}

// Methods that change nothing: sending them again after a lost answer cannot make a duplicate. Every other
// method (create, business buttons, unlink) is sent again only when Odoo is known not to have run it.
const READ_METHODS: ReadonlySet<string> = new Set([
  'search',
  'search_read',
  'search_count',
  'read',
  'fields_get',
  'name_search',
  'default_get',
  'get_external_id',
  'exists',
  'check_object_reference',
  'context_get',
  'version',
  'authenticate',
]);

/** x2many commands that add (0) or delete (2) records: done twice, they add twice or fail the second time. */
function changesRecordCount(values: unknown): boolean {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return false;
  return Object.values(values).some((value) => Array.isArray(value) && value.some((command) => Array.isArray(command) && (command[0] === 0 || command[0] === 2)));
}

/** Whether sending the call a second time leaves Odoo as once would: reads, and writes of plain values. */
export function isRepeatable(call: Pick<OdooCall, 'method' | 'positional' | 'keywords'>): boolean {
  if (READ_METHODS.has(call.method)) return true;
  if (call.method !== 'write') return false;
  const vals = call.positional?.find(([name]) => name === 'vals')?.[1] ?? call.keywords?.vals;
  return !changesRecordCount(vals);
}

/** "create a sale.order record", "run action_confirm on sale.order 7": what a call was for, in messages. */
export function describeCall(call: Pick<OdooCall, 'model' | 'method' | 'ids'>): string {
  if (call.model === 'common') return call.method === 'authenticate' ? 'log in' : `tell its ${call.method}`;
  const ids = call.ids && call.ids.length > 0 ? ` ${call.ids.join(', ')}` : '';
  switch (call.method) {
    case 'create':
      return `create a ${call.model} record`;
    case 'write':
      return `change ${call.model}${ids}`;
    case 'unlink':
      return `delete ${call.model}${ids}`;
    default:
      return READ_METHODS.has(call.method) ? `read ${call.model}${ids}` : `run ${call.method} on ${call.model}${ids}`;
  }
}
