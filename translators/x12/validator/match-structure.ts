import { matchStructure as placeSegments, type StructureProblem, type StructureProblemKind } from '../../structure/match-structure.js';
import { SegmentError } from '../codes.js';
import type { Segment } from '../segment.js';
import { LoopNode, SegmentNode, type TreeDelimiters } from '../tree.js';
import { describe, type CompiledSegment, type CompiledSet } from './compiled-spec.js';

// A transaction set's segments placed in its structure (translators/structure), with what went wrong in
// the 997/999 segment codes and words.

export interface SegmentProblem {
  readonly code: string;
  /** The segment the problem is about: for a missing segment, the tag that should have been there. */
  readonly tag: string;
  /** Position (ST = 1) where it was found, or where the missing segment was noticed. */
  readonly position: number;
  readonly segment: Segment | undefined;
  readonly loop: string;
  readonly message: string;
}

export interface StructureResult {
  readonly tree: LoopNode;
  /** Every segment placed in the tree, in file order; a segment that could not be placed is only a problem. */
  readonly placed: readonly SegmentNode[];
  /** The definition of each placed segment, at the same index. */
  readonly definitions: readonly CompiledSegment[];
  readonly problems: readonly SegmentProblem[];
}

const X12_SEGMENTS = {
  wellFormed: (tag: string) => /^[A-Z][A-Z0-9]{1,2}$/.test(tag),
  // A missing SE is the envelope's finding (set trailer missing), reported once there.
  trailer: 'SE',
};

export function matchStructure(set: CompiledSet, segments: readonly Segment[], delimiters: TreeDelimiters, implementation: boolean): StructureResult {
  const result = placeSegments(set.root, set.tags, segments, X12_SEGMENTS, {
    loop: (id) => new LoopNode(id),
    segment: (segment, position, loop) => new SegmentNode(segment, position, loop, delimiters),
  });
  return { ...result, problems: result.problems.map((problem) => ({ code: code(problem.kind, implementation), tag: problem.tag, position: problem.position, segment: problem.segment, loop: problem.loop, message: message(problem, set) })) };
}

function code(kind: StructureProblemKind, implementation: boolean): string {
  switch (kind) {
    case 'missing':
      return SegmentError.requiredSegmentMissing;
    case 'outOfSequence':
      return SegmentError.segmentOutOfSequence;
    case 'notInStructure':
      return SegmentError.segmentNotInSet;
    case 'unrecognized':
      return SegmentError.unrecognizedSegmentId;
    case 'segmentOverMaximum':
      return SegmentError.segmentOverMaximumUse;
    case 'loopOverMaximum':
      return SegmentError.loopOverMaximum;
    case 'notUsed':
      // The 999 has its own code for a segment the partner's guide does not use.
      return implementation ? SegmentError.implementationNotUsedSegmentPresent : SegmentError.unexpectedSegment;
  }
}

function message(problem: StructureProblem<Segment>, set: CompiledSet): string {
  const { tag, loop, slot } = problem;
  switch (problem.kind) {
    case 'missing':
      return slot?.kind === 'loop'
        ? `The ${slot.id} loop is required but missing; it starts with ${tag}.`
        : `${tag}, the ${describe((slot?.segment as CompiledSegment).name)} segment, is required${loop ? ` in the ${loop} loop` : ''} but missing.`;
    case 'outOfSequence':
      return `${tag} is out of order here${loop ? ` (in the ${loop} loop)` : ''}; transaction set ${set.spec.id} allows it only elsewhere.`;
    case 'notInStructure':
      return `${tag} is not a segment of transaction set ${set.spec.id} (${set.spec.name}).`;
    case 'unrecognized':
      return `"${tag}" is not a segment identifier.`;
    case 'segmentOverMaximum': {
      const max = slot?.max ?? 0;
      return `${tag} appears more than the ${max} time${max === 1 ? '' : 's'} allowed${loop ? ` in one ${loop} loop` : ''}.`;
    }
    case 'loopOverMaximum':
      return `The ${loop} loop repeats more than the ${slot?.max ?? 0} times allowed.`;
    case 'notUsed':
      return slot?.kind === 'loop' ? `The ${loop} loop is not used in this partner's guide.` : `${tag} is not used in this partner's guide.`;
  }
}
