import { FIELD_VERSIONS, inRange, MODEL_VERSIONS, SELECTION_VERSIONS, type OdooVersion } from '../versions.js';
import { char, datetime, integer, many2one } from './fields.js';
import type { Field, FieldSpec, ModelSpec } from './model-spec.js';

export interface Model {
  readonly name: string;
  readonly spec: ModelSpec;
  readonly fields: ReadonlyMap<string, Field>;
  readonly order: string;
  readonly recName: string;
}

export type Registry = ReadonlyMap<string, Model>;

/** Fields every model has (the ORM's "magic" columns). */
const MAGIC_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: integer('ID', { readonly: true }),
  display_name: char('Display Name', { readonly: true }),
  create_date: datetime('Created on', { readonly: true }),
  create_uid: many2one('Created by', 'res.users', { readonly: true }),
  write_date: datetime('Last Updated on', { readonly: true }),
  write_uid: many2one('Last Updated by', 'res.users', { readonly: true }),
};

export const MAGIC_NAMES: ReadonlySet<string> = new Set(Object.keys(MAGIC_FIELDS));

function resolveField(model: string, name: string, spec: FieldSpec, version: OdooVersion): Field {
  const relation = typeof spec.relation === 'function' ? spec.relation(version) : spec.relation;
  const keys = SELECTION_VERSIONS[`${model}.${name}`];
  const selection = spec.selection && keys ? spec.selection.filter(([key]) => inRange(version, keys[key])) : spec.selection;
  return { ...spec, name, model, relation, selection };
}

/** The models of one series: models and fields of other series left out, selections trimmed to this one. */
export function buildRegistry(specs: readonly ModelSpec[], version: OdooVersion): Registry {
  const present = specs.filter((spec) => inRange(version, MODEL_VERSIONS[spec.name]));
  const names = new Set(present.map((spec) => spec.name));
  const own = new Map<string, Map<string, Field>>();
  for (const spec of present) {
    const fields = new Map<string, Field>();
    for (const [name, fieldSpec] of Object.entries({ ...MAGIC_FIELDS, ...spec.fields })) {
      if (!inRange(version, FIELD_VERSIONS[spec.name]?.[name])) continue;
      const field = resolveField(spec.name, name, fieldSpec, version);
      if (field.relation !== undefined && !names.has(field.relation)) continue;
      fields.set(name, field);
    }
    own.set(spec.name, fields);
  }
  const registry = new Map<string, Model>();
  for (const spec of present) {
    const fields = own.get(spec.name) ?? new Map<string, Field>();
    if (spec.inherits) {
      for (const [name, field] of own.get(spec.inherits.model) ?? []) {
        if (!fields.has(name) && !MAGIC_NAMES.has(name)) fields.set(name, { ...field, model: spec.name, delegate: spec.inherits.field });
      }
    }
    registry.set(spec.name, { name: spec.name, spec, fields, order: spec.order ?? 'id', recName: spec.recName ?? 'name' });
  }
  return registry;
}
