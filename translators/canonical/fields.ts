import { Type, type TLiteral, type TObject, type TProperties, type TString, type TUnion } from '@sinclair/typebox';
import { DECIMAL_PATTERN } from './decimal.js';

// The builders every canonical schema is made of. Each takes the description first: every field says, in
// words an onboarding person understands, what it holds.

/** An object with exactly these fields: a misspelt field is reported, never silently dropped. */
export function closedObject<P extends TProperties>(description: string, properties: P): TObject<P> {
  return Type.Object(properties, { description, additionalProperties: false });
}

/** Text that is not empty, kept exactly as written. */
export function text(description: string): TString {
  return Type.String({ minLength: 1, description });
}

export interface TextForm {
  readonly pattern: string;
  /** What the form is called; a refusal names it. */
  readonly title: string;
  /** A value of that form; a refusal quotes it. */
  readonly example: string;
}

/** Text of a fixed form, such as a currency code or a date. */
export function formattedText(description: string, form: TextForm): TString {
  return Type.String({ description, pattern: form.pattern, title: form.title, examples: [form.example] });
}

/** An exact decimal written as text ("1234.50"), never a JS number: numbers cannot hold cents exactly. */
export function decimalText(description: string): TString {
  return formattedText(description, { pattern: DECIMAL_PATTERN, title: 'exact decimal', example: '1234.50' });
}

/** One of a few values, each with its meaning. */
export function choice<const V extends string>(description: string, values: Record<V, string>): TUnion<TLiteral<V>[]> {
  const literals = (Object.entries(values) as Array<[V, string]>).map(([value, meaning]) => Type.Literal(value, { description: meaning }));
  return Type.Union(literals, { description });
}
