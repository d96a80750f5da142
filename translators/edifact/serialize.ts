import type { ControlNumberAllocator } from '../control-numbers.js';
import { characterSet, firstForbidden, type CharacterSet } from './character-sets.js';
import { defaultDelimiters, LEVEL_B_DEFAULTS, type EdifactDelimiters } from './delimiters.js';
import { printable } from './segment-lexer.js';
import type { EdifactSegment } from './segment.js';

// Typed segments to EDIFACT text: the envelopes (UNA, UNB/UNZ, UNG/UNE, UNH/UNT) are written here, with
// references from the allocator and counts computed, so a caller only says what goes inside them. Unlike
// X12, EDIFACT has a release character: data holding a delimiter is escaped, and refused only where the
// interchange has none (level B).

/**
 * A simple element, a composite (its components), or a repeating element (syntax version 4). Numbers are
 * text and written as they stand, decimal mark included: readers accept "." and "," alike.
 */
export type ElementData = string | readonly string[] | { readonly repeats: readonly (string | readonly string[])[] };

export type UnwritableCode = 'DELIMITER_IN_DATA' | 'CHARACTER_NOT_ALLOWED' | 'REPETITION_NOT_ALLOWED';

/** Where in a segment a value stands, 1-based; component and repetition only for composites and repeats. */
export interface DataPlace {
  readonly tag: string;
  readonly element: number;
  readonly repetition?: number;
  readonly component?: number;
}

/** Data the interchange cannot carry: a delimiter with no release character, a character outside the syntax level, a repetition before version 4. */
export class UnwritableDataError extends Error {
  readonly tag: string;
  readonly element: number;
  readonly repetition: number | undefined;
  readonly component: number | undefined;

  constructor(
    readonly code: UnwritableCode,
    place: DataPlace,
    reason: string,
  ) {
    super(`${placeName(place)} ${reason}`);
    this.name = 'UnwritableDataError';
    this.tag = place.tag;
    this.element = place.element;
    this.repetition = place.repetition;
    this.component = place.component;
  }
}

export interface SegmentData {
  readonly tag: string;
  /** Element 1 first; '' for an element left out. */
  readonly elements: readonly ElementData[];
}

export interface OutgoingMessage {
  /** UNH S009: 0065 message type (ORDERS), 0052 version (D), 0054 release (96A), 0051 agency (UN). */
  readonly type: string;
  readonly version: string;
  readonly release: string;
  readonly agency: string;
  /** S009 0057, the association assigned code, e.g. EAN008. */
  readonly association?: string;
  /** The segments between UNH and UNT. */
  readonly segments: readonly SegmentData[];
}

export interface Party {
  readonly id: string;
  /** The code qualifier of the id (0007), e.g. 14 for a GLN. */
  readonly qualifier?: string;
}

export interface OutgoingGroup {
  /** UNG 0038, the type of the messages the group holds. */
  readonly messageType: string;
  /** UNG S006 and S007, the application sender and recipient. */
  readonly sender: Party;
  readonly recipient: Party;
  /** UNG 0051 and S008: the agency, version, release and association code of the messages. */
  readonly agency: string;
  readonly version: string;
  readonly release: string;
  readonly association?: string;
  readonly messages: readonly OutgoingMessage[];
}

export type SyntaxVersion = '1' | '2' | '3' | '4';

export interface OutgoingInterchangeHeader {
  /** UNB S001 0001, e.g. UNOA, UNOC, UNOY: the characters data may use, and the encoding of the text. */
  readonly syntaxIdentifier: string;
  /** UNB S001 0002. */
  readonly syntaxVersion: SyntaxVersion;
  readonly sender: Party;
  readonly recipient: Party;
  /** UNB 0026. */
  readonly applicationReference?: string;
  /** UNB 0031 = 1: ask the recipient for a CONTRL. */
  readonly acknowledgmentRequested: boolean;
  /** UNB 0035 = 1. */
  readonly test: boolean;
}

