import { parseName, TreeLoop, type TreeSegment } from '../tree.js';
import type { EdifactSegment } from './segment.js';

// A validated message as the maps read it (translators/tree.ts), with EDIFACT's segments: BGM02 is the
// document number, NAD02-1 the party identifier (a composite's first component), release characters removed.

export class EdifactSegmentNode implements TreeSegment {
  readonly kind = 'segment';

  constructor(
    readonly segment: EdifactSegment,
    /** Position in the message, UNH being 1. */
    readonly position: number,
    /** The segment group the segment is directly in ('SG2'); '' for the message's own segments. */
    readonly loop: string,
  ) {}

  get tag(): string {
    return this.segment.tag;
  }

  /** 'BGM02', 'NAD02-1', or just the position: value(2). '' when absent. The first repetition of a repeating element. */
  value(name: string | number): string {
    return this.values(name)[0] ?? '';
  }

  /** Every repetition of an element (syntax version 4); [] when absent. */
  values(name: string | number): string[] {
    const { element, component } = typeof name === 'number' ? { element: name, component: undefined } : parseName(name, this.tag);
    const repeats = this.segment.elements[element] ?? [];
    if (repeats.every((components) => components.every((value) => value === ''))) return [];
    return repeats.map((components) => components[(component ?? 1) - 1] ?? '');
  }
}

/** A segment group of a message, or the message itself. */
export class EdifactLoopNode extends TreeLoop<EdifactSegmentNode> {}

/** The tree a lazy one stands for, built on first use. */
class TreeToBuild {
  #built: EdifactLoopNode | undefined;

  constructor(private readonly build: () => EdifactLoopNode) {}

  get tree(): EdifactLoopNode {
    this.#built ??= this.build();
    return this.#built;
  }
}

/** Every look into a lazy tree is a look into the tree built for it. */
const LOOK_INTO_BUILT: ProxyHandler<TreeToBuild> = {
  get: (target, key) => Reflect.get(target.tree, key),
  has: (target, key) => Reflect.has(target.tree, key),
  ownKeys: (target) => Reflect.ownKeys(target.tree),
  getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target.tree, key),
  getPrototypeOf: (target) => Reflect.getPrototypeOf(target.tree),
};

/**
 * The tree of a message found clean in one pass, built by `build` when it is first looked into: most messages
 * of a large file never are. Until then it is two small objects; from then on it reads as the built tree,
 * which the handlers that take an EdifactLoopNode cannot tell from it.
 */
export function lazyTree(build: () => EdifactLoopNode): EdifactLoopNode {
  return new Proxy(new TreeToBuild(build), LOOK_INTO_BUILT) as unknown as EdifactLoopNode;
}
