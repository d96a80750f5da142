import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { schemaProblems, type SchemaProblem } from '../schema/schema-problems.js';
import { canonicalSchemas, type CanonicalDocument } from './documents.js';
import type { Problem, ProblemCode } from './problem.js';
import { ruleProblems } from './rules.js';

// The one way into the canonical types from outside: JSON from a file, a request or a database column is
// checked here once, against the schema of its kind and then the rules, and is typed from here on.

export type CanonicalParse =
  | { readonly ok: true; readonly document: CanonicalDocument }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const validators = new Map<string, { readonly schema: TSchema; readonly check: TypeCheck<TSchema> }>(
  Object.entries(canonicalSchemas).map(([kind, schema]) => [kind, { schema, check: TypeCompiler.Compile(schema) }]),
);

const KINDS = Object.keys(canonicalSchemas)
  .map((kind) => `"${kind}"`)
  .join(', ');

export function parseCanonical(json: unknown): CanonicalParse {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refused({ code: 'VALUE_INVALID', path: '', reason: `Expected a canonical document, an object with a "kind" of ${KINDS}.` });
  }
  const kind: unknown = (json as Record<string, unknown>).kind;
  const validator = typeof kind === 'string' ? validators.get(kind) : undefined;
  if (validator === undefined) {
    if (kind === undefined) return refused({ code: 'FIELD_MISSING', path: '/kind', reason: `Every canonical document says what it is in "kind": one of ${KINDS}.` });
    return refused({ code: 'KIND_UNKNOWN', path: '/kind', reason: `${JSON.stringify(kind)} is not a kind of canonical document; expected one of ${KINDS}.` });
  }
  if (!validator.check.Check(json)) return { ok: false, problems: schemaProblems(validator.check.Errors(json)).map(asProblem) };
  const problems = ruleProblems(validator.schema, json);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: json as CanonicalDocument };
}

const CODES = { missing: 'FIELD_MISSING', 'unknown-field': 'FIELD_UNKNOWN', invalid: 'VALUE_INVALID' } as const satisfies Record<SchemaProblem['kind'], ProblemCode>;

function asProblem({ pointer, kind, reason }: SchemaProblem): Problem {
  return { code: CODES[kind], path: pointer, reason };
}

function refused(problem: Problem): CanonicalParse {
  return { ok: false, problems: [problem] };
}
