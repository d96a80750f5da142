import { parseProfile } from './parse-profile.js';
import type { PathSegment, ProfileProblem } from './profile-problem.js';
import type { PartnerProfile } from './schema/profile.js';

// A partner's profile is its own values over its group's over the defaults every partner starts from, most
// specific first. Groups of fields merge field by field at every depth; anything else, lists included, is
// taken whole from the most specific layer that has it: a partner listing its documents replaces its
// group's list rather than adding to it, since a merged list could not say which item the partner dropped.

export const LAYERS = ['partner', 'group', 'defaults'] as const;
export type LayerName = (typeof LAYERS)[number];

/** Each layer as read from its file or row: not yet checked, since a layer alone is not a whole profile. */
export interface ProfileLayers {
  readonly partner: unknown;
  readonly group?: unknown;
  readonly defaults?: unknown;
}

/** A problem with the layer whose value it is about; a field no layer gives is the partner's to add. */
export interface LayeredProblem extends ProfileProblem {
  readonly layer: LayerName;
}

export type ResolvedProfile = { readonly ok: true; readonly profile: PartnerProfile } | { readonly ok: false; readonly problems: readonly LayeredProblem[] };

/** Who the partner is, and which group it is in, is said by the partner's own profile only. */
const PARTNER_ONLY = ['id', 'name', 'group'];

export function resolveProfile(layers: ProfileLayers): ResolvedProfile {
  const candidates = LAYERS.map((name, layer) => ({ layer, value: layers[name] }));
  const misplaced = candidates.slice(1).flatMap(({ layer, value }) =>
    PARTNER_ONLY.filter((key) => isFields(value) && Object.hasOwn(value, key)).map((key) => ({
      layer: LAYERS[layer] as LayerName,
      path: [key],
      reason: "belongs in the partner's own profile only",
    })),
  );
  const parsed = parseProfile(merge(candidates));
  if (parsed.ok && misplaced.length === 0) return parsed;
  const problems = parsed.ok ? [] : parsed.problems.map((problem) => ({ ...problem, layer: LAYERS[layerOf(candidates, problem.path)] as LayerName }));
  return { ok: false, problems: [...misplaced, ...problems] };
}

interface Candidate {
  readonly layer: number;
  readonly value: unknown;
}

/** The values that make up one place of the profile: the most specific alone, unless it is a group of fields, which merges with the groups of fields right behind it. */
function merging(candidates: readonly Candidate[]): Candidate[] {
  const present = candidates.filter((candidate) => candidate.value !== undefined);
  const [first] = present;
  if (!first || !isFields(first.value)) return present.slice(0, 1);
  const end = present.findIndex((candidate) => !isFields(candidate.value));
  return end === -1 ? present : present.slice(0, end);
}

function merge(candidates: readonly Candidate[]): unknown {
  const from = merging(candidates);
  const [first] = from;
  if (!first || !isFields(first.value)) return first?.value;
  const keys = new Set(from.flatMap((candidate) => Object.keys(candidate.value as object)));
  return Object.fromEntries([...keys].map((key) => [key, merge(from.map(({ layer, value }) => ({ layer, value: childOf(value, key) })))]));
}

/** The layer that gave the value at `path`, or the deepest part of it that any layer gives. */
function layerOf(candidates: readonly Candidate[], path: readonly PathSegment[]): number {
  let from = merging(candidates);
  for (const segment of path) {
    const next = merging(from.map(({ layer, value }) => ({ layer, value: childOf(value, segment) })));
    if (next.length === 0) break;
    from = next;
  }
  return from[0]?.layer ?? 0;
}

function childOf(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) return typeof segment === 'number' ? value[segment] : undefined;
  return isFields(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
}

function isFields(value: unknown): value is Record<PathSegment, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
