import { valueError } from './errors.js';
import type { Env } from './orm/env.js';
import type { Field, Row, Stored } from './orm/model-spec.js';
import { findRow, valueOf } from './orm/records.js';
import type { Model } from './orm/registry.js';
import { pyRepr, pyTuple } from './python-repr.js';

/** A compiled domain: does this row of the model match? */
export type Predicate = (row: Row) => boolean;

const OPERATORS = new Set(['=', '!=', '<>', '>', '>=', '<', '<=', '=?', 'like', 'not like', 'ilike', 'not ilike', '=like', '=ilike', 'in', 'not in', 'child_of', 'parent_of', 'any', 'not any']);
/** Negative operators are the negation of their positive form, which is also how Odoo treats NULL (`!=` includes NULL). */
const NEGATION: Readonly<Record<string, string>> = { '!=': '=', '<>': '=', 'not like': 'like', 'not ilike': 'ilike', 'not in': 'in', 'not any': 'any' };
const LIKE = new Set(['like', 'ilike', '=like', '=ilike']);
const RELATIONAL = new Set(['many2one', 'one2many', 'many2many']);

interface Leaf {
  readonly text: string;
  readonly word: 'leaf' | 'condition';
}

/** Odoo's domain: prefix `&` `|` `!`, implicit AND between terms, `[path, operator, value]` leaves. */
export function compileDomain(env: Env, model: Model, domain: unknown): Predicate {
  if (domain === null || domain === undefined || domain === false) return () => true;
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  let position = 0;
  const next = (): Predicate => {
    if (position >= domain.length) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
    const item: unknown = domain[position++];
    if (item === '&' || item === '|') {
      const left = next();
      const right = next();
      return item === '&' ? (row) => left(row) && right(row) : (row) => left(row) || right(row);
    }
    if (item === '!') {
      const inner = next();
      return (row) => !inner(row);
    }
    return compileLeaf(env, model, item);
  };
  const terms: Predicate[] = [];
  while (position < domain.length) terms.push(next());
  return (row) => terms.every((term) => term(row));
}

function compileLeaf(env: Env, model: Model, item: unknown): Predicate {
  const leaf: Leaf = { text: Array.isArray(item) ? pyTuple(item) : pyRepr(item), word: env.version >= 18 ? 'condition' : 'leaf' };
  if (!Array.isArray(item) || item.length !== 3) throw valueError(`Invalid ${leaf.word} ${leaf.text}`);
  const [path, rawOperator, value] = item as [unknown, unknown, unknown];
  if ((path === 1 || path === 0) && rawOperator === '=' && value === 1) return () => path === 1;
  const operator = typeof rawOperator === 'string' ? rawOperator.toLowerCase() : '';
  const known = OPERATORS.has(operator) && (env.version >= 17 || !operator.endsWith('any'));
  if (typeof path !== 'string' || !known) {
    throw valueError(env.version >= 18 && typeof path === 'string' ? `Invalid operator ${pyRepr(rawOperator)} in condition ${leaf.text}` : `Invalid leaf ${leaf.text}`);
  }
  return compilePath(env, model, path.split('.'), operator, value, leaf);
}

function relatedRows(env: Env, comodel: Model, value: Stored): Row[] {
  const ids = Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
  return ids.map((id) => findRow(env, comodel.name, id)).filter((row): row is Row => row !== undefined);
}

function compilePath(env: Env, model: Model, parts: readonly string[], operator: string, value: unknown, leaf: Leaf): Predicate {
  const [name, ...rest] = parts as [string, ...string[]];
  const field = model.fields.get(name);
  if (!field || (rest.length > 0 && !RELATIONAL.has(field.type))) throw valueError(`Invalid field ${model.name}.${name} in ${leaf.word} ${leaf.text}`);
  if (rest.length === 0) return compileCondition(env, model, field, operator, value, leaf);
  const comodel = env.model(field.relation!);
  const inner = compilePath(env, comodel, rest, operator, value, leaf);
  return (row) => relatedRows(env, comodel, valueOf(env, model, row, name)).some(inner);
}

function compileCondition(env: Env, model: Model, field: Field, operator: string, value: unknown, leaf: Leaf): Predicate {
  const positive = NEGATION[operator];
  if (positive) {
    const matches = compileCondition(env, model, field, positive, value, leaf);
    return (row) => !matches(row);
  }
  if (operator === '=?') return value === false || value === null || value === undefined ? () => true : compileCondition(env, model, field, '=', value, leaf);
  const read = (row: Row) => valueOf(env, model, row, field.name);
  if (field.name === 'id' && (operator === 'child_of' || operator === 'parent_of')) {
    const tree = hierarchy(env, model, value, operator);
    return (row) => tree.has(row.id);
  }
  if (RELATIONAL.has(field.type)) return compileRelational(env, field, read, operator, value, leaf);
  if (operator === 'any' || operator === 'child_of' || operator === 'parent_of') throw valueError(`Invalid ${leaf.word} ${leaf.text}`);
  if (operator === '=') return (row) => sameScalar(field, read(row), value);
  if (operator === 'in') {
    const list = asList(value);
    return (row) => list.some((item) => sameScalar(field, read(row), item));
  }
  if (LIKE.has(operator)) {
    const pattern = likePattern(operator, value);
    return (row) => {
      const current = read(row);
      return current !== false && pattern.test(String(current));
    };
  }
  return (row) => compareScalar(field, read(row), operator, value);
}

