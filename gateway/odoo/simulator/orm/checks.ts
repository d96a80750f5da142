import { integrityError, validationError, valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import type { Env } from './env.js';
import type { Row, Vals } from './model-spec.js';
import type { Model } from './registry.js';

/** Unknown keys in vals are refused before anything is written. */
export function checkFieldNames(model: Model, vals: Vals): void {
  for (const name of Object.keys(vals)) {
    if (!model.fields.has(name)) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
  }
}

function missingRequired(env: Env, model: Model, name: string): Error {
  const field = model.fields.get(name)!;
  if (env.version <= 17) {
    return integrityError(
      `\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n` +
        `Model: ${model.spec.description} (${model.name})\nField: ${field.string} (${name})`,
    );
  }
  return integrityError(`Missing required value for the field '${field.string}' (${name}) on model '${model.spec.description}' (${model.name})`);
}

/** What the database (NOT NULL, CHECK, UNIQUE) and Python constraints would refuse once the row is written. */
export function checkRow(env: Env, model: Model, row: Row, changed: readonly string[], creating: boolean): void {
  for (const field of model.fields.values()) {
    if (!field.required || field.delegate || field.compute || field.type === 'one2many' || field.type === 'many2many') continue;
    if (!creating && !changed.includes(field.name)) continue;
    if (row[field.name] === undefined || row[field.name] === false) throw missingRequired(env, model, field.name);
  }
  for (const constraint of model.spec.constraints ?? []) {
    if (!creating && !constraint.fields.some((name) => changed.includes(name))) continue;
    const refusal = constraint.check(env, row);
    if (refusal !== undefined) throw constraint.sql ? integrityError(refusal) : validationError(refusal);
  }
}
