import { Type, type TArray, type TBoolean, type TInteger, type TLiteral, type TObject, type TProperties, type TRecord, type TSchema, type TString, type TUnion } from '@sinclair/typebox';

// The builders the canonical documents and the partner profiles are written with. Each takes the description
// first: every field says, in words the onboarding team understands, what it holds; the JSON Schemas carry
// the words and the tests check for them. A pattern always comes with `expects`, what it asks for in words,
// because a regular expression makes a poor error message (translators/schema/schema-problems.ts says it).

/** A group of named fields. A field the schema does not name is refused: a misspelt field must never be ignored. */
export function fields<P extends TProperties>(description: string, properties: P, options: { readonly default?: object } = {}): TObject<P> {
  return Type.Object(properties, { ...options, description, additionalProperties: false });
}

type TextOptions = {
  /** 1 unless given: an empty text is a field left out, and must be written so. */
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly default?: string;
} & ({ readonly pattern: string; readonly expects: string } | { readonly pattern?: undefined; readonly expects?: undefined });

/** Text kept exactly as written. */
export function text(description: string, options: TextOptions = {}): TString {
  return Type.String({ minLength: 1, ...options, description });
}

export function wholeNumber(description: string, options: { readonly minimum: number; readonly maximum?: number; readonly default?: number }): TInteger {
  return Type.Integer({ ...options, description });
}

export function yesNo(description: string, options: { readonly default?: boolean } = {}): TBoolean {
  return Type.Boolean({ ...options, description });
}

/**
 * One of a few values: a list of them where the description already says what each means, or each value
 * with its meaning, which the JSON Schema then carries with the value.
 */
export function choice<const V extends string>(
  description: string,
  values: readonly V[] | Readonly<Record<V, string>>,
  options: { readonly default?: NoInfer<V> } = {},
): TUnion<TLiteral<V>[]> {
  const meanings: ReadonlyArray<readonly [V, string?]> = isList(values) ? values.map((value) => [value]) : (Object.entries(values) as Array<[V, string]>);
  const literals = meanings.map(([value, meaning]) => Type.Literal(value, meaning === undefined ? {} : { description: meaning }));
  return Type.Union(literals, { ...options, description });
}

function isList<V extends string>(values: readonly V[] | Readonly<Record<V, string>>): values is readonly V[] {
  return Array.isArray(values);
}

export function list<T extends TSchema>(description: string, item: T, options: { readonly minItems?: number; readonly uniqueItems?: boolean } = {}): TArray<T> {
  return Type.Array(item, { ...options, description });
}

/** Key: value pairs whose keys the writer chooses (a partner's codes, element addresses). */
export function table<T extends TSchema>(description: string, value: T): TRecord<TString, T> {
  return Type.Record(Type.String(), value, { description });
}
