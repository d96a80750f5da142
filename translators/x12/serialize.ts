import type { ControlNumberAllocator } from '../control-numbers.js';
import type { Segment, X12Delimiters } from './segment.js';

// Typed segments to bytes: the envelopes (ISA/GS/ST and their trailers) are written here, with control
// numbers from the allocator and counts computed, so a caller only says what goes inside them.

/** A simple element, a composite (its components), or a repeating element (005010 on). */
export type ElementValue = string | readonly string[] | { readonly repeats: readonly (string | readonly string[])[] };

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

export interface SegmentData {
  readonly tag: string;
  /** Element 1 first (BEG01); '' for an element left out. */
  readonly elements: readonly ElementValue[];
}

export interface OutgoingSet {
  /** ST01. */
  readonly id: string;
  /** ST03, the implementation convention reference (005010 on), e.g. 005010X231A1. */
  readonly implementationReference?: string;
  /** The segments between ST and SE. */
  readonly segments: readonly SegmentData[];
}

export interface OutgoingGroup {
  readonly functionalId: string;
  /** GS02 and GS03, the application sender's and receiver's codes. */
  readonly sender: string;
  readonly receiver: string;
  /** GS08, e.g. 004010 or 005010X231A1. */
  readonly version: string;
  readonly sets: readonly OutgoingSet[];
}

export interface Party {
  readonly qualifier: string;
  readonly id: string;
}

export interface OutgoingInterchange {
  readonly sender: Party;
  readonly receiver: Party;
  /** ISA12: 00401, 00501 ... */
  readonly version: string;
  /** ISA15. */
  readonly usage: 'P' | 'T' | 'I';
  /** ISA14: ask the receiver for a TA1. */
  readonly acknowledgmentRequested: boolean;
  /** Segments directly in the interchange, before any group (TA1). */
  readonly segments?: readonly SegmentData[];
  readonly groups: readonly OutgoingGroup[];
}

export interface SerializeOptions {
  readonly delimiters: X12Delimiters;
  /** Written after each segment terminator: '' (one line), '\n' or '\r\n'. */
  readonly lineEnding?: string;
  readonly allocator: ControlNumberAllocator;
  /** Whose counters the control numbers come from. */
  readonly partner: string;
  readonly now: Date;
}

const MAX_CONTROL_NUMBER = 999_999_999;

/** The interchange as text; refuses data holding a delimiter and delimiters the version cannot carry. */
export async function serializeInterchange(interchange: OutgoingInterchange, options: SerializeOptions): Promise<string> {
  const { delimiters, allocator, partner, now } = options;
  checkDelimiters(delimiters, interchange.version);
  const end = delimiters.segment + (options.lineEnding ?? '');
  const write = (segment: SegmentData) => writeSegmentData(segment, delimiters) + end;
  const interchangeNumber = await allocator.next(partner, 'interchange', MAX_CONTROL_NUMBER);
  const isaNumber = String(interchangeNumber).padStart(9, '0');
  const stamp = timestamp(now);
  const isa = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    fixed(interchange.sender.qualifier, 2, 'ISA05'),
    fixed(interchange.sender.id, 15, 'ISA06'),
    fixed(interchange.receiver.qualifier, 2, 'ISA07'),
    fixed(interchange.receiver.id, 15, 'ISA08'),
    stamp.date.slice(2),
    stamp.time,
    interchange.version >= '00402' ? (delimiters.repetition as string) : 'U',
    interchange.version,
    isaNumber,
    interchange.acknowledgmentRequested ? '1' : '0',
    interchange.usage,
    delimiters.component,
  ].join(delimiters.element);
  let text = isa + end;
  for (const segment of interchange.segments ?? []) text += write(segment);
  for (const group of interchange.groups) {
    const groupNumber = String(await allocator.next(partner, 'group', MAX_CONTROL_NUMBER));
    text += write({ tag: 'GS', elements: [group.functionalId, group.sender, group.receiver, stamp.date, stamp.time, groupNumber, 'X', group.version] });
    for (const set of group.sets) {
      const setNumber = String(await allocator.next(partner, 'set', MAX_CONTROL_NUMBER)).padStart(4, '0');
      text += write({ tag: 'ST', elements: set.implementationReference ? [set.id, setNumber, set.implementationReference] : [set.id, setNumber] });
      for (const segment of set.segments) text += write(segment);
      text += write({ tag: 'SE', elements: [String(set.segments.length + 2), setNumber] });
    }
    text += write({ tag: 'GE', elements: [String(group.sets.length), groupNumber] });
  }
  text += write({ tag: 'IEA', elements: [String(interchange.groups.length), isaNumber] });
  return text;
}

