import { valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import type { Env } from './env.js';
import type { Row, Stored } from './model-spec.js';
import { displayName, findRow, valueOf } from './records.js';
import type { Model } from './registry.js';

interface OrderTerm {
  readonly field: string;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

const TERM = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

/** An `order` string ("write_date asc, id asc") checked the way `_check_qorder` checks it. */
export function parseOrder(model: Model, order: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const match = TERM.exec(part);
    if (!match) {
      throw valueError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    const name = match[1]!;
    const field = model.fields.get(name);
    if (!field || field.type === 'one2many' || field.type === 'many2many') throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
    const descending = match[2]?.toLowerCase() === 'desc';
    // PostgreSQL's default: NULLs count as larger than any value.
    const nullsFirst = match[3] ? match[3].toLowerCase() === 'first' : descending;
    terms.push({ field: name, descending, nullsFirst });
  }
  return terms;
}

function sortKey(env: Env, model: Model, row: Row, name: string): Stored | null {
  const field = model.fields.get(name)!;
  const value = valueOf(env, model, row, name);
  if (field.type === 'many2one') {
    // A many2one sorts by the name of the record it points to.
    const target = typeof value === 'number' ? findRow(env, field.relation!, value) : undefined;
    return target ? displayName(env, env.model(field.relation!), target) || null : null;
  }
  if (field.type === 'boolean' || typeof value === 'number') return value;
  return value === false ? null : value;
}

function compare(left: Stored | null, right: Stored | null): number {
  if (typeof left === 'string' && typeof right === 'string') return left.localeCompare(right, 'en');
  if (typeof left === 'boolean' || typeof right === 'boolean') return Number(left) - Number(right);
  return Number(left) - Number(right);
}

/** Rows in a model's `_order` (or the given order), ties broken by id so that pages are stable. */
export function sortRows(env: Env, model: Model, rows: readonly Row[], order?: string | false | null): Row[] {
  const terms = parseOrder(model, order || model.order);
  if (!terms.some((term) => term.field === 'id')) terms.push({ field: 'id', descending: false, nullsFirst: false });
  const keyed = rows.map((row) => ({ row, keys: terms.map((term) => sortKey(env, model, row, term.field)) }));
  keyed.sort((a, b) => {
    for (const [index, term] of terms.entries()) {
      const left = a.keys[index] as Stored | null;
      const right = b.keys[index] as Stored | null;
      if (left === null && right === null) continue;
      if (left === null || right === null) return (left === null) === term.nullsFirst ? -1 : 1;
      const result = compare(left, right);
      if (result !== 0) return term.descending ? -result : result;
    }
    return 0;
  });
  return keyed.map((item) => item.row);
}