/** Messages directly in the interchange, or all of them in groups: ISO 9735 does not allow both. */
export type OutgoingInterchange = OutgoingInterchangeHeader &
  ({ readonly messages: readonly OutgoingMessage[]; readonly groups?: undefined } | { readonly groups: readonly OutgoingGroup[]; readonly messages?: undefined });

/** What writing a segment depends on. */
export interface SegmentSyntax {
  readonly delimiters: EdifactDelimiters;
  readonly syntaxIdentifier: string;
  readonly syntaxVersion: SyntaxVersion;
}

export interface SerializeOptions {
  /** The partner's service characters; the defaults of the syntax version when left out. */
  readonly delimiters?: EdifactDelimiters;
  /** Write UNA even when the delimiters are the defaults, for partners who ask for it; it is always written when they are not. */
  readonly writeUna?: boolean;
  /** Written after each segment terminator: '' (one line), '\n' or '\r\n'. */
  readonly lineEnding?: string;
  readonly allocator: ControlNumberAllocator;
  /** Whose counters the references come from. */
  readonly partner: string;
  readonly now: Date;
}

/** 0020, 0048 and 0062 are an..14. */
const MAX_REFERENCE = 99_999_999_999_999;
/** The syntax levels whose default service characters are the information separators, not ":+.? '". */
const LEVEL_B = new Set(['UNOB', 'IATB']);
const DELIMITER_KEYS = ['component', 'element', 'decimal', 'release', 'repetition', 'segment'] as const;

/**
 * The interchange as text. Callers write it in the encoding of its syntax identifier (`characterSet(...)
 * .encoding`): latin1 for UNOA, UNOB, UNOC, IATA and IATB; the ISO 8859 part for UNOD to UNOK (which
 * Buffer cannot encode); UTF-8 for UNOW and UNOY. Every character is checked to exist in that encoding.
 * Throws UnwritableDataError for data the interchange cannot carry, RangeError for delimiters or a syntax
 * identifier it cannot be written with.
 */
export async function serializeInterchange(interchange: OutgoingInterchange, options: SerializeOptions): Promise<string> {
  const { allocator, partner, now } = options;
  const { syntaxIdentifier, syntaxVersion } = interchange;
  const delimiters = options.delimiters ?? defaultDelimiters(syntaxVersion === '4');
  const writeSegment = segmentWriter({ delimiters, syntaxIdentifier, syntaxVersion });
  const lineEnding = options.lineEnding ?? '';
  const write = (segment: SegmentData) => writeSegment(segment) + delimiters.segment + lineEnding;
  const stamp = timestamp(now, syntaxVersion);
  const party = ({ id, qualifier }: Party) => [id, qualifier ?? ''];

  const writeMessage = async (message: OutgoingMessage): Promise<string> => {
    const reference = String(await allocator.next(partner, 'set', MAX_REFERENCE));
    let text = write({ tag: 'UNH', elements: [reference, [message.type, message.version, message.release, message.agency, message.association ?? '']] });
    for (const segment of message.segments) text += write(segment);
    return text + write({ tag: 'UNT', elements: [String(message.segments.length + 2), reference] });
  };

  const interchangeReference = String(await allocator.next(partner, 'interchange', MAX_REFERENCE));
  let text = options.writeUna || !areDefaults(delimiters, interchange) ? una(delimiters) + lineEnding : '';
  const unb: ElementData[] = [
    [syntaxIdentifier, syntaxVersion],
    party(interchange.sender),
    party(interchange.recipient),
    stamp,
    interchangeReference,
    '',
    interchange.applicationReference ?? '',
    '',
    interchange.acknowledgmentRequested ? '1' : '',
    '',
    interchange.test ? '1' : '',
  ];
  text += write({ tag: 'UNB', elements: unb });
  if (interchange.groups) {
    for (const group of interchange.groups) {
      const groupReference = String(await allocator.next(partner, 'group', MAX_REFERENCE));
      const version = [group.version, group.release, group.association ?? ''];
      text += write({ tag: 'UNG', elements: [group.messageType, party(group.sender), party(group.recipient), stamp, groupReference, group.agency, version] });
      for (const message of group.messages) text += await writeMessage(message);
      text += write({ tag: 'UNE', elements: [String(group.messages.length), groupReference] });
    }
  } else {
    for (const message of interchange.messages) text += await writeMessage(message);
  }
  text += write({ tag: 'UNZ', elements: [String((interchange.groups ?? interchange.messages).length), interchangeReference] });
  return text;
}

