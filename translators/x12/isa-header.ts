import { InterchangeNote } from './codes.js';
import type { X12Delimiters } from './segment.js';

// The ISA segment fixes the delimiters of its interchange: the element separator is the character after
// "ISA", the component separator is ISA16, the segment terminator is the character after ISA16, and from
// version 00402 on ISA11 is the repetition separator. A delimiter may be a multi-byte UTF-8 character:
// the reader works on bytes (as latin1 text), so such a delimiter is a string of 2 to 4 characters.

/** How far into the text the 16 element separators of an ISA are looked for (a padded ISA is 106). */
const ISA_WINDOW = 256;

export type IsaHeader =
  | { readonly kind: 'header'; readonly delimiters: X12Delimiters; readonly elements: readonly string[]; readonly length: number }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'invalid'; readonly note: string; readonly reason: string };

/** Reads the ISA at the start of `text`; `final` says no more text will come. */
export function readIsaHeader(text: string, final: boolean): IsaHeader {
  const more = (): IsaHeader => (final ? { kind: 'invalid', note: InterchangeNote.prematureEndOfFile, reason: 'the file ends inside the ISA segment' } : { kind: 'need-more' });
  if (text.length < 4) return more();
  const element = characterAt(text, 3);
  if (element === undefined) return more();
  if (isAlphanumericOrSpace(element)) {
    return { kind: 'invalid', note: InterchangeNote.elementSeparatorInvalid, reason: `the element separator after ISA is "${element}", a letter, digit or space` };
  }
  let position = 3;
  for (let separator = 1; separator < 16; separator += 1) {
    const next = text.indexOf(element, position + element.length);
    if (next < 0 || next > ISA_WINDOW) {
      if (next < 0 && text.length < ISA_WINDOW && !final) return { kind: 'need-more' };
      return { kind: 'invalid', note: InterchangeNote.controlStructureInvalid, reason: `the ISA segment has ${separator} elements instead of 16` };
    }
    position = next;
  }
  const componentAt = position + element.length;
  const component = characterAt(text, componentAt);
  if (component === undefined) return more();
  const terminatorAt = componentAt + component.length;
  const segment = characterAt(text, terminatorAt);
  if (segment === undefined) return more();
  const elements = text.slice(0, componentAt + component.length).split(element);
  if (component === element || isAlphanumericOrSpace(component)) {
    return { kind: 'invalid', note: InterchangeNote.componentSeparatorInvalid, reason: `ISA16, the component separator, is "${component}"` };
  }
  if (segment === element || segment === component || isAlphanumericOrSpace(segment)) {
    return { kind: 'invalid', note: InterchangeNote.segmentTerminatorInvalid, reason: `the segment terminator after ISA16 is "${segment}"` };
  }
  const version = elements[12] ?? '';
  const isa11 = elements[11] ?? '';
  const repetition = version >= '00402' && isa11.length > 0 && !isAlphanumericOrSpace(isa11) ? isa11 : undefined;
  return { kind: 'header', delimiters: { element, component, repetition, segment }, elements, length: terminatorAt + segment.length };
}

/** The character at `index`: one latin1 character, or the whole UTF-8 sequence that starts there. */
function characterAt(text: string, index: number): string | undefined {
  const lead = text.charCodeAt(index);
  if (Number.isNaN(lead)) return undefined;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 1;
  if (length === 1) return text[index];
  if (index + length > text.length) return undefined;
  for (let next = index + 1; next < index + length; next += 1) {
    const byte = text.charCodeAt(next);
    if (byte < 0x80 || byte > 0xbf) return text[index];
  }
  return text.slice(index, index + length);
}

function isAlphanumericOrSpace(value: string): boolean {
  return /^[A-Za-z0-9 ]$/.test(value);
}
