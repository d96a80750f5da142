import type { Segment } from './segment.js';

// A validated transaction set as the maps read it: loops holding segments and inner loops, in file order,
// with values fetched by the names implementation guides use: BEG03, N104, MEA04-1 (a composite's first
// component), all 1-based.

export interface TreeDelimiters {
  readonly component: string;
  readonly repetition: string | undefined;
}

export class SegmentNode {
  readonly kind = 'segment';

  constructor(
    readonly segment: Segment,
    /** Position in the set, ST being 1. */
    readonly position: number,
    /** The loop the segment is directly in ('N1', 'HL'); '' for the set's own segments. */
    readonly loop: string,
    private readonly delimiters: TreeDelimiters,
  ) {}

  get tag(): string {
    return this.segment.tag;
  }

  /** 'BEG03', 'MEA04-1', or just the position: value(3). '' when absent. The first repetition of a repeating element. */
  value(name: string | number): string {
    return this.values(name)[0] ?? '';
  }

  /** Every repetition of an element (005010 repeating elements); [] when absent. */
  values(name: string | number): string[] {
    const { element, component } = typeof name === 'number' ? { element: name, component: undefined } : parseName(name, this.tag);
    const raw = this.segment.elements[element] ?? '';
    if (raw === '') return [];
    const repeats = this.delimiters.repetition ? raw.split(this.delimiters.repetition) : [raw];
    return repeats.map((repeat) => (component === undefined ? repeat : (repeat.split(this.delimiters.component)[component - 1] ?? '')));
  }
}

export class LoopNode {
  readonly kind = 'loop';
  readonly children: (SegmentNode | LoopNode)[] = [];

  /** The loop's identifier ('N1', 'HL'); '' for the transaction set itself. */
  constructor(readonly id: string) {}

  /** Segments directly in this loop with that tag. */
  segments(tag: string): SegmentNode[] {
    return this.children.filter((child): child is SegmentNode => child.kind === 'segment' && child.tag === tag);
  }

  /** The first segment directly in this loop with that tag. */
  segment(tag: string): SegmentNode | undefined {
    return this.children.find((child): child is SegmentNode => child.kind === 'segment' && child.tag === tag);
  }

  /** Repeats of an inner loop directly in this one. */
  loops(id: string): LoopNode[] {
    return this.children.filter((child): child is LoopNode => child.kind === 'loop' && child.id === id);
  }

  /** 'BEG03' from the first BEG directly in this loop; '' when there is none. */
  value(name: string): string {
    return this.segment(parseName(name).tag)?.value(name) ?? '';
  }
}

/** 'N104' -> N1, element 4; 'MEA04-1' -> MEA, element 4, component 1. */
function parseName(name: string, expectedTag?: string): { tag: string; element: number; component: number | undefined } {
  const match = /^([A-Z][A-Z0-9]{1,2}?)(\d\d)(?:-(\d{1,2}))?$/.exec(name);
  if (!match || (expectedTag !== undefined && match[1] !== expectedTag)) {
    throw new RangeError(`"${name}" does not name an element of ${expectedTag ?? 'a segment'}; write it as the guide does, e.g. ${expectedTag ?? 'BEG'}03 or ${expectedTag ?? 'MEA'}04-1.`);
  }
  return { tag: match[1] as string, element: Number(match[2]), component: match[3] === undefined ? undefined : Number(match[3]) };
}