/**
 * One segment without its terminator: data escaped with the release character, trailing empty elements,
 * components and repetitions left off, as ISO 9735 asks. Checks the syntax on every call; for many
 * segments, serializeInterchange checks it once.
 */
export function writeSegmentData(segment: SegmentData, syntax: SegmentSyntax): string {
  return segmentWriter(syntax)(segment);
}

/** A segment as read, in the typed form the writer takes: one repetition of one component is a simple element. */
export function segmentData(segment: EdifactSegment): SegmentData {
  const elements = segment.elements.slice(1).map((repeats): ElementData => {
    const values = repeats.map((components) => (components.length === 1 ? (components[0] as string) : components));
    return values.length === 1 ? (values[0] as string | readonly string[]) : { repeats: values };
  });
  return { tag: segment.tag, elements };
}

function segmentWriter({ delimiters, syntaxIdentifier, syntaxVersion }: SegmentSyntax): (segment: SegmentData) => string {
  checkDelimiters(delimiters);
  const characters = characterSet(syntaxIdentifier, delimiters);
  if (!characters) throw new RangeError(`Syntax identifier "${syntaxIdentifier}" is not one the gateway writes (UNOA to UNOK, UNOW, UNOY, IATA, IATB).`);
  const notEncodable = unencodable(characters);
  const { component, element, release, repetition, segment } = delimiters;
  // A repetition separator given under versions 1 to 3 is written in UNA, so readers may take it for one.
  const roles = new Map([
    [component, 'component separator'],
    [element, 'element separator'],
    [segment, 'segment terminator'],
    ...(repetition === undefined ? [] : [[repetition, 'repetition separator'] as const]),
    ...(release === undefined ? [] : [[release, 'release character'] as const]),
  ]);
  const special = new RegExp(`[${[...roles.keys()].join('').replace(/[\\\]^-]/g, (character) => `\\${character}`)}]`, 'g');
  const canRepeat = syntaxVersion === '4' && repetition !== undefined;

  const data = (value: string, place: DataPlace): string => {
    if (release === undefined) {
      const delimiter = value.match(special)?.[0];
      if (delimiter !== undefined) {
        throw new UnwritableDataError('DELIMITER_IN_DATA', place, `contains "${printable(delimiter)}", the ${roles.get(delimiter)} of this interchange, which has no release character to escape it.`);
      }
    }
    const bad = [firstForbidden(value, characters), value.search(notEncodable)].filter((at) => at >= 0);
    if (bad.length > 0) {
      const at = Math.min(...bad);
      const character = String.fromCodePoint(value.codePointAt(at) as number);
      throw new UnwritableDataError('CHARACTER_NOT_ALLOWED', place, `has "${printable(character)}" at character ${at + 1}, which syntax level ${syntaxIdentifier} (${characters.description}) does not allow.`);
    }
    return release === undefined ? value : value.replace(special, (character) => release + character);
  };
  const composite = (components: readonly string[], place: DataPlace): string =>
    withoutTrailingEmpty(components.map((value, index) => data(value, { ...place, component: index + 1 }))).join(component);
  const simpleOrComposite = (value: string | readonly string[], place: DataPlace): string => (typeof value === 'string' ? data(value, place) : composite(value, place));

  const writeElement = (value: ElementData, place: DataPlace): string => {
    if (typeof value === 'string' || !('repeats' in value)) return simpleOrComposite(value as string | readonly string[], place);
    const written = withoutTrailingEmpty(value.repeats.map((repeat, index) => simpleOrComposite(repeat, { ...place, repetition: index + 1 })));
    // One occurrence needs no separator, so any version can carry it.
    if (written.length > 1 && !canRepeat) {
      const why = syntaxVersion === '4' ? 'this interchange has no repetition separator' : `syntax version ${syntaxVersion} has no repetitions (version 4 has)`;
      throw new UnwritableDataError('REPETITION_NOT_ALLOWED', { ...place, repetition: 2 }, `cannot be written: ${why}.`);
    }
    return written.join(repetition ?? '');
  };

  return ({ tag, elements }) => {
    if (!/^[A-Z0-9]{3}$/.test(tag)) throw new RangeError(`Segment tag "${tag}" must be three upper-case letters or digits.`);
    const values = withoutTrailingEmpty(elements.map((value, index) => writeElement(value, { tag, element: index + 1 })));
    return [tag, ...values].join(element);
  };
}

