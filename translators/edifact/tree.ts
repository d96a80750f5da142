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
