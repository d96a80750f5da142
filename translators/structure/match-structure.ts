// Places each segment of a transaction set or message in its structure, the way both X12 and EDIFACT
// resolve it: look forward in the innermost open loop (segment group) first, then in the ones around it; a
// loop's first segment starts a new repeat. What cannot be placed, comes too often, or is missing is
// reported as a kind of problem; each standard gives the kinds its own codes and words.

export interface StructureSegmentSlot<D> {
  readonly kind: 'segment';
  readonly tag: string;
  readonly requirement: 'M' | 'O';
  readonly max: number;
  /** The partner's guide says the slot is not used. */
  readonly notUsed: boolean;
  /** The segment's definition, handed back with every segment placed in this slot. */
  readonly segment: D;
}

export interface StructureLoop<D> {
  readonly kind: 'loop';
  /** 'N1', 'HL', 'SG10'; '' for the set or message itself. */
  readonly id: string;
  readonly requirement: 'M' | 'O';
  readonly max: number;
  readonly notUsed: boolean;
  /** The tag of the segment that starts each repeat. */
  readonly trigger: string;
  readonly body: readonly StructureSlot<D>[];
  /** For each slot of the body, the tag that fills it: its segment's, or its loop's trigger. */
  readonly triggers: readonly string[];
  /** For each index of the body and one past it, the first mandatory slot from there (body.length when none). */
  readonly mandatoryFrom: readonly number[];
}

export type StructureSlot<D> = StructureSegmentSlot<D> | StructureLoop<D>;

export type StructureProblemKind = 'missing' | 'outOfSequence' | 'notInStructure' | 'unrecognized' | 'segmentOverMaximum' | 'loopOverMaximum' | 'notUsed';

export interface StructureProblem<S> {
  readonly kind: StructureProblemKind;
  /** The segment the problem is about: for a missing one, the tag that should have been there. */
  readonly tag: string;
  /** Position (the header segment being 1) where it was found, or where the missing segment was noticed. */
  readonly position: number;
  readonly segment: S | undefined;
  /** The innermost loop concerned: for a missing or too frequent loop, that loop. */
  readonly loop: string;
  /** For a missing slot or one over its maximum: the slot. */
  readonly slot?: StructureSlot<unknown>;
}

/** Loops and segments as the standard's tree holds them. */
export interface TreeFactory<S, L extends { readonly children: unknown[] }, N> {
  loop(id: string): L;
  segment(segment: S, position: number, loop: string): N;
}

export interface StructureResult<S, D, L, N> {
  readonly tree: L;
  /** Every segment placed in the tree, in file order; a segment that could not be placed is only a problem. */
  readonly placed: readonly N[];
  /** The definition of each placed segment, at the same index. */
  readonly definitions: readonly D[];
  readonly problems: readonly StructureProblem<S>[];
}

interface Frame<D, L> {
  readonly loop: StructureLoop<D>;
  readonly node: L;
  /** Index in loop.body of the slot last filled; -1 before the first. */
  index: number;
  /** Uses of each slot in this repeat of the loop (repeats, for a loop slot). */
  readonly counts: number[];
}

/** What differs between the standards' segments. */
export interface StructureInput {
  /** Whether a tag is one of the standard's well-formed tags. */
  wellFormed(tag: string): boolean;
  /** A trailer whose absence the envelope reports already (SE, UNT): not reported again as missing. */
  readonly trailer: string;
}

