import { integrityError, valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import { createRecords } from './create.js';
import type { Env } from './env.js';
import type { Field, Row, Vals } from './model-spec.js';
import { one2manyIds } from './records.js';
import type { Model } from './registry.js';
import { unlinkRecords } from './unlink.js';
import { writeRecords } from './write.js';

function existing(env: Env, field: Field, ids: readonly unknown[]): number[] {
  const table = env.db.table(field.relation!);
  return ids.map((id) => {
    if (typeof id !== 'number' || !table.has(id)) {
      throw integrityError(`${field.model}.${field.name} refers to ${field.relation}(${pyRepr(id)},), which does not exist (foreign key violation).`);
    }
    return id;
  });
}

/** One2many UNLINK: deletes the line when its many2one back is `ondelete='cascade'`, else empties the many2one. */
function detach(env: Env, field: Field, id: number): void {
  const inverse = env.model(field.relation!).fields.get(field.inverseName!)!;
  if (inverse.ondelete === 'cascade') unlinkRecords(env, field.relation!, [id]);
  else writeRecords(env, field.relation!, [id], { [field.inverseName!]: false });
}

function commandsOf(model: Model, field: Field, raw: unknown): unknown[][] {
  if (raw === false || raw === null) return [[5, 0, 0]];
  if (!Array.isArray(raw)) throw valueError(`Wrong value for ${model.name}.${field.name}: ${pyRepr(raw)}`);
  if (raw.length > 0 && raw.every((item) => typeof item === 'number')) return [[6, 0, raw]];
  return raw.map((command) => {
    if (!Array.isArray(command) || typeof command[0] !== 'number') throw valueError(`Wrong value for ${model.name}.${field.name}: ${pyRepr(raw)}`);
    return command;
  });
}

/** The x2many commands 0-6 (reference 2.4) on one record. */
export function applyCommands(env: Env, model: Model, row: Row, field: Field, raw: unknown): void {
  const oneToMany = field.type === 'one2many';
  const linked = (): number[] => (oneToMany ? one2manyIds(env, field, row.id) : [...((row[field.name] as number[] | undefined) ?? [])]);
  const setLinks = (ids: readonly number[]) => {
    row[field.name] = [...new Set(ids)];
  };
  for (const [code, id, arg] of commandsOf(model, field, raw)) {
    switch (code) {
      case 0: {
        const vals = { ...((arg ?? {}) as Vals) };
        if (oneToMany) vals[field.inverseName!] = row.id;
        const [created] = createRecords(env, field.relation!, [vals]);
        if (!oneToMany) setLinks([...linked(), created!]);
        break;
      }
      case 1:
        writeRecords(env, field.relation!, existing(env, field, [id]), (arg ?? {}) as Vals);
        break;
      case 2:
        if (!oneToMany) setLinks(linked().filter((other) => other !== id));
        unlinkRecords(env, field.relation!, existing(env, field, [id]));
        break;
      case 3:
        if (oneToMany) detach(env, field, existing(env, field, [id])[0]!);
        else setLinks(linked().filter((other) => other !== id));
        break;
      case 4:
        if (oneToMany) writeRecords(env, field.relation!, existing(env, field, [id]), { [field.inverseName!]: row.id });
        else setLinks([...linked(), ...existing(env, field, [id])]);
        break;
      case 5:
        if (oneToMany) for (const other of linked()) detach(env, field, other);
        else setLinks([]);
        break;
      case 6: {
        const wanted = existing(env, field, Array.isArray(arg) ? arg : []);
        if (oneToMany) {
          for (const other of linked()) if (!wanted.includes(other)) detach(env, field, other);
          for (const other of wanted) writeRecords(env, field.relation!, [other], { [field.inverseName!]: row.id });
        } else setLinks(wanted);
        break;
      }
      default:
        throw valueError(`Wrong value for ${model.name}.${field.name}: ${pyRepr(raw)}`);
    }
  }
}
