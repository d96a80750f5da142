import { GatewayError } from '../errors/gateway-error.js';
import type { Queryable } from '../store/pool.js';
import { getException, listExceptions } from '../store/sql/exceptions.js';
import type { ExceptionState, StoredException } from './exception.js';

// What support looks through: exceptions newest first, filtered and paged, and one exception by its id. The
// API and the command line both list through here.

export const EXCEPTIONS_PAGE_MAX = 500;

export interface ExceptionQuery {
  readonly state?: ExceptionState | undefined;
  readonly partner?: string | undefined;
  readonly code?: string | undefined;
  readonly fileId?: string | undefined;
  /** Those older than this id: the `nextBefore` of the previous page. */
  readonly before?: string | undefined;
  readonly limit: number;
}

export interface ExceptionPage {
  readonly exceptions: readonly StoredException[];
  /** What `before` takes for the next page; undefined on the last. */
  readonly nextBefore: string | undefined;
}

export async function listExceptionPage(db: Queryable, query: ExceptionQuery): Promise<ExceptionPage> {
  const { limit, state, partner, code, fileId, before } = query;
  const exceptions = await listExceptions(db, { limit, ...(state ? { state } : {}), ...(partner ? { partner } : {}), ...(code ? { code } : {}), ...(fileId ? { fileId } : {}), ...(before ? { before } : {}) });
  const last = exceptions.at(-1);
  return { exceptions, nextBefore: exceptions.length === limit && last ? last.id : undefined };
}

/** The exception, or EXCEPTION_NOT_FOUND. */
export async function requireException(db: Queryable, id: string): Promise<StoredException> {
  const found = /^[1-9][0-9]{0,18}$/.test(id) ? await getException(db, id) : undefined;
  if (!found) throw new GatewayError('EXCEPTION_NOT_FOUND', `There is no exception ${JSON.stringify(id)}.`);
  return found;
}