export function matchStructure<S extends { readonly tag: string }, D, L extends { readonly children: unknown[] }, N>(
  root: StructureLoop<D>,
  tags: ReadonlySet<string>,
  segments: readonly S[],
  input: StructureInput,
  factory: TreeFactory<S, L, N>,
): StructureResult<S, D, L, N> {
  const tree = factory.loop('');
  const stack: Frame<D, L>[] = [{ loop: root, node: tree, index: -1, counts: root.body.map(() => 0) }];
  const placed: N[] = [];
  const definitions: D[] = [];
  const problems: StructureProblem<S>[] = [];
  let position = 0;

  const missing = (frame: Frame<D, L>, from: number, to: number, segment: S | undefined) => {
    for (let index = from; index < to; index += 1) {
      const slot = frame.loop.body[index] as StructureSlot<D>;
      if (slot.requirement !== 'M' || (frame.counts[index] ?? 0) > 0) continue;
      const tag = slot.kind === 'segment' ? slot.tag : slot.trigger;
      if (tag === input.trailer) continue;
      problems.push({ kind: 'missing', tag, position, segment, loop: slot.kind === 'loop' ? slot.id : frame.loop.id, slot });
    }
  };

  const close = (frame: Frame<D, L>, segment: S | undefined) => {
    if ((frame.loop.mandatoryFrom[frame.index + 1] as number) < frame.loop.body.length) missing(frame, frame.index + 1, frame.loop.body.length, segment);
  };

  const place = (frame: Frame<D, L>, segment: S, loop: string, definition: D) => {
    const node = factory.segment(segment, position, loop);
    frame.node.children.push(node);
    placed.push(node);
    definitions.push(definition);
  };

  for (let at = 0; at < segments.length; at += 1) {
    const segment = segments[at] as S;
    const tag = segment.tag;
    position += 1;
    if (!find(stack, tag)) {
      const loop = (stack.at(-1) as Frame<D, L>).loop.id;
      const kind = tags.has(tag) ? 'outOfSequence' : input.wellFormed(tag) ? 'notInStructure' : 'unrecognized';
      problems.push({ kind, tag, position, segment, loop });
      continue;
    }
    const depth = foundDepth;
    const index = foundIndex;
    while (stack.length - 1 > depth) close(stack.pop() as Frame<D, L>, segment);
    const frame = stack[depth] as Frame<D, L>;
    // Slots skipped over matter only when one of them is mandatory.
    if ((frame.loop.mandatoryFrom[frame.index + 1] as number) < index) missing(frame, frame.index + 1, index, segment);
    frame.index = index;
    const slot = frame.loop.body[index] as StructureSlot<D>;
    const count = (frame.counts[index] as number) + 1;
    frame.counts[index] = count;
    if (slot.kind === 'loop') {
      if (count > slot.max) problems.push({ kind: 'loopOverMaximum', tag, position, segment, loop: slot.id, slot });
      if (slot.notUsed && count === 1) problems.push({ kind: 'notUsed', tag, position, segment, loop: slot.id, slot });
      const loopNode = factory.loop(slot.id);
      frame.node.children.push(loopNode);
      const counts = new Array<number>(slot.body.length).fill(0);
      counts[0] = 1;
      const inner: Frame<D, L> = { loop: slot, node: loopNode, index: 0, counts };
      stack.push(inner);
      place(inner, segment, slot.id, (slot.body[0] as StructureSegmentSlot<D>).segment);
      continue;
    }
    if (count > slot.max) problems.push({ kind: 'segmentOverMaximum', tag, position, segment, loop: frame.loop.id, slot });
    if (slot.notUsed && count === 1) problems.push({ kind: 'notUsed', tag, position, segment, loop: frame.loop.id, slot });
    place(frame, segment, frame.loop.id, slot.segment);
  }
  while (stack.length > 0) close(stack.pop() as Frame<D, L>, undefined);
  return { tree, placed, definitions, problems };
}

/** What the structure matcher looks up for every segment, worked out once per loop. */
export function lookups<D>(body: readonly StructureSlot<D>[]): Pick<StructureLoop<D>, 'triggers' | 'mandatoryFrom'> {
  const mandatoryFrom = new Array<number>(body.length + 1).fill(body.length);
  for (let index = body.length - 1; index >= 0; index -= 1) {
    mandatoryFrom[index] = body[index]?.requirement === 'M' ? index : (mandatoryFrom[index + 1] as number);
  }
  return { triggers: body.map((slot) => (slot.kind === 'segment' ? slot.tag : slot.trigger)), mandatoryFrom };
}

// Where find() found the slot: two numbers kept here rather than an object returned, since it runs once for
// every segment of every set.
let foundDepth = 0;
let foundIndex = 0;

/** Whether an open loop can take `tag` next; the innermost that can, and its slot, go to foundDepth and foundIndex. */
function find<D, L>(stack: readonly Frame<D, L>[], tag: string): boolean {
  for (let depth = stack.length - 1; depth >= 0; depth -= 1) {
    const frame = stack[depth] as Frame<D, L>;
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
