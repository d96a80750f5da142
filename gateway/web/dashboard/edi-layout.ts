// An interchange laid out for reading: one segment per line, each with its position in its transaction set
// (message) and its elements named as implementation guides name them (BSN02, UNH 2), nested in the envelope
// it belongs to, and the errors found in it placed on the segment they are about. Display only: it trusts
// nothing and validates nothing, so a broken interchange is still shown as far as it goes.

export interface SegmentError {
  /** The segment's byte offset in the interchange text, as diagnostics give it. */
  readonly offset?: number;
  /** Or its position in the set with this control number (ST / UNH being 1), as acknowledgments give it. */
  readonly setControlNumber?: string | null;
  readonly position?: number;
  readonly text: string;
}

export interface LaidOutSegment {
  readonly offset: number;
  readonly tag: string;
  /** Position in its transaction set or message (its header being 1); null in the envelope around it. */
  readonly position: number | null;
  /** The segment with its terminator, as shown. */
  readonly text: string;
  readonly elements: readonly { readonly name: string; readonly value: string }[];
  readonly errors: readonly string[];
}

export interface EnvelopeNode {
  readonly label: string;
  /** Segments and inner envelopes, in the order of the interchange. */
  readonly items: readonly ({ readonly segment: LaidOutSegment } | { readonly node: EnvelopeNode })[];
}

export interface Layout {
  readonly segments: readonly LaidOutSegment[];
  readonly tree: EnvelopeNode;
  /** Errors that name no segment of the interchange: shown above it. */
  readonly unplaced: readonly string[];
}

interface Syntax {
  readonly element: string;
  readonly terminator: string;
  /** EDIFACT's release character: the next character is data. */
  readonly release: string | undefined;
}

const OPENERS: Readonly<Record<string, number>> = { ISA: 0, UNB: 0, GS: 1, UNG: 1, ST: 2, UNH: 2 };
const CLOSERS: Readonly<Record<string, number>> = { IEA: 0, UNZ: 0, GE: 1, UNE: 1, SE: 2, UNT: 2 };
const LEVEL_NAMES = ['Interchange', 'Group', 'Set'];

export function layOut(text: string, errors: readonly SegmentError[]): Layout {
  const syntax = syntaxOf(text);
  const raw = splitSegments(text, syntax);
  const placed = new Set<SegmentError>();
  let position: number | null = null;
  let setNumber: string | null = null;
  const segments = raw.map(({ offset, text: segmentText }) => {
    // UNA's characters are the syntax itself, not elements.
    const values = offset === 0 && segmentText.startsWith('UNA') ? ['UNA'] : splitOn(segmentText, syntax.element, syntax.release);
    const tag = values[0] ?? '';
    if (tag === 'ST' || tag === 'UNH') {
      position = 1;
      setNumber = tag === 'ST' ? (values[2] ?? null) : (values[1] ?? null);
    } else if (position !== null) {
      position += 1;
    }
    const here = position;
    const mine = errors.filter(
      (error) =>
        (error.offset !== undefined && error.offset === offset) ||
        (error.position !== undefined && error.position === here && (error.setControlNumber == null || sameNumber(error.setControlNumber, setNumber))),
    );
    for (const error of mine) placed.add(error);
    if (tag === 'SE' || tag === 'UNT') position = null;
    return {
      offset,
      tag,
      position: here,
      // No-break spaces: HTML would fold the ISA's padding, which is part of what the partner sent.
      text: (segmentText + syntax.terminator).replace(/ /g, '\u00a0'),
      elements: values.slice(1).map((value, index) => ({ name: elementName(tag, index + 1, syntax), value })),
      errors: mine.map((error) => error.text),
    };
  });
  return { segments, tree: nest(segments), unplaced: errors.filter((error) => !placed.has(error)).map((error) => error.text) };
}

