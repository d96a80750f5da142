import { indexError, typeError, unprocessable, OdooError } from './errors.js';
import type { Context, MethodSpec, Param } from './orm/model-spec.js';
import type { Model } from './orm/registry.js';
import { pyRepr } from './python-repr.js';
import type { OdooVersion } from './versions.js';

export interface ResolvedMethod {
  readonly model: Model;
  readonly name: string;
  readonly spec: MethodSpec;
}

export interface BoundCall {
  readonly ids: readonly number[];
  readonly args: Record<string, unknown>;
  readonly context: Context;
  /** Raised after the method ran, inside its transaction, so that the work is rolled back. */
  readonly failAfterRun?: OdooError;
}

export function paramsOf(spec: MethodSpec, version: OdooVersion): readonly Param[] {
  return typeof spec.params === 'function' ? spec.params(version) : (spec.params ?? []);
}

function quoteList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

/** Python's binding of positional and keyword arguments to a method's parameters, with its TypeError texts. */
function bindPython(method: ResolvedMethod, params: readonly Param[], positional: readonly unknown[], keywords: Record<string, unknown>): Record<string, unknown> {
  const label = `${method.name}()`;
  const { spec } = method;
  if (spec.keywordOnly && positional.length > 0) throw typeError(`${label} takes 1 positional argument but ${positional.length + 1} were given`);
  if (positional.length > params.length) {
    const least = 1 + params.filter((param) => param.required).length;
    const most = 1 + params.length;
    const takes = least === most ? `${most} positional argument${most === 1 ? '' : 's'}` : `from ${least} to ${most} positional arguments`;
    throw typeError(`${label} takes ${takes} but ${positional.length + 1} were given`);
  }
  const bound: Record<string, unknown> = {};
  positional.forEach((value, index) => {
    bound[params[index]!.name] = value;
  });
  for (const [name, value] of Object.entries(keywords)) {
    if (name in bound) throw typeError(`${label} got multiple values for argument '${name}'`);
    if (!spec.varKeywords && !params.some((param) => param.name === name)) throw typeError(`${label} got an unexpected keyword argument '${name}'`);
    bound[name] = value;
  }
  const missing = params.filter((param) => param.required && !(param.name in bound)).map((param) => param.name);
  if (missing.length > 0) {
    const kind = spec.keywordOnly ? 'keyword-only' : 'positional';
    throw typeError(`${label} missing ${missing.length} required ${kind} argument${missing.length === 1 ? '' : 's'}: ${quoteList(missing)}`);
  }
  for (const param of params) if (!(param.name in bound)) bound[param.name] = param.default ?? null;
  return bound;
}

function recordIds(value: unknown): number[] {
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((id) => typeof id === 'number' && Number.isInteger(id))) return value as number[];
  if (value === false || value === null) return [];
  throw typeError(`ids must be an integer or a list of integers, not ${pyRepr(value)}`);
}

function contextOf(value: unknown): Context {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Context) : {};
}

/** execute_kw: record ids come first for non-`@api.model` methods; `context` is taken from the keywords. */
export function bindExecuteKw(method: ResolvedMethod, version: OdooVersion, positional: readonly unknown[], keywords: Record<string, unknown>): BoundCall {
  const { context, ...rest } = keywords;
  let ids: number[] = [];
  let remaining = positional;
  if (!method.spec.model) {
    if (positional.length === 0) throw indexError('list index out of range');
    ids = recordIds(positional[0]);
    remaining = positional.slice(1);
  }
  const args = bindPython(method, paramsOf(method.spec, version), remaining, rest);
  // Odoo chooses create's int-or-list answer from args[0], which is missing when vals_list came as a keyword.
  const failAfterRun = method.name === 'create' && positional.length === 0 ? indexError('tuple index out of range') : undefined;
  return { ids, args, context: contextOf(context), failAfterRun };
}

/** JSON-2: named parameters only, `ids` and `context` reserved; binding problems are 422 UnprocessableEntity. */
export function bindJson2(method: ResolvedMethod, version: OdooVersion, body: Record<string, unknown>): BoundCall {
  const { ids: rawIds, context, ...named } = body;
  let ids: number[];
  try {
    ids = recordIds(rawIds ?? []);
  } catch (error) {
    throw unprocessable((error as Error).message);
  }
  if (method.spec.model && ids.length > 0) throw unprocessable(`cannot call ${method.model.name}.${method.name} with ids`);
  try {
    return { ids, args: bindPython(method, paramsOf(method.spec, version), [], named), context: contextOf(context) };
  } catch (error) {
    if (error instanceof OdooError && error.pythonName === 'builtins.TypeError') throw unprocessable(error.message);
    throw error;
  }
}
