import { typeError, valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import { createRecords, withDefaults } from './create.js';
import type { MethodSpec, Param } from './model-spec.js';
import { displayName } from './records.js';
import { fieldsGet, readRecords, readRows } from './read.js';
import { OneRecord } from './result.js';
import { searchRows } from './search.js';
import { unlinkRecords } from './unlink.js';
import { writeRecords } from './write.js';

const domain: Param = { name: 'domain', required: true };
const paging: readonly Param[] = [
  { name: 'offset', default: 0 },
  { name: 'limit', default: null },
  { name: 'order', default: null },
];

function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

/** The ORM methods every model answers over RPC (2.1), with Odoo's parameter names and order. */
export const ORM_METHODS: Readonly<Record<string, MethodSpec>> = {
  search: {
    model: true,
    access: 'read',
    // `count=True` is still accepted, deprecated, by 16 only.
    params: (version) => (version <= 16 ? [domain, ...paging, { name: 'count', default: false }] : [domain, ...paging]),
    run: (env, _ids, args, model) => {
      const rows = searchRows(env, model, args.domain, args);
      return args.count ? rows.length : rows.map((row) => row.id);
    },
  },
  search_read: {
    model: true,
    access: 'read',
    params: [{ name: 'domain', default: null }, { name: 'fields', default: null }, ...paging],
    varKeywords: true,
    run: (env, _ids, args, model) => {
      const { domain: filter, fields, offset, limit, order, load = '_classic_read', ...rest } = args;
      const unexpected = Object.keys(rest)[0];
      if (unexpected !== undefined) throw typeError(`read() got an unexpected keyword argument ${pyRepr(unexpected)}`);
      return readRows(env, model, searchRows(env, model, filter, { offset, limit, order }), fields, load);
    },
  },
  search_count: {
    model: true,
    access: 'read',
    params: [domain, { name: 'limit', default: null }],
    run: (env, _ids, args, model) => searchRows(env, model, args.domain, { limit: args.limit, order: 'id' }).length,
  },
  read: {
    access: 'read',
    params: [
      { name: 'fields', default: null },
      { name: 'load', default: '_classic_read' },
    ],
    run: (env, ids, args, model) => readRecords(env, model.name, ids, args.fields, args.load),
  },
  create: {
    model: true,
    access: 'create',
    params: [{ name: 'vals_list', required: true }],
    run: (env, _ids, args, model) => {
      if (Array.isArray(args.vals_list)) return createRecords(env, model.name, args.vals_list);
      const [id] = createRecords(env, model.name, [args.vals_list]);
      return new OneRecord(id!, 'create');
    },
  },
  write: {
    access: 'write',
    params: [{ name: 'vals', required: true }],
    run: (env, ids, args, model) => {
      if (args.vals === null || typeof args.vals !== 'object' || Array.isArray(args.vals)) throw valueError(`Invalid values for ${model.name}: ${pyRepr(args.vals)}`);
      writeRecords(env, model.name, ids, args.vals as Record<string, unknown>);
      return true;
    },
  },
  unlink: {
    access: 'unlink',
    run: (env, ids, _args, model) => {
      unlinkRecords(env, model.name, ids);
      return true;
    },
  },
  name_search: {
    model: true,
    access: 'read',
    params: (version) => [
      { name: 'name', default: '' },
      { name: version >= 18 ? 'domain' : 'args', default: null },
      { name: 'operator', default: 'ilike' },
      { name: 'limit', default: 100 },
    ],
    run: (env, _ids, args, model) => {
      const name = typeof args.name === 'string' ? args.name : '';
      const fields = ['display_name', model.recName, ...(model.spec.nameSearch ?? [])].filter((field) => model.fields.has(field));
      const byName = name === '' ? [] : [...fields.slice(1).map(() => '|'), ...fields.map((field) => [field, args.operator, name])];
      const filter = [...(((args.domain ?? args.args) as unknown[] | null) ?? []), ...byName];
      return searchRows(env, model, filter, { limit: args.limit }).map((row) => [row.id, displayName(env, model, row)]);
    },
  },
  fields_get: {
    model: true,
    access: 'read',
    params: [
      { name: 'allfields', default: null },
      { name: 'attributes', default: null },
    ],
    run: (_env, _ids, args, model) => fieldsGet(model, args.allfields, args.attributes),
  },
  default_get: {
    model: true,
    access: 'read',
    params: [{ name: 'fields_list', required: true }],
    run: (env, _ids, args, model) => {
      const defaults = withDefaults(env, model, {});
      return Object.fromEntries(idsOrNames(args.fields_list).filter((name) => defaults[name] !== undefined).map((name) => [name, defaults[name]]));
    },
  },
  get_external_id: {
    access: 'read',
    run: (env, ids, _args, model) => {
      const found: Record<string, string> = Object.fromEntries(ids.map((id) => [String(id), '']));
      for (const data of env.db.table('ir.model.data').values()) {
        if (data.model === model.name && ids.includes(data.res_id as number)) found[String(data.res_id)] = `${String(data.module)}.${String(data.name)}`;
      }
      return found;
    },
  },
  exists: {
    access: 'read',
    run: (env, ids, _args, model) => idsOf(ids).filter((id) => env.db.table(model.name).has(id)),
  },
};

function idsOrNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}
