import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { pointerKeys } from '../translators/schema/json-pointer.js';
import { schemaProblems } from '../translators/schema/schema-problems.js';
import type { PathSegment, ProfileProblem } from './profile-problem.js';
import { ruleProblems } from './profile-rules.js';
import { PartnerProfileSchema, type PartnerProfile } from './schema/profile.js';
import { typedScalars } from './typed-scalars.js';

const compiled = TypeCompiler.Compile(PartnerProfileSchema);

export type ParsedProfile = { readonly ok: true; readonly profile: PartnerProfile } | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/**
 * A whole profile, from YAML or JSON, as the typed object the gateway uses, with the schema's defaults
 * filled in; or every problem, each at its field. The fields are checked one by one first, and only a
 * profile whose fields are all right is checked for fields that disagree with each other.
 */
export function parseProfile(value: unknown): ParsedProfile {
  const candidate: unknown = Value.Default(PartnerProfileSchema, typedScalars(PartnerProfileSchema, value));
  if (!compiled.Check(candidate)) {
    const problems = schemaProblems(compiled.Errors(candidate)).map(({ pointer, reason }) => ({ path: pathOf(pointer, candidate), reason }));
    return { ok: false, problems };
  }
  const problems = ruleProblems(candidate);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile: candidate };
}

/** A JSON Pointer as path segments; a segment is a list position where the value there is a list. */
function pathOf(pointer: string, value: unknown): PathSegment[] {
  let node = value;
  return pointerKeys(pointer).map((key) => {
    const segment = Array.isArray(node) ? Number(key) : key;
    node = node !== null && typeof node === 'object' ? (node as Record<PathSegment, unknown>)[segment] : undefined;
    return segment;
  });
}
