// The shape of a machine-readable UN/EDIFACT definition: a dictionary of segments, composite and simple
// data elements per directory (D96A, D01B), and the structure of each message (segment order, segment
// groups, status and maximum repeats). Specs are plain data written with the small builders at the bottom,
// so a spec file reads like the directory's own tables.

/** M mandatory, C conditional (optional unless a note or the partner's guide says otherwise). */
export type Status = 'M' | 'C';

/** A simple data element's representation, as the directory writes it: 'an..35', 'n3', 'a..3'. */
export interface ElementFormat {
  readonly type: 'a' | 'n' | 'an';
  readonly min: number;
  readonly max: number;
}

export interface SimpleElementDef {
  readonly name: string;
  readonly format: ElementFormat;
  /**
   * The directory's code list for a coded element, complete for that directory. Left out where the list is
   * too large to keep or not known exactly: such values are then checked for format only, and a partner
   * overlay may list the codes it accepts.
   */
  readonly codes?: readonly string[];
}

/** A data element as used in a segment or composite: 'M C002', 'C 1004', 'C 3055 *9' (repeats, syntax 4). */
export type ElementUseText = string;

export interface ElementUse {
  readonly status: Status;
  /** A simple element's tag ('1004', '0062' for service elements) or a composite's ('C002', 'S009'). */
  readonly ref: string;
  /** How often the element may repeat (syntax version 4 repetition separator); 1 for most. */
  readonly repeat: number;
}

export interface CompositeDef {
  readonly name: string;
  readonly components: readonly ElementUse[];
}

export interface SegmentDef {
  readonly name: string;
  readonly elements: readonly ElementUse[];
}

/** Everything a directory defines that its messages use, service segments (UNH, UNT, UCI ...) included. */
export interface EdifactDictionary {
  /** 'D96A' or 'D01B'. */
  readonly directory: string;
  readonly segments: Readonly<Record<string, SegmentDef>>;
  readonly composites: Readonly<Record<string, CompositeDef>>;
  readonly elements: Readonly<Record<string, SimpleElementDef>>;
}

export interface SegmentSlot {
  readonly kind: 'segment';
  /**
   * Position in the message as the directory's segment table numbers it ('0010'), for the reader of the spec.
   * D96A and D01B number alike: every line takes the next ten, a group's heading line included, so the
   * trigger segment of a group stands twenty past the line before the group.
   */
  readonly position: string;
  readonly tag: string;
  readonly status: Status;
  /** Maximum repeats. */
  readonly max: number;
}

export interface GroupSlot {
  readonly kind: 'group';
  /** 'SG1', 'SG2' ... as the directory names the segment groups. */
  readonly id: string;
  readonly status: Status;
  /** Maximum repeats of the whole group. */
  readonly max: number;
  /** The first slot is the segment that starts each repeat of the group (the trigger segment). */
  readonly body: readonly Slot[];
}

export type Slot = SegmentSlot | GroupSlot;

export interface MessageSpec {
  /** UNH 0065, e.g. 'ORDERS'. */
  readonly type: string;
  readonly name: string;
  /** 'D96A' or 'D01B': UNH 0052 + 0054 ('D' + '96A'). */
  readonly directory: string;
  /** UNH first and UNT last, as in the directory's tables. */
  readonly body: readonly Slot[];
}

/** A segment slot: `segment('0020', 'BGM', 'M', 1)`. */
export function segment(position: string, tag: string, status: Status, max: number): SegmentSlot {
  return { kind: 'segment', position, tag, status, max };
}

/** A segment group: `group('SG2', 'C', 99, [segment('0350', 'NAD', 'M', 1), ...])`. */
export function group(id: string, status: Status, max: number, body: readonly Slot[]): GroupSlot {
  return { kind: 'group', id, status, max, body };
}

/** A segment definition: `def('Beginning of message', ['C C002', 'C C106', 'C 1225', 'C 4343'])`. */
export function def(name: string, elements: readonly ElementUseText[]): SegmentDef {
  return { name, elements: elements.map(use) };
}

/** A composite data element, written like a segment's elements. */
export function composite(name: string, components: readonly ElementUseText[]): CompositeDef {
  return { name, components: components.map(use) };
}

/** 'M C002' / 'C 1004' / 'C 3055 *9' -> ElementUse. A malformed text is a bug in a spec file. */
export function use(text: ElementUseText): ElementUse {
  const match = /^([MC]) ([CSE]\d{3}|\d{4})(?: \*(\d+))?$/.exec(text);
  if (!match) throw new Error(`Spec error: "${text}" is not an element use such as "M C002", "C 1004" or "C 3055 *9".`);
  return { status: match[1] as Status, ref: match[2] as string, repeat: match[3] ? Number(match[3]) : 1 };
}

/** The same element use at `count` consecutive positions, as directories list repeated data: `times(4, 'C C208')`. */
export function times(count: number, text: ElementUseText): ElementUseText[] {
  return Array.from({ length: count }, () => text);
}

/** Consecutive numeric codes without leading zeros ('1' ... '54'), as many code lists number them. */
export function codeRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
}

/** A simple data element: `element('Message function code', 'an..3', ['1', '2', '9', ...])`. */
export function element(name: string, format: string, codes?: readonly string[]): SimpleElementDef {
  const match = /^(an|a|n)(\.\.)?(\d{1,3})$/.exec(format);
  if (!match) throw new Error(`Spec error: "${format}" is not a format such as an..35, n3 or a..3.`);
  const max = Number(match[3]);
  const parsed: ElementFormat = { type: match[1] as ElementFormat['type'], min: match[2] ? 1 : max, max };
  return codes ? { name, format: parsed, codes } : { name, format: parsed };
}
