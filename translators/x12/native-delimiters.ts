import type { X12Delimiters } from './segment.js';

// An interchange's delimiters as the native fast path (translators/native) takes them.

const delimiterWords = new WeakMap<X12Delimiters, Int32Array | null>();

/**
 * The delimiters as the addon takes them (element, component, repetition, terminator; -1 for none, or for
 * a terminator longer than a byte), or null when a separator is longer than a byte: such interchanges take
 * the TypeScript path only.
 */
export function nativeDelimiters(delimiters: X12Delimiters): Int32Array | null {
  let words = delimiterWords.get(delimiters);
  if (words === undefined) {
    const byte = (value: string) => (value.length === 1 && value.charCodeAt(0) <= 0xff ? value.charCodeAt(0) : -1);
    const codes = [byte(delimiters.element), byte(delimiters.component), delimiters.repetition === undefined ? -1 : byte(delimiters.repetition), byte(delimiters.segment)];
    const single = codes[0] !== -1 && codes[1] !== -1 && (delimiters.repetition === undefined || codes[2] !== -1);
    words = single ? Int32Array.from(codes) : null;
    delimiterWords.set(delimiters, words);
  }
  return words;
}

/**
 * The delimiters for reading whole sets in one pass, or null when a delimiter is white space (a line feed
 * as terminator, say): white space between segments is then not simply skipped, and the lexer reads.
 */
export function skimDelimiters(delimiters: X12Delimiters): Int32Array | null {
  const words = nativeDelimiters(delimiters);
  return words && words[3] !== -1 && !Array.from(words).some((code) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00) ? words : null;
}
