import { KindGuard, type Static, type TSchema } from '@sinclair/typebox';
import type { Problem } from './problem.js';

// Checks that JSON Schema cannot state (a check digit, a day that is in the calendar, an SSCC used once
// per shipment) ride on the schema they are about, so every document built from that schema runs them.
// They sit under a symbol key, which JSON leaves out: the published schemas stay plain JSON Schema.

/** The problems of a value that already matches its schema, with paths relative to that value. */
export type Rule<T> = (value: T) => Problem[];

const RULE = Symbol('canonical rule');

type RuledSchema = TSchema & { readonly [RULE]?: Rule<unknown> };

/** `schema` with `rule` run on every value it accepts. */
export function withRule<S extends TSchema>(schema: S, rule: Rule<Static<S>>): S {
  return { ...schema, [RULE]: rule };
}

/**
 * The problems every rule finds in `value`, which must already match `schema`: rules read it as typed.
 * Canonical documents are objects, arrays and scalars (unions only of literal values), so the walk goes
 * into objects and arrays only.
 */
export function ruleProblems(schema: TSchema, value: unknown, path = ''): Problem[] {
  const rule = (schema as RuledSchema)[RULE];
  const problems = (rule?.(value) ?? []).map((problem) => ({ ...problem, path: path + problem.path }));
  if (KindGuard.IsObject(schema)) {
    const fields = value as Readonly<Record<string, unknown>>;
    for (const [key, property] of Object.entries(schema.properties)) {
      if (fields[key] !== undefined) problems.push(...ruleProblems(property, fields[key], `${path}/${key}`));
    }
  } else if (KindGuard.IsArray(schema)) {
    (value as readonly unknown[]).forEach((item, index) => problems.push(...ruleProblems(schema.items, item, `${path}/${index}`)));
  }
  return problems;
}

export interface PlacedValue {
  readonly value: string;
  readonly path: string;
}

/** Each value met before in `values`, at its own place, with the place it was first met. */
export function repeatedValues(values: readonly PlacedValue[]): Array<PlacedValue & { readonly firstPath: string }> {
  const first = new Map<string, string>();
  const repeats: Array<PlacedValue & { readonly firstPath: string }> = [];
  for (const { value, path } of values) {
    const firstPath = first.get(value);
    if (firstPath === undefined) first.set(value, path);
    else repeats.push({ value, path, firstPath });
  }
  return repeats;
}
