import type { CompiledSet } from '../validator/compiled-spec.js';
import { compileSet } from '../validator/compiled-spec.js';
import { dictionary as dictionary4010 } from './004010/dictionary.js';
import { spec as set4010_214 } from './004010/214.js';
import { spec as set4010_810 } from './004010/810.js';
import { spec as set4010_850 } from './004010/850.js';
import { spec as set4010_856 } from './004010/856.js';
import { spec as set4010_997 } from './004010/997.js';
import { dictionary as dictionary5010 } from './005010/dictionary.js';
import { spec as set5010_214 } from './005010/214.js';
import { spec as set5010_810 } from './005010/810.js';
import { spec as set5010_850 } from './005010/850.js';
import { spec as set5010_856 } from './005010/856.js';
import { spec as set5010_997 } from './005010/997.js';
import { spec as set5010_999 } from './005010/999.js';
import type { GuideOverlay } from '../../guide-overlay.js';
import type { TransactionSetSpec, X12Dictionary } from './spec-types.js';

// The transaction sets the gateway handles, by version. A group's GS08 names the version with an
// industry or guide suffix (004010VICS, 005010X231A1); its first six characters pick the definitions.

const versions: Readonly<Record<string, { dictionary: X12Dictionary; sets: readonly TransactionSetSpec[] }>> = {
  '004010': { dictionary: dictionary4010, sets: [set4010_850, set4010_856, set4010_810, set4010_214, set4010_997] },
  '005010': { dictionary: dictionary5010, sets: [set5010_850, set5010_856, set5010_810, set5010_214, set5010_997, set5010_999] },
};

/** The standard's definition of a set, or undefined when the gateway does not handle it. */
export function findSetSpec(groupVersion: string, setId: string): { spec: TransactionSetSpec; dictionary: X12Dictionary } | undefined {
  const version = versions[groupVersion.slice(0, 6)];
  const spec = version?.sets.find((candidate) => candidate.id === setId);
  return version && spec ? { spec, dictionary: version.dictionary } : undefined;
}

const compiled = new Map<TransactionSetSpec, CompiledSet>();
const compiledWithOverlay = new WeakMap<GuideOverlay, Map<TransactionSetSpec, CompiledSet>>();

/** The compiled definition, with the partner's overlay when one is given; compiled once and kept. */
export function compiledSpecFor(groupVersion: string, setId: string, overlay?: GuideOverlay): CompiledSet | undefined {
  const found = findSetSpec(groupVersion, setId);
  if (!found) return undefined;
  let cache = compiled;
  if (overlay) {
    cache = compiledWithOverlay.get(overlay) ?? new Map();
    compiledWithOverlay.set(overlay, cache);
  }
  let set = cache.get(found.spec);
  if (!set) {
    set = compileSet(found.spec, found.dictionary, overlay);
    cache.set(found.spec, set);
  }
  return set;
}

/** Every set the gateway handles, as "850 004010": for listings and tests. */
export function handledSets(): string[] {
  return Object.entries(versions).flatMap(([version, { sets }]) => sets.map((set) => `${set.id} ${version}`));
}
