import { valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import type { Env } from './env.js';
import type { Row } from './model-spec.js';
import { displayName, findRow, valueOf } from './records.js';
import type { Model } from './registry.js';

function fieldNames(model: Model, fields: unknown): string[] {
  if (fields === null || fields === undefined || fields === false || (Array.isArray(fields) && fields.length === 0)) return [...model.fields.keys()];
  if (!Array.isArray(fields)) throw valueError(`Invalid fields ${pyRepr(fields)} for model ${pyRepr(model.name)}`);
  for (const name of fields) {
    if (typeof name !== 'string' || !model.fields.has(name)) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
  }
  return fields as string[];
}

/** One record as `read` shows it: many2one as [id, display_name] (bare id when load is None), empty as false. */
export function formatRow(env: Env, model: Model, row: Row, names: readonly string[], load: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  for (const name of names) {
    const field = model.fields.get(name)!;
    const value = valueOf(env, model, row, name);
    if (field.type === 'many2one' && typeof value === 'number' && load === '_classic_read') {
      const comodel = env.model(field.relation!);
      const target = findRow(env, comodel.name, value);
      out[name] = target ? [value, displayName(env, comodel, target)] : false;
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** `read`: ids that do not exist are dropped silently. */
export function readRows(env: Env, model: Model, rows: readonly Row[], fields: unknown, load: unknown): Record<string, unknown>[] {
  const names = fieldNames(model, fields);
  return rows.map((row) => formatRow(env, model, row, names, load));
}

export function readRecords(env: Env, modelName: string, ids: readonly number[], fields?: unknown, load: unknown = '_classic_read'): Record<string, unknown>[] {
  const model = env.model(modelName);
  const table = env.db.table(model.name);
  const rows = [...new Set(ids)].map((id) => table.get(id)).filter((row): row is Row => row !== undefined);
  return readRows(env, model, rows, fields, load);
}

/** `fields_get`: each field's description, trimmed to the attributes asked for. */
export function fieldsGet(model: Model, allfields: unknown, attributes: unknown): Record<string, Record<string, unknown>> {
  const wanted = Array.isArray(allfields) && allfields.length > 0 ? new Set(allfields) : undefined;
  const keep = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes) : undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const field of model.fields.values()) {
    if (wanted && !wanted.has(field.name)) continue;
    const description: Record<string, unknown> = {
      type: field.type,
      string: field.string,
      required: Boolean(field.required),
      readonly: Boolean(field.readonly) || (Boolean(field.compute) && !field.inverse),
      store: !field.compute && field.type !== 'one2many' && field.name !== 'display_name',
      sortable: !field.compute && field.type !== 'one2many' && field.type !== 'many2many',
    };
    if (field.relation) description.relation = field.relation;
    if (field.inverseName) description.relation_field = field.inverseName;
    if (field.selection) description.selection = field.selection.map(([key, label]) => [key, label]);
    out[field.name] = keep ? Object.fromEntries(Object.entries(description).filter(([key]) => keep.has(key))) : description;
  }
  return out;
}
