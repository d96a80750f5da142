// The shape of a machine-readable X12 definition: a dictionary of segments, composites and elements per
// version, and the structure of each transaction set (segment order, loops, requirement, maximum use).
// Specs are plain data written with the small builders at the bottom, so a spec file reads like the
// standard's own tables.

/** Data types of X12 simple elements. Nn is numeric with n implied decimal places. */
export type ElementType = 'AN' | 'ID' | 'R' | 'DT' | 'TM' | 'B' | 'N' | 'N0' | 'N1' | 'N2' | 'N3' | 'N4' | 'N5' | 'N6' | 'N7' | 'N8' | 'N9';

/** M mandatory, O optional, X relational (required or not according to a syntax rule of the segment). */
export type Requirement = 'M' | 'O' | 'X';

export interface SimpleElementDef {
  readonly name: string;
  readonly type: ElementType;
  readonly min: number;
  readonly max: number;
  /**
   * The standard's code list for an ID element, complete for its version. Left out where the list is too
   * large to keep (entity identifiers, reference qualifiers ...): such values are then checked for type
   * and length only, and a partner overlay may list the codes it accepts.
   */
  readonly codes?: readonly string[];
}

export interface CompositeDef {
  readonly name: string;
  readonly components: readonly ElementUse[];
  readonly rules?: readonly string[];
}

/** An element (or composite) as used in a segment or composite: 'M 353', 'X C040', 'O 1271 *10'. */
export type ElementUseText = string;

export interface ElementUse {
  readonly requirement: Requirement;
  /** A simple element's reference number ('353', or 'I12' for the interchange's own), or a composite's ('C040'). */
  readonly ref: string;
  /** How often the element may repeat (ISA11 separator, 005010 on); 1 for most. */
  readonly repeat: number;
}

export interface SegmentDef {
  readonly name: string;
  readonly elements: readonly ElementUse[];
  /**
   * Syntax notes as the standard writes them, positions two digits each: P0102 paired (all or none),
   * R0203 at least one, E0203 at most one, C0405 if the first then all the others, L010203 if the first
   * then at least one of the others.
   */
  readonly rules: readonly string[];
}

/** Everything a version defines: the segments, composites and elements its transaction sets use. */
export interface X12Dictionary {
  /** '004010' or '005010'. */
  readonly version: string;
  readonly segments: Readonly<Record<string, SegmentDef>>;
  readonly composites: Readonly<Record<string, CompositeDef>>;
  readonly elements: Readonly<Record<string, SimpleElementDef>>;
}

export interface SegmentSlot {
  readonly kind: 'segment';
  /** Position in its table as the standard numbers it ('020'); for the reader of the spec. */
  readonly position: string;
  readonly tag: string;
  readonly requirement: 'M' | 'O';
  /** Maximum use; Infinity for ">1". */
  readonly max: number;
}

export interface LoopSlot {
  readonly kind: 'loop';
  /** Loop identifier as the standard names it: usually the tag of its first segment ('N1', 'PO1', 'HL'). */
  readonly id: string;
  readonly requirement: 'M' | 'O';
  /** Maximum repeats of the whole loop; Infinity for ">1". */
  readonly max: number;
  /** The first slot is the segment that starts each repeat of the loop. */
  readonly body: readonly Slot[];
}

export type Slot = SegmentSlot | LoopSlot;

export interface TransactionSetSpec {
  /** ST01, e.g. '850'. */
  readonly id: string;
  readonly name: string;
  /** GS01 of the groups that carry it, e.g. 'PO'. */
  readonly functionalId: string;
  /** '004010' or '005010'. */
  readonly version: string;
  /** ST first and SE last, as in the standard's tables. */
  readonly body: readonly Slot[];
}

/** A segment slot: `segment('020', 'BEG', 'M', 1)`. */
export function segment(position: string, tag: string, requirement: 'M' | 'O', max: number): SegmentSlot {
  return { kind: 'segment', position, tag, requirement, max };
}

/** A loop: `loop('N1', 'O', 200, [segment('310', 'N1', 'O', 1), ...])`. */
export function loop(id: string, requirement: 'M' | 'O', max: number, body: readonly Slot[]): LoopSlot {
  return { kind: 'loop', id, requirement, max, body };
}

/** A segment definition: `def('Beginning Segment for Purchase Order', ['M 353', 'M 92', ...], ['C0405'])`. */
export function def(name: string, elements: readonly ElementUseText[], rules: readonly string[] = []): SegmentDef {
  return { name, elements: elements.map(use), rules };
}

/** A composite definition, written like a segment's. */
export function composite(name: string, components: readonly ElementUseText[], rules: readonly string[] = []): CompositeDef {
  return { name, components: components.map(use), rules };
}

/** 'M 353' / 'X C040' / 'O 1271 *10' -> ElementUse. A malformed text is a bug in a spec file. */
export function use(text: ElementUseText): ElementUse {
  const match = /^([MOX]) (C?\d{1,4}|I\d\d)(?: \*(\d+))?$/.exec(text);
  if (!match) throw new Error(`Spec error: "${text}" is not an element use such as "M 353" or "O C040 *10".`);
  return { requirement: match[1] as Requirement, ref: match[2] as string, repeat: match[3] ? Number(match[3]) : 1 };
}

/** A simple element: `element('Transaction Set Purpose Code', 'ID', 2, 2, ['00', '01', ...])`. */
export function element(name: string, type: ElementType, min: number, max: number, codes?: readonly string[]): SimpleElementDef {
  return codes ? { name, type, min, max, codes } : { name, type, min, max };
}

export const UNBOUNDED = Number.POSITIVE_INFINITY;
