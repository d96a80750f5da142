import { valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import { checkFieldNames, checkRow } from './checks.js';
import type { Env } from './env.js';
import type { Row, Vals } from './model-spec.js';
import type { Model } from './registry.js';
import { assignValues, splitDelegated, writeRecords } from './write.js';

/** Values not given: `default_<field>` from the context first, then the field's own default. */
export function withDefaults(env: Env, model: Model, vals: Vals): Vals {
  const complete: Vals = { ...vals };
  for (const field of model.fields.values()) {
    if (field.name in complete) continue;
    const fromContext = env.context[`default_${field.name}`];
    if (fromContext !== undefined) complete[field.name] = fromContext;
    else if (field.default) complete[field.name] = field.default(env, complete);
  }
  return complete;
}

function createOne(env: Env, model: Model, vals: unknown): number {
  if (vals === null || typeof vals !== 'object' || Array.isArray(vals)) throw valueError(`Invalid values for ${model.name}: ${pyRepr(vals)}`);
  checkFieldNames(model, vals as Vals);
  const complete = withDefaults(env, model, vals as Vals);
  model.spec.prepareCreate?.(env, complete);
  const { own, parent } = splitDelegated(model, complete);
  const inherits = model.spec.inherits;
  if (inherits) {
    const parentId = own[inherits.field];
    if (typeof parentId === 'number') {
      const given = Object.fromEntries(Object.entries(parent).filter(([name]) => name in (vals as Vals)));
      if (Object.keys(given).length > 0) writeRecords(env, inherits.model, [parentId], given);
    } else {
      own[inherits.field] = createRecords(env, inherits.model, [parent])[0];
    }
  }
  const id = env.db.nextId(model.name);
  const row: Row = { id, create_date: env.now, write_date: env.now, create_uid: env.uid, write_uid: env.uid };
  env.db.table(model.name).set(id, row);
  assignValues(env, model, row, own);
  model.spec.afterCreate?.(env, row);
  checkRow(env, model, row, Object.keys(own), true);
  return id;
}

/** `create` for a list of vals; the ids in the same order. */
export function createRecords(env: Env, modelName: string, valsList: readonly unknown[]): number[] {
  const model = env.model(modelName);
  return valsList.map((vals) => createOne(env, model, vals));
}
