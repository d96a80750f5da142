import { valueError } from '../errors.js';
import { boolean, char, integer } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec } from '../orm/model-spec.js';

/** The record an external id ("module.name") points to, or undefined. */
export function xmlidTarget(env: Env, xmlid: string): { model: string; id: number } | undefined {
  const [module, ...rest] = xmlid.split('.');
  const name = rest.join('.');
  for (const row of env.db.table('ir.model.data').values()) {
    if (row.module === module && row.name === name && typeof row.res_id === 'number') return { model: String(row.model), id: row.res_id };
  }
  return undefined;
}

/** `env.ref`: the id behind an external id, ValueError as in Odoo when there is none. */
export function ref(env: Env, xmlid: string): number {
  const target = xmlidTarget(env, xmlid);
  if (!target || !env.db.table(target.model).has(target.id)) throw valueError(`External ID not found in the system: ${xmlid}`);
  return target.id;
}

/** The id behind an external id, or false: for defaults that must not fail when seed data was removed. */
export function refOrFalse(env: Env, xmlid: string): number | false {
  const target = xmlidTarget(env, xmlid);
  return target && env.db.table(target.model).has(target.id) ? target.id : false;
}

export const irModelData: ModelSpec = {
  name: 'ir.model.data',
  description: 'Model Data',
  order: 'module, model, name',
  recName: 'complete_name',
  fields: {
    module: char('Module', { required: true, default: () => '' }),
    name: char('External Identifier', { required: true }),
    model: char('Model Name', { required: true }),
    res_id: integer('Record ID'),
    noupdate: boolean('Non Updatable'),
    complete_name: char('Complete ID', { compute: (_env, row) => `${String(row.module)}.${String(row.name)}` }),
  },
  constraints: [
    {
      sql: true,
      fields: ['name'],
      check: (_env, row) => (String(row.name).includes(' ') ? 'External IDs cannot contain spaces' : undefined),
    },
    {
      sql: true,
      fields: ['module', 'name'],
      check: (env, row) => {
        const clash = [...env.db.table('ir.model.data').values()].some((other) => other.id !== row.id && other.module === row.module && other.name === row.name);
        return clash ? 'duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"' : undefined;
      },
    },
  ],
  methods: {
    check_object_reference: {
      model: true,
      access: 'read',
      params: [{ name: 'module', required: true }, { name: 'xml_id', required: true }, { name: 'raise_on_access_error', default: false }],
      run: (env, _ids, args) => {
        const target = xmlidTarget(env, `${String(args.module)}.${String(args.xml_id)}`);
        if (!target) throw valueError(`External ID not found in the system: ${String(args.module)}.${String(args.xml_id)}`);
        return [target.model, target.id];
      },
    },
  },
};
