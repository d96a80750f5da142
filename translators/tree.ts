// A validated transaction set or message as the maps read it: loops (segment groups) holding segments and
// inner loops, in file order, with values fetched by the names implementation guides use: BEG03, N104,
// MEA04-1 or BGM01-1 (a composite's first component), all 1-based. Each standard brings its segment node.

/** A segment in the tree, whatever its standard. */
export interface TreeSegment {
  readonly kind: 'segment';
  readonly tag: string;
  /** Position in the set or message, its header segment being 1. */
  readonly position: number;
  /** 'BEG03', 'MEA04-1', or just the position: value(3). '' when absent. */
  value(name: string | number): string;
}

export class TreeLoop<N extends TreeSegment> {
  readonly kind = 'loop';
  readonly children: (N | TreeLoop<N>)[] = [];

  /** The loop's identifier ('N1', 'HL', 'SG10'); '' for the transaction set or message itself. */
  constructor(readonly id: string) {}

  /** Segments directly in this loop with that tag. */
  segments(tag: string): N[] {
    return this.children.filter((child): child is N => child.kind === 'segment' && child.tag === tag);
  }

  /** The first segment directly in this loop with that tag. */
  segment(tag: string): N | undefined {
    return this.children.find((child): child is N => child.kind === 'segment' && child.tag === tag);
  }

  /** Repeats of an inner loop directly in this one. */
  loops(id: string): TreeLoop<N>[] {
    return this.children.filter((child): child is TreeLoop<N> => child.kind === 'loop' && child.id === id);
  }

  /** 'BEG03' from the first BEG directly in this loop; '' when there is none. */
  value(name: string): string {
    return this.segment(parseName(name).tag)?.value(name) ?? '';
  }
}

/** 'N104' -> N1, element 4; 'MEA04-1' -> MEA, element 4, component 1. */
export function parseName(name: string, expectedTag?: string): { tag: string; element: number; component: number | undefined } {
  const match = /^([A-Z][A-Z0-9]{1,2}?)(\d\d)(?:-(\d{1,2}))?$/.exec(name);
  if (!match || (expectedTag !== undefined && match[1] !== expectedTag)) {
    throw new RangeError(`"${name}" does not name an element of ${expectedTag ?? 'a segment'}; write it as the guide does, e.g. ${expectedTag ?? 'BEG'}03 or ${expectedTag ?? 'MEA'}04-1.`);
  }
  return { tag: match[1] as string, element: Number(match[2]), component: match[3] === undefined ? undefined : Number(match[3]) };
}