function compileRelational(env: Env, field: Field, read: (row: Row) => Stored, operator: string, value: unknown, leaf: Leaf): Predicate {
  const comodel = env.model(field.relation!);
  const ids = (row: Row): readonly number[] => {
    const current = read(row);
    return Array.isArray(current) ? current : typeof current === 'number' ? [current] : [];
  };
  if (operator === 'any') {
    const inner = compileDomain(env, comodel, value);
    return (row) => relatedRows(env, comodel, ids(row)).some(inner);
  }
  if (operator === 'child_of' || operator === 'parent_of') {
    const tree = hierarchy(env, comodel, value, operator);
    return (row) => ids(row).some((id) => tree.has(id));
  }
  const byName = LIKE.has(operator) || typeof value === 'string' || (operator === 'in' && asList(value).some((item) => typeof item === 'string'));
  if (byName) {
    const named = nameMatches(env, comodel, operator, value);
    return (row) => ids(row).some((id) => named.has(id));
  }
  if (operator === '=') return (row) => (value === false || value === null ? ids(row).length === 0 : ids(row).includes(Number(value)));
  if (operator === 'in') {
    const list = asList(value);
    const wantsEmpty = list.includes(false) || list.includes(null);
    return (row) => ids(row).some((id) => list.includes(id)) || (wantsEmpty && ids(row).length === 0);
  }
  if (['<', '<=', '>', '>='].includes(operator)) return (row) => ids(row).some((id) => compareNumbers(id, operator, Number(value)));
  throw valueError(`Invalid ${leaf.word} ${leaf.text}`);
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

function normalise(field: Field, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (field.type === 'datetime' && value.length === 10) return `${value} 00:00:00`;
  if (field.type === 'date') return value.slice(0, 10);
  return value;
}

function sameScalar(field: Field, current: Stored, wanted: unknown): boolean {
  if (wanted === false || wanted === null || wanted === undefined) {
    if (field.type === 'boolean') return current === false;
    if (typeof current === 'number') return current === 0;
    return current === false || current === '';
  }
  if (field.type === 'boolean') return current === Boolean(wanted);
  if (typeof current === 'number') return current === Number(wanted);
  return current === normalise(field, wanted);
}

function compareNumbers(left: number, operator: string, right: number): boolean {
  if (operator === '<') return left < right;
  if (operator === '<=') return left <= right;
  if (operator === '>') return left > right;
  return left >= right;
}

function compareScalar(field: Field, current: Stored, operator: string, wanted: unknown): boolean {
  if (current === false || wanted === false || wanted === null || wanted === undefined) return false;
  if (typeof current === 'number') return compareNumbers(current, operator, Number(wanted));
  const right = String(normalise(field, wanted));
  const left = String(current);
  const order = left < right ? -1 : left > right ? 1 : 0;
  return compareNumbers(order, operator, 0);
}

/** SQL LIKE: `%` any run, `_` one character, backslash escapes; like/ilike look for the value anywhere. */
function likePattern(operator: string, value: unknown): RegExp {
  const text = value === false || value === null || value === undefined ? '' : String(value);
  const pattern = operator.startsWith('=') ? text : `%${text}%`;
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) {
      index += 1;
      source += escapeRegExp(pattern[index]!);
    } else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, operator.endsWith('ilike') ? 'i' : '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Records of the comodel whose name (or another name_search field) matches, archived ones included. */
function nameMatches(env: Env, comodel: Model, operator: string, value: unknown): Set<number> {
  const names = ['display_name', comodel.recName, ...(comodel.spec.nameSearch ?? [])].filter((name) => name === 'display_name' || comodel.fields.has(name));
  const pattern = LIKE.has(operator) ? likePattern(operator, value) : undefined;
  const wanted = asList(value);
  const matched = new Set<number>();
  for (const row of env.db.table(comodel.name).values()) {
    const hit = names.some((name) => {
      const current = valueOf(env, comodel, row, name);
      if (current === false) return false;
      return pattern ? pattern.test(String(current)) : wanted.includes(current);
    });
    if (hit) matched.add(row.id);
  }
  return matched;
}

/** child_of: the given records and everything below them; parent_of: the given records and their ancestors. */
function hierarchy(env: Env, model: Model, value: unknown, operator: string): Set<number> {
  const start = asList(value).filter((item): item is number => typeof item === 'number');
  const parent = model.spec.parentName;
  const found = new Set<number>(start);
  if (!parent) return found;
  const rows = [...env.db.table(model.name).values()];
  if (operator === 'child_of') {
    let grew = true;
    while (grew) {
      grew = false;
      for (const row of rows) {
        if (!found.has(row.id) && found.has(row[parent] as number)) {
          found.add(row.id);
          grew = true;
        }
      }
    }
    return found;
  }
  for (const id of start) {
    let current = findRow(env, model.name, id);
    while (current && typeof current[parent] === 'number' && !found.has(current[parent] as number)) {
      found.add(current[parent] as number);
      current = findRow(env, model.name, current[parent] as number);
    }
  }
  return found;
}
