import { parseName, TreeLoop } from '../tree.js';
import type { Segment } from './segment.js';

// A validated transaction set as the maps read it (translators/tree.ts), with X12's segments: values fetched
// by the names implementation guides use: BEG03, N104, MEA04-1 (a composite's first component), all 1-based.

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

/** A loop of an X12 transaction set: its segments are X12 segment nodes. */
export class LoopNode extends TreeLoop<SegmentNode> {}
