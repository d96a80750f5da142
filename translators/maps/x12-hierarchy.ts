import type { TreeLoop, TreeSegment } from '../tree.js';
import type { MapOptions } from './map-contract.js';
import { codeIn } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, text, type Problems } from './x12-elements.js';

// The HL loops of a set as the tree they describe. Each HL names itself (HL01) and its parent (HL02); the
// order the loops come in proves nothing, so parents are found by number, and a parent that is not there, a
// number used twice or a ring of parents is a problem at the HL that says so.

export interface Level {
  /** HL03 as the map reads it, after the partner's code translations: S, O, T, P, I. */
  readonly code: string;
  readonly loop: TreeLoop<TreeSegment>;
  readonly hl: TreeSegment;
  readonly children: Level[];
}

/** The levels without a parent, each holding its children in the order sent. */
export function hierarchyFrom(loops: readonly TreeLoop<TreeSegment>[], options: MapOptions, problems: Problems): Level[] {
  const byId = new Map<string, Level>();
  const levels = loops.flatMap((loop) => {
    const hl = loop.segment('HL');
    if (hl === undefined) return [];
    const id = text(hl, 'HL01');
    const level: Level = { code: codeIn(options, 'HL03', text(hl, 'HL03')), loop, hl, children: [] };
    if (byId.has(id)) problems.push(mapProblem('MAP_VALUE_INVALID', `HL01 is ${id}, the number of an earlier HL; each level needs its own.`, at(hl, 'HL01')));
    else byId.set(id, level);
    return [level];
  });
  const roots: Level[] = [];
  for (const level of levels) {
    const parentId = text(level.hl, 'HL02');
    if (parentId === '') {
      roots.push(level);
      continue;
    }
    const parent = byId.get(parentId);
    if (parent === undefined) problems.push(mapProblem('MAP_VALUE_INVALID', `HL02 names parent ${parentId}, which no HL01 in the set has.`, at(level.hl, 'HL02')));
    else parent.children.push(level);
  }
  const reached = new Set<Level>();
  const reach = (level: Level): void => {
    reached.add(level);
    level.children.forEach(reach);
  };
  roots.forEach(reach);
  for (const level of levels) {
    if (!reached.has(level) && byId.has(text(level.hl, 'HL02'))) {
      problems.push(mapProblem('MAP_VALUE_INVALID', `HL ${text(level.hl, 'HL01')} is its own ancestor through HL02; its parents go round in a ring.`, at(level.hl, 'HL02')));
    }
  }
  return roots;
}