function withoutTrailingEmpty(values: string[]): string[] {
  while (values.length > 0 && values.at(-1) === '') values.pop();
  return values;
}

/**
 * Characters the set's encoding has no byte for. Its repertoire check is made for text decoded from bytes,
 * where they cannot occur; text about to be encoded can hold any.
 */
function unencodable(set: CharacterSet): RegExp {
  // Paired surrogates are one code point under the u flag: only a lone one matches.
  if (set.encoding === 'utf-8') return /\p{Cs}/u;
  if (set.encoding === 'latin1') return /[^\x00-\xff]/u;
  const upperHalf = new TextDecoder(set.encoding).decode(Uint8Array.from({ length: 0x60 }, (_, index) => 0xa0 + index)).replace(/\ufffd/g, '');
  return new RegExp(`[^\\x00-\\x9f${upperHalf}]`, 'u');
}

function checkDelimiters(delimiters: EdifactDelimiters): void {
  const { component, element, release, repetition, segment, decimal } = delimiters;
  const service = [component, element, segment, ...(release === undefined ? [] : [release]), ...(repetition === undefined ? [] : [repetition])];
  // UNA gives each in one position and readers find them byte by byte, in latin1 and UTF-8 alike: one
  // ASCII character each. A space there means "none".
  if (new Set(service).size !== service.length || service.some((character) => !/^[\x00-\x7f]$/.test(character) || /[A-Za-z0-9 ]/.test(character))) {
    throw new RangeError(`Delimiters ${JSON.stringify(delimiters)} must be distinct single ASCII characters, neither letters, digits nor spaces.`);
  }
  // Readers drop line breaks inside a segment as line wrapping.
  if ([component, element, release, repetition].some((character) => character === '\n' || character === '\r')) {
    throw new RangeError(`Delimiters ${JSON.stringify(delimiters)} use a line break other than as segment terminator.`);
  }
  if (decimal !== '.' && decimal !== ',') throw new RangeError(`Decimal mark "${decimal}" must be "." or ",".`);
}

/** Whether a reader finds these delimiters without UNA: the defaults of the version, or of level B for its identifiers. */
function areDefaults(delimiters: EdifactDelimiters, { syntaxIdentifier, syntaxVersion }: OutgoingInterchangeHeader): boolean {
  const same = (defaults: EdifactDelimiters) => DELIMITER_KEYS.every((key) => delimiters[key] === defaults[key]);
  return same(defaultDelimiters(syntaxVersion === '4')) || (LEVEL_B.has(syntaxIdentifier) && same(LEVEL_B_DEFAULTS));
}

function una({ component, element, decimal, release, repetition, segment }: EdifactDelimiters): string {
  return `UNA${component}${element}${decimal}${release ?? ' '}${repetition ?? ' '}${segment}`;
}

/** UNB and UNG S004: CCYYMMDD from version 4 on, YYMMDD before; HHMM; in UTC. */
function timestamp(now: Date, syntaxVersion: SyntaxVersion): [string, string] {
  const two = (value: number) => String(value).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${two(now.getUTCMonth() + 1)}${two(now.getUTCDate())}`;
  return [syntaxVersion === '4' ? date : date.slice(2), `${two(now.getUTCHours())}${two(now.getUTCMinutes())}`];
}

function placeName({ tag, element, repetition, component }: DataPlace): string {
  return [`${tag} element ${element}`, ...(repetition === undefined ? [] : [`repetition ${repetition}`]), ...(component === undefined ? [] : [`component ${component}`])].join(', ');
}
