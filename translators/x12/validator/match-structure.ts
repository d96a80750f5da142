import { SegmentError } from '../codes.js';
import type { Segment } from '../segment.js';
import { LoopNode, SegmentNode, type TreeDelimiters } from '../tree.js';
import { describe, type CompiledLoop, type CompiledSegment, type CompiledSet, type CompiledSlot } from './compiled-spec.js';

// Places each segment of a set in the set's structure, the way X12 resolves it: look forward in the
// innermost open loop first, then in the loops around it; a loop's first segment starts a new repeat.
// Whatever cannot be placed, comes too often, or is missing is reported with the 997/999 segment codes.

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

interface Frame {
  readonly loop: CompiledLoop;
  readonly node: LoopNode;
  /** Index in loop.body of the slot last filled; -1 before the first. */
  index: number;
  /** Uses of each slot in this repeat of the loop (repeats, for a loop slot). */
  readonly counts: number[];
}

export function matchStructure(set: CompiledSet, segments: readonly Segment[], delimiters: TreeDelimiters, implementation: boolean): StructureResult {
  const tree = new LoopNode('');
  const stack: Frame[] = [{ loop: set.root, node: tree, index: -1, counts: set.root.body.map(() => 0) }];
  const placed: SegmentNode[] = [];
  const definitions: CompiledSegment[] = [];
  const problems: SegmentProblem[] = [];
  let position = 0;

  const missing = (frame: Frame, from: number, to: number, segment: Segment | undefined) => {
    for (let index = from; index < to; index += 1) {
      const slot = frame.loop.body[index] as CompiledSlot;
      if (slot.requirement !== 'M' || (frame.counts[index] ?? 0) > 0) continue;
      const tag = slot.kind === 'segment' ? slot.tag : slot.trigger;
      // A missing SE is the envelope's finding (set trailer missing), reported once there.
      if (tag === 'SE') continue;
      const loop = slot.kind === 'loop' ? slot.id : frame.loop.id;
      problems.push({
        code: SegmentError.requiredSegmentMissing,
        tag,
        position,
        segment,
        loop,
        message: slot.kind === 'loop' ? `The ${slot.id} loop is required but missing; it starts with ${tag}.` : `${tag}, the ${describe(slot.segment.name)} segment, is required${frame.loop.id ? ` in the ${frame.loop.id} loop` : ''} but missing.`,
      });
    }
  };

  const close = (frame: Frame, segment: Segment | undefined) => {
    if ((frame.loop.mandatoryFrom[frame.index + 1] as number) < frame.loop.body.length) missing(frame, frame.index + 1, frame.loop.body.length, segment);
  };

  for (let at = 0; at < segments.length; at += 1) {
    const segment = segments[at] as Segment;
    position += 1;
    if (!find(stack, segment.tag)) {
      const loop = (stack.at(-1) as Frame).loop.id;
      const known = set.tags.has(segment.tag);
      const code = known ? SegmentError.segmentOutOfSequence : /^[A-Z][A-Z0-9]{1,2}$/.test(segment.tag) ? SegmentError.segmentNotInSet : SegmentError.unrecognizedSegmentId;
      const message = known
        ? `${segment.tag} is out of order here${loop ? ` (in the ${loop} loop)` : ''}; transaction set ${set.spec.id} allows it only elsewhere.`
        : code === SegmentError.segmentNotInSet
          ? `${segment.tag} is not a segment of transaction set ${set.spec.id} (${set.spec.name}).`
          : `"${segment.tag}" is not a segment identifier.`;
      problems.push({ code, tag: segment.tag, position, segment, loop, message });
      continue;
    }
    const depth = foundDepth;
    const index = foundIndex;
    while (stack.length - 1 > depth) close(stack.pop() as Frame, segment);
    const frame = stack[depth] as Frame;
    // Slots skipped over matter only when one of them is mandatory.
    if ((frame.loop.mandatoryFrom[frame.index + 1] as number) < index) missing(frame, frame.index + 1, index, segment);
    frame.index = index;
    const slot = frame.loop.body[index] as CompiledSlot;
    const count = (frame.counts[index] as number) + 1;
    frame.counts[index] = count;
    if (slot.kind === 'loop') {
      if (count > slot.max) {
        problems.push({ code: SegmentError.loopOverMaximum, tag: segment.tag, position, segment, loop: slot.id, message: `The ${slot.id} loop repeats more than the ${slot.max} times allowed.` });
      }
      if (slot.notUsed && count === 1) problems.push(notUsed(segment, position, slot.id, `The ${slot.id} loop is not used in this partner's guide.`, implementation));
      const loopNode = new LoopNode(slot.id);
      frame.node.children.push(loopNode);
      const counts = new Array<number>(slot.body.length).fill(0);
      counts[0] = 1;
      const inner: Frame = { loop: slot, node: loopNode, index: 0, counts };
      stack.push(inner);
      const node = new SegmentNode(segment, position, slot.id, delimiters);
      loopNode.children.push(node);
      placed.push(node);
      definitions.push((slot.body[0] as { segment: CompiledSegment }).segment);
      continue;
    }
    if (count > slot.max) {
      problems.push({ code: SegmentError.segmentOverMaximumUse, tag: segment.tag, position, segment, loop: frame.loop.id, message: `${segment.tag} appears more than the ${slot.max} time${slot.max === 1 ? '' : 's'} allowed${frame.loop.id ? ` in one ${frame.loop.id} loop` : ''}.` });
    }
    if (slot.notUsed && count === 1) problems.push(notUsed(segment, position, frame.loop.id, `${segment.tag} is not used in this partner's guide.`, implementation));
    const node = new SegmentNode(segment, position, frame.loop.id, delimiters);
    frame.node.children.push(node);
    placed.push(node);
    definitions.push(slot.segment);
  }
  while (stack.length > 0) close(stack.pop() as Frame, undefined);
  return { tree, placed, definitions, problems };
}

/** A segment or loop the partner's guide marks not used: the 999 has its own code for that. */
function notUsed(segment: Segment, position: number, loop: string, message: string, implementation: boolean): SegmentProblem {
  return { code: implementation ? SegmentError.implementationNotUsedSegmentPresent : SegmentError.unexpectedSegment, tag: segment.tag, position, segment, loop, message };
}

// Where find() found the slot: two numbers kept here rather than an object returned, since it runs once for
// every segment of every set.
let foundDepth = 0;
let foundIndex = 0;

/** Whether an open loop can take `tag` next; the innermost that can, and its slot, go to foundDepth and foundIndex. */
function find(stack: readonly Frame[], tag: string): boolean {
  for (let depth = stack.length - 1; depth >= 0; depth -= 1) {
    const frame = stack[depth] as Frame;
    // Inside a loop its first segment is never matched again: that starts the next repeat, one level up.
    const from = depth === 0 ? Math.max(frame.index, 0) : Math.max(frame.index, 1);
    const triggers = frame.loop.triggers;
    for (let index = from; index < triggers.length; index += 1) {
      if (triggers[index] === tag) {
        foundDepth = depth;
        foundIndex = index;
        return true;
      }
    }
  }
  return false;
}
