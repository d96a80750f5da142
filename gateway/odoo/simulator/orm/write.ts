import type { Env } from './env.js';
import { checkFieldNames, checkRow } from './checks.js';
import type { Row, Vals } from './model-spec.js';
import { existingRows } from './records.js';
import { MAGIC_NAMES, type Model } from './registry.js';
import { convertValue } from './values.js';
import { applyCommands } from './x2many.js';

/** The vals an `_inherits` child hands to its parent record, and the rest. */
export function splitDelegated(model: Model, vals: Vals): { own: Vals; parent: Vals } {
  const own: Vals = {};
  const parent: Vals = {};
  for (const [name, value] of Object.entries(vals)) {
    if (model.fields.get(name)?.delegate) parent[name] = value;
    else own[name] = value;
  }
  return { own, parent };
}

/** Writes vals on a row that is already in its table: plain values first, then x2many commands and inverses. */
export function assignValues(env: Env, model: Model, row: Row, vals: Vals): void {
  const later: [string, unknown][] = [];
  for (const [name, raw] of Object.entries(vals)) {
    const field = model.fields.get(name)!;
    if (MAGIC_NAMES.has(name)) continue;
    if (field.compute || field.type === 'one2many' || field.type === 'many2many') later.push([name, raw]);
    else row[name] = convertValue(env, field, raw);
  }
  for (const [name, raw] of later) {
    const field = model.fields.get(name)!;
    if (field.compute) field.inverse?.(env, row, raw);
    else applyCommands(env, model, row, field, raw);
  }
}

export function writeRecords(env: Env, modelName: string, ids: readonly number[], vals: Vals): void {
  const model = env.model(modelName);
  const rows = existingRows(env, model, ids);
  checkFieldNames(model, vals);
  const { own, parent } = splitDelegated(model, vals);
  for (const row of rows) {
    if (Object.keys(parent).length > 0) writeRecords(env, model.spec.inherits!.model, [row[model.spec.inherits!.field] as number], parent);
    assignValues(env, model, row, own);
    row.write_date = env.now;
    row.write_uid = env.uid;
    model.spec.afterWrite?.(env, row, own);
    checkRow(env, model, row, Object.keys(own), false);
  }
}
