import { integrityError } from '../errors.js';
import type { Env } from './env.js';
import type { Row } from './model-spec.js';
import { existingRows } from './records.js';
import { MAGIC_NAMES, type Model } from './registry.js';

/** What the database does on delete: cascade, set null or refuse, for every many2one pointing here. */
function deleteRow(env: Env, model: Model, row: Row): void {
  const table = env.db.table(model.name);
  if (!table.has(row.id)) return;
  table.delete(row.id);
  for (const other of env.registry.values()) {
    for (const field of other.fields.values()) {
      if (field.relation !== model.name || field.delegate || field.compute || MAGIC_NAMES.has(field.name)) continue;
      for (const referring of [...env.db.table(other.name).values()]) {
        if (field.type === 'many2many') {
          const ids = referring[field.name];
          if (Array.isArray(ids) && ids.includes(row.id)) referring[field.name] = ids.filter((id) => id !== row.id);
          continue;
        }
        if (field.type !== 'many2one' || referring[field.name] !== row.id) continue;
        const ondelete = field.ondelete ?? (field.required ? 'restrict' : 'set null');
        if (ondelete === 'cascade') deleteRow(env, other, referring);
        else if (ondelete === 'set null') referring[field.name] = false;
        else throw integrityError('another model requires the record being deleted. If possible, archive it instead.');
      }
    }
  }
  // External identifiers of deleted records go with them.
  const xmlids = env.db.table('ir.model.data');
  for (const data of [...xmlids.values()]) if (data.model === model.name && data.res_id === row.id) xmlids.delete(data.id);
}

/** `unlink`: ids that do not exist are ignored, unless the model checks its records before deletion. */
export function unlinkRecords(env: Env, modelName: string, ids: readonly number[]): void {
  const model = env.model(modelName);
  let rows: Row[];
  if (model.spec.beforeUnlink) {
    rows = existingRows(env, model, ids);
    model.spec.beforeUnlink(env, rows);
  } else {
    const table = env.db.table(model.name);
    rows = ids.map((id) => table.get(id)).filter((row): row is Row => row !== undefined);
  }
  for (const row of rows) deleteRow(env, model, row);
}
