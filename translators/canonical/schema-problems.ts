import { KindGuard, type TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { Problem } from './problem.js';

// TypeBox's findings, told in plain words: what was expected at the place, and what was found there.

/** One problem per place: a missing field is also of the wrong type, and saying so twice helps no one. */
export function schemaProblems(errors: Iterable<ValueError>): Problem[] {
  const places = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    if (places.has(error.path)) continue;
    places.add(error.path);
    problems.push(problemOf(error));
  }
  return problems;
}

function problemOf(error: ValueError): Problem {
  const { path, schema, value } = error;
  if (error.type === ValueErrorType.ObjectRequiredProperty) {
    return { code: 'FIELD_MISSING', path, reason: `Required but missing. It holds: ${schema.description ?? 'a value'}` };
  }
  if (error.type === ValueErrorType.ObjectAdditionalProperties) {
    const fields = KindGuard.IsObject(schema) ? Object.keys(schema.properties).join(', ') : '';
    return { code: 'FIELD_UNKNOWN', path, reason: `"${lastKey(path)}" is not a field here; the fields here are: ${fields}.` };
  }
  return { code: 'VALUE_INVALID', path, reason: invalidReason(error) };
}

function invalidReason({ type, schema, value, message }: ValueError): string {
  const found = describe(value);
  switch (type) {
    case ValueErrorType.String:
      return `Expected text${example(schema, ' such as ')}, found ${found}.`;
    case ValueErrorType.StringMinLength:
      return 'Empty; write the value, or leave out a field that is optional.';
    case ValueErrorType.StringPattern:
      return `Not a valid ${schema.title ?? `value of the form ${schema.pattern}`}: ${found}${example(schema, '; write it like ')}.`;
    case ValueErrorType.Union:
      return `Expected one of ${choices(schema)}, found ${found}.`;
    case ValueErrorType.Integer:
      return `Expected a whole number, found ${found}.`;
    case ValueErrorType.IntegerMinimum:
      return `Expected ${schema.minimum} or more, found ${found}.`;
    case ValueErrorType.Object:
      return `Expected an object of named fields, found ${found}.`;
    case ValueErrorType.Array:
      return `Expected a list, found ${found}.`;
    case ValueErrorType.ArrayMinItems:
      return `Expected at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}, found ${(value as unknown[]).length}.`;
    default:
      return `${message}, found ${found}.`;
  }
}

/** The values a union of literals allows, quoted. */
function choices(schema: TSchema): string {
  const literals = KindGuard.IsUnion(schema) ? schema.anyOf.filter(KindGuard.IsLiteral) : [];
  return literals.map((literal) => JSON.stringify(literal.const)).join(', ');
}

function example(schema: TSchema, before: string): string {
  const examples: unknown = schema.examples;
  return Array.isArray(examples) && examples.length > 0 ? `${before}${JSON.stringify(examples[0])}` : '';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${value}`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** The field name at the end of a JSON Pointer, unescaped. */
function lastKey(path: string): string {
  return (path.split('/').at(-1) ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
}
