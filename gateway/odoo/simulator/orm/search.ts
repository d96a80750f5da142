import { compileDomain } from '../domain.js';
import { valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import type { Env } from './env.js';
import type { Row } from './model-spec.js';
import { sortRows } from './order.js';
import { isActive } from './records.js';
import type { Model } from './registry.js';

export interface SearchOptions {
  readonly offset?: unknown;
  readonly limit?: unknown;
  readonly order?: unknown;
}

function mentionsActive(domain: unknown): boolean {
  return Array.isArray(domain) && domain.some((item) => Array.isArray(item) && item[0] === 'active');
}

function count(name: string, value: unknown): number | undefined {
  if (value === null || value === undefined || value === false) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw valueError(`Invalid ${name}: ${pyRepr(value)}`);
  return value;
}

/** Rows matching the domain, archived ones hidden unless the domain names `active` or `active_test` is false. */
export function searchRows(env: Env, model: Model, domain: unknown, options: SearchOptions = {}): Row[] {
  const matches = compileDomain(env, model, domain);
  const hideArchived = env.context.active_test !== false && !mentionsActive(domain);
  const rows = [...env.db.table(model.name).values()].filter((row) => (!hideArchived || isActive(model, row)) && matches(row));
  if (options.order !== undefined && options.order !== null && options.order !== false && typeof options.order !== 'string') {
    throw valueError(`Invalid "order" specified (${pyRepr(options.order)}).`);
  }
  const sorted = sortRows(env, model, rows, options.order as string | undefined);
  const offset = count('offset', options.offset) ?? 0;
  const limit = count('limit', options.limit);
  return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
}

export function searchIds(env: Env, modelName: string, domain: unknown, options: SearchOptions = {}): number[] {
  return searchRows(env, env.model(modelName), domain, options).map((row) => row.id);
}
