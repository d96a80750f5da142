import type { CharacterSet } from './character-sets.js';
import type { EdifactDelimiters } from './delimiters.js';

// An interchange's delimiters and syntax level as the native fast path (translators/native) takes them.

const delimiterWords = new WeakMap<EdifactDelimiters, Int32Array | null>();
const skimWords = new WeakMap<EdifactDelimiters, Int32Array | null>();
/**
 * The delimiters as the addon takes them (element, component, repetition, release, terminator; -1 for no
 * repetition separator or release character), or null when one is not a single latin1 character.
 */
export function nativeDelimiters(delimiters: EdifactDelimiters): Int32Array | null {
  let words = delimiterWords.get(delimiters);
  if (words === undefined) {
    const byte = (value: string) => (value.length === 1 && value.charCodeAt(0) <= 0xff ? value.charCodeAt(0) : -2);
    const optional = (value: string | undefined) => (value === undefined ? -1 : byte(value));
    const codes = [byte(delimiters.element), byte(delimiters.component), optional(delimiters.repetition), optional(delimiters.release), byte(delimiters.segment)];
    words = codes.includes(-2) ? null : Int32Array.from(codes);
    delimiterWords.set(delimiters, words);
  }
  return words;
}

/**
 * The delimiters for reading whole messages in one pass, or null when a delimiter is white space (a line
 * feed as terminator, say): white space between segments is then not simply skipped, and the lexer reads.
 */
export function skimDelimiters(delimiters: EdifactDelimiters): Int32Array | null {
  let words = skimWords.get(delimiters);
  if (words === undefined) {
    const native = nativeDelimiters(delimiters);
    words = native && !Array.from(native).some(isWhiteSpace) ? native : null;
    skimWords.set(delimiters, words);
  }
  return words;
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00;
}

const allowedBytes = new WeakMap<CharacterSet, Uint8Array>();
/** Without a character set the gateway knows, characters are not checked: every byte is data. */
const EVERY_BYTE = new Uint8Array(256).fill(1);

/**
 * For each byte, 1 when it certainly stands for a character the syntax level allows (its delimiters
 * included), as the envelope reader's check would find it. Only a set read as latin1 says so of bytes from
 * 0x80: elsewhere such a byte is (part of) another character, and a segment holding one is left to the
 * envelope reader and the validator.
 */
export function allowedBytesOf(set: CharacterSet | undefined): Uint8Array {
  if (set === undefined) return EVERY_BYTE;
  let allowed = allowedBytes.get(set);
  if (!allowed) {
    const table = new Uint8Array(256);
    const bytes = set.encoding === 'latin1' ? 256 : 0x80;
    for (let byte = 0; byte < bytes; byte += 1) table[byte] = set.forbidden.test(String.fromCharCode(byte)) ? 0 : 1;
    allowed = table;
    allowedBytes.set(set, allowed);
  }
  return allowed;
}
