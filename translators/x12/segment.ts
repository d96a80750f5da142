/**
 * A segment as read. Its elements are written as they stand (a composite or repeated element keeps its
 * separators) and indexed as implementation guides number them: elements[0] is the tag, elements[3] is
 * BEG03. They are split on first use: most segments of a large file are passed on without being looked
 * into, and splitting every one would cost more than all the rest of reading.
 */
export class Segment {
  #elements: readonly string[] | undefined;

  constructor(
    readonly tag: string,
    /** The segment's text without its terminator (line wrapping removed). */
    readonly text: string,
    /** Byte offset in the file where the segment starts. */
    readonly offset: number,
    private readonly separator: string,
  ) {}

  get elements(): readonly string[] {
    this.#elements ??= split(this.text, this.separator);
    return this.#elements;
  }

  /** Element `position` (BEG03 is 3), '' when the segment stops before it; found without splitting the segment. */
  elementAt(position: number): string {
    if (this.#elements) return this.#elements[position] ?? '';
    let start = 0;
    for (let passed = 0; passed < position; passed += 1) {
      const at = this.text.indexOf(this.separator, start);
      if (at < 0) return '';
      start = at + this.separator.length;
    }
    const end = this.text.indexOf(this.separator, start);
    return this.text.slice(start, end < 0 ? this.text.length : end);
  }
}

/**
 * text.split(separator), which leaves optimized code for the runtime on every call; this loop is about
 * twice as fast on strings as short as segments, and validating a set splits every one of them.
 */
function split(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let end = text.indexOf(separator); end >= 0; end = text.indexOf(separator, start)) {
    parts.push(text.slice(start, end));
    start = end + separator.length;
  }
  parts.push(text.slice(start));
  return parts;
}

export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  /** ISA11 from version 00402 on; before that ISA11 is the standards identifier and there is none. */
  readonly repetition: string | undefined;
  readonly segment: string;
}

/** Element `position` (1-based, as BEG03 is 3), or '' when the segment stops before it. */
export function element(segment: { readonly elements: readonly string[] }, position: number): string {
  return segment.elements[position] ?? '';
}
