import type { EdifactDelimiters } from './delimiters.js';

// A segment as read. Its text keeps the release characters as written; its data elements are split on
// first use, release characters removed: elements[2][0][1] is the first repetition of element 2,
// component 1 (0-based components, 1-based elements as directories number them; elements[0] is the tag).

export type ElementValue = readonly (readonly string[])[];

export class EdifactSegment {
  #elements: readonly ElementValue[] | undefined;
  /** Without release characters and repetitions, a value can be found without splitting the whole segment. */
  #plain: boolean | undefined;

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
    this.#elements ??= this.#isPlain() ? splitPlain(this.text, this.delimiters.element, this.delimiters.component) : splitSegment(this.text, this.delimiters);
    return this.#elements;
  }

  /** Element `position` (1-based), component `component` (1-based), first repetition; '' when absent. */
  value(position: number, component = 1): string {
    // The envelope reads a few values of each UNH and UNT: found where they stand, not split out of them all.
    if (this.#elements === undefined && this.#isPlain()) return plainValue(this.text, this.delimiters, position, component);
    return this.elements[position]?.[0]?.[component - 1] ?? '';
  }

  /** The components of element `position` (1-based), first repetition; [] when absent. */
  components(position: number): readonly string[] {
    if (this.#elements === undefined && this.#isPlain()) return plainComponents(this.text, this.delimiters, position);
    return this.elements[position]?.[0] ?? [];
  }

  #isPlain(): boolean {
    const { release, repetition } = this.delimiters;
    this.#plain ??= (release === undefined || !this.text.includes(release)) && (repetition === undefined || !this.text.includes(repetition));
    return this.#plain;
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

/** A segment without release characters or repetitions: its elements, each one repetition of components, found by searching for the separators. */
function splitPlain(text: string, element: string, component: string): ElementValue[] {
  const elements: ElementValue[] = [];
  for (let start = 0; ; ) {
    const found = text.indexOf(element, start);
    const end = found < 0 ? text.length : found;
    const components: string[] = [];
    for (let from = start; ; ) {
      const separator = text.indexOf(component, from);
      if (separator < 0 || separator >= end) {
        components.push(text.slice(from, end));
        break;
      }
      components.push(text.slice(from, separator));
      from = separator + 1;
    }
    elements.push([components]);
    if (found < 0) return elements;
    start = found + 1;
  }
}

/**
 * Element `position`, component `component` of a segment without release characters or repetitions; ''
 * when absent. One pass over the characters: the segments asked are short, and a search call per
 * separator costs more than looking at them.
 */
function plainValue(text: string, delimiters: EdifactDelimiters, position: number, component: number): string {
  const element = delimiters.element.charCodeAt(0);
  const separator = delimiters.component.charCodeAt(0);
  let elements = 0;
  let components = 1;
  let start = 0;
  for (let at = 0; at <= text.length; at += 1) {
    // The end of the text ends the last value as a separator would.
    const code = at < text.length ? text.charCodeAt(at) : element;
    if (code !== element && code !== separator) continue;
    if (elements === position && components === component) return text.slice(start, at);
    if (code === element) {
      elements += 1;
      components = 1;
      if (elements > position) return '';
    } else {
      components += 1;
    }
    start = at + 1;
  }
  return '';
}

/** The components of element `position` of a segment without release characters or repetitions; [] when absent. */
function plainComponents(text: string, delimiters: EdifactDelimiters, position: number): string[] {
  const element = delimiters.element.charCodeAt(0);
  const separator = delimiters.component.charCodeAt(0);
  const components: string[] = [];
  let elements = 0;
  let start = 0;
  for (let at = 0; at <= text.length; at += 1) {
    const code = at < text.length ? text.charCodeAt(at) : element;
    if (code !== element && code !== separator) continue;
    if (elements === position) components.push(text.slice(start, at));
    if (code === element) {
      elements += 1;
      if (elements > position) return components;
    }
    start = at + 1;
  }
  return components;
}
