import type { EdifactDelimiters } from './delimiters.js';

// A segment as read. Its text keeps the release characters as written; its data elements are split on
// first use, release characters removed: elements[2][0][1] is the first repetition of element 2,
// component 1 (0-based components, 1-based elements as directories number them; elements[0] is the tag).

export type ElementValue = readonly (readonly string[])[];

export class EdifactSegment {
  #elements: readonly ElementValue[] | undefined;

  constructor(
    readonly tag: string,
    /** The segment's text without its terminator, as written (release characters kept). */
    readonly text: string,
    /** Byte offset in the file where the segment starts. */
    readonly offset: number,
    readonly delimiters: EdifactDelimiters,
  ) {}

  /** Each data element as repetitions of components, release characters removed. */
  get elements(): readonly ElementValue[] {
    this.#elements ??= splitSegment(this.text, this.delimiters);
    return this.#elements;
  }

  /** Element `position` (1-based), component `component` (1-based), first repetition; '' when absent. */
  value(position: number, component = 1): string {
    return this.elements[position]?.[0]?.[component - 1] ?? '';
  }
}

/** Splits at each separator that no release character precedes, and removes the release characters. */
function splitSegment(text: string, delimiters: EdifactDelimiters): ElementValue[] {
  const { element, component, repetition, release } = delimiters;
  const elements: ElementValue[] = [];
  let repeats: string[][] = [];
  let components: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character === release && index + 1 < text.length) {
      index += 1;
      current += text[index];
    } else if (character === component) {
      components.push(current);
      current = '';
    } else if (character === repetition) {
      components.push(current);
      repeats.push(components);
      components = [];
      current = '';
    } else if (character === element) {
      components.push(current);
      repeats.push(components);
      elements.push(repeats);
      repeats = [];
      components = [];
      current = '';
    } else {
      current += character;
    }
  }
  components.push(current);
  repeats.push(components);
  elements.push(repeats);
  return elements;
}
