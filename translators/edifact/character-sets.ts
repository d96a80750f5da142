import type { EdifactDelimiters } from './delimiters.js';

// The syntax identifiers (UNB S001 0001) and what each allows: the repertoire a segment's characters must
// come from, and how its bytes become text. Level A is upper case only; level B is printable ASCII; UNOC
// to UNOK are the ISO 8859 parts; UNOW and UNOY are ISO 10646 written as UTF-8.

export interface CharacterSet {
  readonly identifier: string;
  /** The ISO 8859 part or UTF-8 its bytes are decoded with; latin1 is read as it stands. */
  readonly encoding: 'latin1' | 'utf-8' | `iso-8859-${number}`;
  /** Characters outside the repertoire; delimiters are allowed on top of it. */
  readonly forbidden: RegExp;
  readonly description: string;
}

const LEVEL_A = String.raw`A-Z0-9 .,\-()/='+:?!"%&*;<>`;
/** C0 and C1 controls and DEL: never data in the ISO 8859 parts. */
const CONTROLS = String.raw`\x00-\x1f\x7f-\x9f`;

const SETS: Readonly<Record<string, Omit<CharacterSet, 'identifier' | 'forbidden'> & { readonly allowed: string; readonly negated: boolean }>> = {
  UNOA: { encoding: 'latin1', allowed: LEVEL_A, negated: false, description: 'level A: upper-case letters, digits, space and . , - ( ) / = \' + : ? ! " % & * ; < >' },
  UNOB: { encoding: 'latin1', allowed: String.raw`\x20-\x7e`, negated: false, description: 'level B: printable ASCII' },
  IATA: { encoding: 'latin1', allowed: LEVEL_A, negated: false, description: 'IATA level A: upper-case letters, digits and punctuation' },
  IATB: { encoding: 'latin1', allowed: String.raw`\x20-\x7e`, negated: false, description: 'IATA level B: printable ASCII' },
  UNOC: { encoding: 'latin1', allowed: CONTROLS, negated: true, description: 'ISO 8859-1 without control characters' },
  UNOD: { encoding: 'iso-8859-2', allowed: CONTROLS, negated: true, description: 'ISO 8859-2 without control characters' },
  UNOE: { encoding: 'iso-8859-5', allowed: CONTROLS, negated: true, description: 'ISO 8859-5 without control characters' },
  UNOF: { encoding: 'iso-8859-7', allowed: CONTROLS, negated: true, description: 'ISO 8859-7 without control characters' },
  UNOG: { encoding: 'iso-8859-3', allowed: CONTROLS, negated: true, description: 'ISO 8859-3 without control characters' },
  UNOH: { encoding: 'iso-8859-4', allowed: CONTROLS, negated: true, description: 'ISO 8859-4 without control characters' },
  UNOI: { encoding: 'iso-8859-6', allowed: CONTROLS, negated: true, description: 'ISO 8859-6 without control characters' },
  UNOJ: { encoding: 'iso-8859-8', allowed: CONTROLS, negated: true, description: 'ISO 8859-8 without control characters' },
  UNOK: { encoding: 'iso-8859-9', allowed: CONTROLS, negated: true, description: 'ISO 8859-9 without control characters' },
  // Checked after decoding: a byte sequence that is not UTF-8 decodes to U+FFFD, which is refused.
  UNOW: { encoding: 'utf-8', allowed: String.raw`\x00-\x1f\x7f\ufffd`, negated: true, description: 'UTF-8 without control characters' },
  UNOY: { encoding: 'utf-8', allowed: String.raw`\x00-\x1f\x7f\ufffd`, negated: true, description: 'UTF-8 without control characters' },
};

/** The character set of a syntax identifier with the interchange's delimiters allowed, or undefined when the gateway does not know it. */
export function characterSet(identifier: string, delimiters: EdifactDelimiters): CharacterSet | undefined {
  // An own property only: an identifier such as __proto__ names no character set.
  const set = Object.hasOwn(SETS, identifier) ? SETS[identifier] : undefined;
  if (!set) return undefined;
  const service = [delimiters.component, delimiters.element, delimiters.release ?? '', delimiters.repetition ?? '']
    .join('')
    .replace(/[\\\]^-]/g, (character) => `\\${character}`);
  // A delimiter is a service character wherever it stands, even one outside the repertoire (level B's IS1 to IS4).
  const forbidden = set.negated ? `(?![${service}])[${set.allowed}]` : `[^${set.allowed}${service}]`;
  return { identifier, encoding: set.encoding, forbidden: new RegExp(forbidden, 'u'), description: set.description };
}

/** The segment text (latin1, one character per byte) as the characters the set means. */
export function decode(text: string, set: CharacterSet): string {
  if (set.encoding === 'latin1' || !/[\x80-\xff]/.test(text)) return text;
  return new TextDecoder(set.encoding).decode(Buffer.from(text, 'latin1'));
}

/**
 * Text as the bytes of the set's encoding, for writing: latin1, an ISO 8859 part (which Buffer cannot
 * write, so each upper byte is found through the decoder) or UTF-8. Without a known set, latin1.
 */
export function encode(text: string, set: CharacterSet | undefined): Uint8Array {
  const encoding = set?.encoding ?? 'latin1';
  if (encoding === 'latin1' || encoding === 'utf-8') return Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'latin1');
  const decoder = new TextDecoder(encoding);
  const bytes = new Map(Array.from({ length: 0x60 }, (_, index) => [decoder.decode(Uint8Array.of(0xa0 + index)), 0xa0 + index] as const));
  return Uint8Array.from(text, (character) => (character < '\xa0' ? character.charCodeAt(0) : (bytes.get(character) as number)));
}

/** The 0-based index of the first character the set does not allow, or -1. */
export function firstForbidden(text: string, set: CharacterSet): number {
  return text.search(set.forbidden);
}