function syntaxOf(text: string): Syntax {
  if (text.startsWith('ISA') && text.length >= 106) return { element: text.charAt(3), terminator: text.charAt(105), release: undefined };
  // An ISA cut short gives no terminator: the one most partners use.
  if (text.startsWith('ISA')) return { element: text.charAt(3), terminator: '~', release: undefined };
  if (text.startsWith('UNA') && text.length >= 9) return { element: text.charAt(4), release: text.charAt(6), terminator: text.charAt(8) };
  return { element: '+', terminator: "'", release: '?' };
}

function splitSegments(text: string, syntax: Syntax): { offset: number; text: string }[] {
  const segments: { offset: number; text: string }[] = [];
  let start = 0;
  if (text.startsWith('UNA')) {
    segments.push({ offset: 0, text: text.slice(0, 8) });
    start = 9;
  }
  for (let index = start; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (syntax.release !== undefined && character === syntax.release) {
      index += 1;
    } else if (character === syntax.terminator) {
      pushSegment(segments, text, start, index);
      start = index + 1;
    }
  }
  pushSegment(segments, text, start, text.length);
  return segments;
}

/** The segment between start and end, without the line breaks partners put between segments. */
function pushSegment(segments: { offset: number; text: string }[], text: string, start: number, end: number): void {
  let from = start;
  while (from < end && /[\r\n]/.test(text.charAt(from))) from += 1;
  if (from < end) segments.push({ offset: from, text: text.slice(from, end) });
}

function splitOn(text: string, separator: string, release: string | undefined): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (release !== undefined && character === release && index + 1 < text.length) {
      current += text.charAt(index + 1);
      index += 1;
    } else if (character === separator) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

/** BSN02 in X12; UNH 2 in EDIFACT, whose guides number elements by position in the segment. */
function elementName(tag: string, position: number, syntax: Syntax): string {
  return syntax.release === undefined ? `${tag}${String(position).padStart(2, '0')}` : `${tag} ${position}`;
}

function sameNumber(a: string, b: string | null): boolean {
  const bare = (value: string) => value.trim().replace(/^0+(?=.)/, '');
  return b !== null && bare(a) === bare(b);
}

interface OpenNode {
  readonly level: number;
  readonly label: string;
  readonly items: EnvelopeNode['items'][number][];
}

/** The segments nested in their interchange, group and set, as far as their headers and trailers say. */
function nest(segments: readonly LaidOutSegment[]): EnvelopeNode {
  const root: OpenNode = { level: -1, label: 'Interchange', items: [] };
  const stack: OpenNode[] = [root];
  const top = () => stack[stack.length - 1] as OpenNode;
  // A UNA belongs to the interchange its UNB opens.
  let una: LaidOutSegment | undefined;
  for (const segment of segments) {
    if (segment.tag === 'UNA') {
      una = segment;
      continue;
    }
    const opens = OPENERS[segment.tag];
    if (opens !== undefined) {
      while (top().level >= opens) stack.pop();
      const node: OpenNode = { level: opens, label: `${LEVEL_NAMES[opens] ?? ''} ${controlNumberOf(segment)}`.trim(), items: una && opens === 0 ? [{ segment: una }] : [] };
      if (opens === 0) una = undefined;
      top().items.push({ node });
      stack.push(node);
    }
    top().items.push({ segment });
    const closes = CLOSERS[segment.tag];
    if (closes !== undefined) while (stack.length > 1 && top().level >= closes) stack.pop();
  }
  if (una) root.items.push({ segment: una });
  const only = root.items.length === 1 ? root.items[0] : undefined;
  return only !== undefined && 'node' in only ? only.node : root;
}

/** ISA13, GS06, ST02 / UNB 5, UNG 5, UNH 1: the control number each header carries. */
function controlNumberOf(segment: LaidOutSegment): string {
  const at: Readonly<Record<string, number>> = { ISA: 13, GS: 6, ST: 2, UNB: 5, UNG: 5, UNH: 1 };
  const index = at[segment.tag];
  const value = index === undefined ? undefined : segment.elements[index - 1]?.value;
  return value ? `${value.trim()} (${segment.tag})` : `(${segment.tag})`;
}
