import { missingRecords } from '../errors.js';
import type { Env } from './env.js';
import type { Field, Row, Stored } from './model-spec.js';
import { sortRows } from './order.js';
import type { Model } from './registry.js';
import { emptyValue } from './values.js';

export function findRow(env: Env, model: string, id: number): Row | undefined {
  return env.db.table(model).get(id);
}

/** Archived rows (`active` false) are hidden from searches and one2many lists. */
export function isActive(model: Model, row: Row): boolean {
  return !model.fields.has('active') || row.active !== false;
}

/** The rows of `ids`, in that order; MissingError naming every id that does not exist. */
export function existingRows(env: Env, model: Model, ids: readonly number[]): Row[] {
  const table = env.db.table(model.name);
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0) throw missingRecords(model.name, missing, env.uid);
  return [...new Set(ids)].map((id) => table.get(id)!);
}

export function displayName(env: Env, model: Model, row: Row): string | false {
  if (model.spec.displayName) return model.spec.displayName(env, row);
  if (model.fields.has(model.recName)) {
    const name = valueOf(env, model, row, model.recName);
    return name === false ? false : String(name);
  }
  return `${model.name},${row.id}`;
}

/** The records of a one2many: comodel rows pointing back, archived ones left out, in the comodel's order. */
export function one2manyIds(env: Env, field: Field, id: number): number[] {
  const comodel = env.model(field.relation!);
  const rows = [...env.db.table(comodel.name).values()].filter((row) => row[field.inverseName!] === id && isActive(comodel, row));
  return sortRows(env, comodel, rows).map((row) => row.id);
}

/** A field's value on a row: stored, computed, read through the `_inherits` parent, or a one2many's ids. */
export function valueOf(env: Env, model: Model, row: Row, name: string): Stored {
  if (name === 'id') return row.id;
  if (name === 'display_name') return displayName(env, model, row);
  const field = model.fields.get(name);
  if (!field) return false;
  if (field.delegate) {
    const parentModel = env.model(model.spec.inherits!.model);
    const parent = findRow(env, parentModel.name, row[field.delegate] as number);
    return parent ? valueOf(env, parentModel, parent, name) : emptyValue(field);
  }
  if (field.compute) return field.compute(env, row);
  if (field.type === 'one2many') return one2manyIds(env, field, row.id);
  return row[name] ?? emptyValue(field);
}

/** Shorthand for model code: a value of a record known by model name and id (false when it does not exist). */
export function get(env: Env, model: string, id: number | Stored, name: string): Stored {
  if (typeof id !== 'number') return false;
  const row = findRow(env, model, id);
  return row ? valueOf(env, env.model(model), row, name) : false;
}
