// A segment as read: elements as written (a composite or repeated element keeps its separators),
// indexed as implementation guides number them: elements[0] is the tag, elements[3] is BEG03.

export interface Segment {
  readonly tag: string;
  readonly elements: readonly string[];
  /** Byte offset in the file where the segment starts. */
  readonly offset: number;
}

export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  /** ISA11 from version 00402 on; before that ISA11 is the standards identifier and there is none. */
  readonly repetition: string | undefined;
  readonly segment: string;
}

/** Element `position` (1-based, as BEG03 is 3), or '' when the segment stops before it. */
export function element(segment: Segment, position: number): string {
  return segment.elements[position] ?? '';
}
