import { Kind, KindGuard, type TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { pointerKeys } from './json-pointer.js';

// TypeBox's findings in plain words, the same for canonical documents and partner profiles: what the place
// must hold, taken from the schema itself so that every field gets the same kind of message, and what was
// found there. A reason starts lower-case, to read after the place: "must be 'in' or 'out', got 'inbound'".

export interface SchemaProblem {
  /** The place, as a JSON Pointer; '' is the value itself. */
  readonly pointer: string;
  readonly kind: 'missing' | 'unknown-field' | 'invalid';
  readonly reason: string;
}

/** One problem per place: TypeBox reports a missing field twice (required, then of the wrong type). */
export function schemaProblems(errors: Iterable<ValueError>): SchemaProblem[] {
  const places = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    if (places.has(error.path)) continue;
    places.add(error.path);
    problems.push(problemOf(error));
  }
  return problems;
}

function problemOf(error: ValueError): SchemaProblem {
  const { path: pointer, schema } = error;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { pointer, kind: 'missing', reason: schema.description ? `is required; it holds: ${schema.description}` : 'is required' };
    case ValueErrorType.ObjectAdditionalProperties:
      return { pointer, kind: 'unknown-field', reason: notAField(pointerKeys(pointer).at(-1) ?? '', KindGuard.IsObject(schema) ? Object.keys(schema.properties) : []) };
    default:
      return { pointer, kind: 'invalid', reason: invalidReason(error) };
  }
}

function invalidReason({ type, schema, value, message }: ValueError): string {
  if (type === ValueErrorType.ArrayUniqueItems) return `lists ${shown(repeated(value as unknown[]))} more than once`;
  if (type === ValueErrorType.StringMinLength && value === '') return 'must not be empty; write the value, or leave out a field that is optional';
  const expected = expectedOf(schema);
  // A schema the builders of translators/schema/fields.ts cannot make: TypeBox's own words are all there is.
  if (expected === undefined) return `${message.charAt(0).toLowerCase()}${message.slice(1)}, got ${shown(value)}`;
  return `must be ${expected}, got ${shown(value)}${lengthNote(type, value)}`;
}

/** A misspelt field is named with the one it most likely stands for; otherwise every field is listed. */
function notAField(name: string, known: readonly string[]): string {
  const nearest = known
    .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return nearest ? `is not a field here; did you mean '${nearest.candidate}'?` : `is not a field here; the fields here are ${known.join(', ')}`;
}

function expectedOf(schema: TSchema): string | undefined {
  switch (schema[Kind]) {
    case 'Union': {
      const choices = (schema.anyOf as TSchema[]).filter(KindGuard.IsLiteral).map((choice) => quoted(choice.const));
      return choices.length === 2 ? choices.join(' or ') : `one of ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
    }
    case 'Literal':
      return quoted(schema.const);
    case 'String':
      return schema.expects ?? textOfLength(schema.minLength, schema.maxLength);
    case 'Integer':
      return schema.maximum === undefined ? `a whole number of ${schema.minimum} or more` : `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'Boolean':
      return 'true or false';
    case 'Array':
      return schema.minItems ? `a list of at least ${count(schema.minItems, 'item')}` : 'a list';
    case 'Object':
      return 'a group of fields (name: value)';
    case 'Record':
      return 'a table (key: value)';
    default:
      return undefined;
  }
}

function textOfLength(min: number | undefined, max: number | undefined): string {
  if (max === undefined) return 'a text';
  return min === max ? `a text of exactly ${count(max, 'character')}` : `a text of ${min ?? 0} to ${max} characters`;
}

/** The length of a text refused for its length: counting characters by eye is how mistakes are made. */
function lengthNote(type: ValueErrorType, value: unknown): string {
  const byLength = type === ValueErrorType.StringMaxLength || type === ValueErrorType.StringMinLength;
  return byLength && typeof value === 'string' ? ` (${count(value.length, 'character')})` : '';
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

function quoted(value: unknown): string {
  return `'${String(value)}'`;
}

/** What was found, cut short where it is long: a pasted key or document says no more for being shown whole. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'nothing';
  if (typeof value === 'string') return quoted(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

function repeated(items: readonly unknown[]): unknown {
  return items.find((item, index) => items.indexOf(item) !== index);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
