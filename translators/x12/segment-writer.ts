import type { X12Delimiters } from './segment.js';

/** Data that cannot be written with the partner's delimiters: X12 has no release character. */
export class DelimiterInDataError extends Error {
  readonly code = 'DELIMITER_IN_DATA';

  constructor(
    readonly tag: string,
    readonly position: number,
    readonly delimiter: string,
  ) {
    super(
      delimiter === '\r' || delimiter === '\n'
        ? `${tag}${String(position).padStart(2, '0')} contains a line break, which readers drop as line wrapping; X12 cannot carry it.`
        : `${tag}${String(position).padStart(2, '0')} contains "${delimiter}", which is a delimiter of this interchange; X12 cannot escape it.`,
    );
    this.name = 'DelimiterInDataError';
  }
}

/**
 * One segment as text, without its terminator. Elements are written as given, a composite or repeated
 * element with its component and repetition separators; an element holding the element separator or the
 * segment terminator is refused.
 */
export function writeSegment(segment: { readonly tag: string; readonly elements: readonly string[] }, delimiters: X12Delimiters): string {
  const values = segment.elements.slice(1);
  values.forEach((value, index) => {
    for (const delimiter of [delimiters.element, delimiters.segment]) {
      if (value.includes(delimiter)) throw new DelimiterInDataError(segment.tag, index + 1, delimiter);
    }
  });
  return [segment.tag, ...values].join(delimiters.element);
}