/** One segment without its terminator; trailing empty elements and components are left off, as X12 asks. */
export function writeSegmentData(segment: SegmentData, delimiters: X12Delimiters): string {
  const values = segment.elements.map((value, index) => writeElement(value, segment.tag, index + 1, delimiters));
  while (values.length > 0 && values.at(-1) === '') values.pop();
  return [segment.tag, ...values].join(delimiters.element);
}

/** A segment as read, in the typed form the writer takes: components and repetitions split out. */
export function segmentData(segment: Segment, delimiters: X12Delimiters): SegmentData {
  const elements = segment.elements.slice(1).map((raw): ElementValue => {
    const repeats = delimiters.repetition !== undefined && raw.includes(delimiters.repetition) ? raw.split(delimiters.repetition) : [raw];
    const values = repeats.map((value) => (value.includes(delimiters.component) ? value.split(delimiters.component) : value));
    return values.length === 1 ? (values[0] as string | string[]) : { repeats: values };
  });
  return { tag: segment.tag, elements };
}

function writeElement(value: ElementValue, tag: string, position: number, delimiters: X12Delimiters): string {
  if (typeof value === 'string') return checked(value, tag, position, delimiters);
  if ('repeats' in value) {
    if (delimiters.repetition === undefined) throw new DelimiterInDataError(tag, position, '(no repetition separator before version 00402)');
    return value.repeats.map((repeat) => (typeof repeat === 'string' ? checked(repeat, tag, position, delimiters) : composite(repeat, tag, position, delimiters))).join(delimiters.repetition);
  }
  return composite(value as readonly string[], tag, position, delimiters);
}

function composite(components: readonly string[], tag: string, position: number, delimiters: X12Delimiters): string {
  const parts = components.map((component) => checked(component, tag, position, delimiters));
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  return parts.join(delimiters.component);
}

/**
 * X12 has no release character: a value holding any delimiter cannot be written. Nor can a line break,
 * which readers take for line wrapping and drop.
 */
function checked(value: string, tag: string, position: number, delimiters: X12Delimiters): string {
  const forbidden = [delimiters.element, delimiters.segment, delimiters.component, ...(delimiters.repetition ? [delimiters.repetition] : [])];
  for (const delimiter of forbidden) {
    if (value.includes(delimiter)) throw new DelimiterInDataError(tag, position, delimiter);
  }
  const lineBreak = /[\r\n]/.exec(value);
  if (lineBreak) throw new DelimiterInDataError(tag, position, lineBreak[0]);
  return value;
}

function checkDelimiters(delimiters: X12Delimiters, version: string): void {
  const all = [delimiters.element, delimiters.component, delimiters.segment, ...(delimiters.repetition ? [delimiters.repetition] : [])];
  if (new Set(all).size !== all.length || all.some((delimiter) => delimiter.length === 0 || /^[A-Za-z0-9 ]+$/.test(delimiter))) {
    throw new RangeError(`Delimiters ${JSON.stringify(delimiters)} must be distinct, non-empty, and neither letters, digits nor spaces.`);
  }
  if (version >= '00402' && delimiters.repetition === undefined) throw new RangeError(`Version ${version} needs a repetition separator for ISA11.`);
}

/** ISA fields are fixed width: a longer value cannot be written, a shorter one is padded with spaces. */
function fixed(value: string, width: number, name: string): string {
  if (value.length > width) throw new RangeError(`${name} "${value}" is longer than its ${width} characters.`);
  return value.padEnd(width, ' ');
}

function timestamp(now: Date): { date: string; time: string } {
  const two = (value: number) => String(value).padStart(2, '0');
  return { date: `${now.getUTCFullYear()}${two(now.getUTCMonth() + 1)}${two(now.getUTCDate())}`, time: `${two(now.getUTCHours())}${two(now.getUTCMinutes())}` };
}
