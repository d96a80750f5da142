import type { Diagnostic } from '../../translators/diagnostic.js';
import { createEdifactReader, type EdifactEnvelopeHandler } from '../../translators/edifact/envelope-reader.js';
import type { EdifactSegment } from '../../translators/edifact/segment.js';
import type { Standard } from '../../translators/identify-standard.js';
import { createX12Reader, type EnvelopeHandler } from '../../translators/x12/envelope-reader.js';
import type { Segment } from '../../translators/x12/segment.js';

// A file's envelopes as the parse step stores them: interchanges, functional groups and transaction sets
// (messages), each with the byte range it came from. No database here: bytes in, envelopes out. What is
// wrong inside the envelopes (counts, trailers, codes) is the validate step's to report; this only needs
// to find them.

/** Bytes [start, end) of the file: from the header segment's first byte to the byte after the trailer's terminator. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface Party {
  readonly qualifier: string;
  readonly id: string;
}

export interface EnvelopeSet {
  /** ST01 (850) / UNH S009 0065 (ORDERS). */
  readonly messageType: string;
  /** ST02 / UNH 0062. */
  readonly controlNumber: string;
  readonly range: ByteRange;
}

export interface EnvelopeGroup {
  /** GS01 / UNG 0038. */
  readonly functionalId: string;
  /** GS06 / UNG 0048. */
  readonly controlNumber: string;
  /** GS08 / UNG S008 0052 and 0054 (D96A). */
  readonly version: string;
  readonly range: ByteRange;
  readonly sets: readonly EnvelopeSet[];
}

export interface EnvelopeInterchange {
  readonly standard: Standard;
  /** ISA05/ISA06 (padding removed) / UNB S002 0004 and 0007. */
  readonly sender: Party;
  readonly receiver: Party;
  /** ISA13 / UNB 0020. */
  readonly controlNumber: string;
  readonly usage: 'test' | 'production';
  readonly range: ByteRange;
  readonly groups: readonly EnvelopeGroup[];
  /** EDIFACT messages directly in the interchange, with no UNG around them. */
  readonly sets: readonly EnvelopeSet[];
}

export type EnvelopeReading =
  | { readonly readable: true; readonly interchanges: readonly EnvelopeInterchange[] }
  /** Not one interchange could be read; `reason` is the reader's first error, in its words. */
  | { readonly readable: false; readonly reason: string };

export function readEnvelopes(content: Buffer, standard: Standard): EnvelopeReading {
  const interchanges = standard === 'X12' ? readX12(content) : readEdifact(content);
  if (interchanges.found.length > 0) return { readable: true, interchanges: interchanges.found };
  return {
    readable: false,
    reason: interchanges.firstError?.message ?? `The file holds no interchange: no ${standard === 'X12' ? 'ISA' : 'UNB'} segment was found.`,
  };
}

interface Found {
  readonly found: EnvelopeInterchange[];
  readonly firstError: Diagnostic | undefined;
}

/** What both standards' readers do with the envelopes they meet: one interchange, and one group in it, open at a time. */
class EnvelopeCollector {
  readonly found: EnvelopeInterchange[] = [];
  firstError: Diagnostic | undefined;
  private interchange: { readonly start: number; readonly groups: EnvelopeGroup[]; readonly sets: EnvelopeSet[] } | undefined;
  private group: { readonly start: number; readonly sets: EnvelopeSet[] } | undefined;

  openInterchange(start: number): void {
    this.interchange = { start, groups: [], sets: [] };
  }

  openGroup(start: number): void {
    this.group = { start, sets: [] };
  }

  /** A set or message: in the open group, or (EDIFACT without UNG) directly in the interchange. */
  addSet(set: EnvelopeSet): void {
    (this.group ?? this.interchange)?.sets.push(set);
  }

  closeGroup(group: Omit<EnvelopeGroup, 'sets' | 'range'> & { readonly end: number }): void {
    const open = this.group;
    if (!open) return;
    const { end, ...fields } = group;
    this.interchange?.groups.push({ ...fields, range: { start: open.start, end }, sets: open.sets });
    this.group = undefined;
  }

  closeInterchange(interchange: Omit<EnvelopeInterchange, 'groups' | 'sets' | 'range'> & { readonly end: number }): void {
    const open = this.interchange;
    if (!open) return;
    const { end, ...fields } = interchange;
    this.found.push({ ...fields, range: { start: open.start, end }, groups: open.groups, sets: open.sets });
    this.interchange = undefined;
  }

  diagnostic(diagnostic: Diagnostic): void {
    if (diagnostic.severity === 'error') this.firstError ??= diagnostic;
  }
}

function readX12(content: Buffer): Found {
  const collect = new EnvelopeCollector();
  const trail = new SegmentTrail<Segment>();
  /** The segment terminator of the interchange being read. */
  let terminator = '';
  // X12 has no release character, and only BIN data holds terminators, which its text keeps as written
  // (other segments' text may only be shorter than their bytes): the terminator is at or after offset + length.
  const endOf = (segment: Segment) => segmentEnd(content, segment.offset, segment.offset + segment.text.length, terminator, undefined);
  const handler: EnvelopeHandler = {
    segment(segment, delimiters) {
      trail.add(segment);
      terminator = delimiters.segment;
    },
    interchange: (header) => collect.openInterchange(header.isa.offset),
    group: (header) => collect.openGroup(header.gs.offset),
    transactionSet(set) {
      const first = set.segments[0] as Segment;
      const last = set.segments.at(-1) as Segment;
      collect.addSet({ messageType: set.id, controlNumber: set.controlNumber, range: { start: first.offset, end: endOf(last) } });
    },
    groupEnd(header) {
      collect.closeGroup({ functionalId: header.functionalId, controlNumber: header.controlNumber, version: header.version, end: endOf(trail.lastOf(header.gs, 'GE', ['GS', 'IEA'])) });
    },
    interchangeEnd(header) {
      collect.closeInterchange({
        standard: 'X12',
        // ISA06 and ISA08 are padded with spaces to 15 characters.
        sender: { qualifier: header.sender.qualifier.trim(), id: header.sender.id.trim() },
        receiver: { qualifier: header.receiver.qualifier.trim(), id: header.receiver.id.trim() },
        controlNumber: header.controlNumber,
        usage: header.usage === 'P' ? 'production' : 'test',
        end: endOf(trail.current),
      });
    },
    diagnostic: (diagnostic) => collect.diagnostic(diagnostic),
  };
  const reader = createX12Reader(handler);
  reader.write(content);
  reader.end();
  return collect;
}

function readEdifact(content: Buffer): Found {
  const collect = new EnvelopeCollector();
  const trail = new SegmentTrail<EdifactSegment>();
  // A segment's text may be decoded from UTF-8 and so shorter than its bytes: the terminator is searched
  // for from its first byte, passing over released ones.
  const endOf = (segment: EdifactSegment) => segmentEnd(content, segment.offset, segment.offset, segment.delimiters.segment, segment.delimiters.release);
  const handler: EdifactEnvelopeHandler = {
    segment: (segment) => trail.add(segment),
    // The UNA, when there is one, belongs to the interchange: without it the bytes would be read with the default delimiters.
    interchange: (header) => collect.openInterchange(header.serviceStringAdvice ? content.lastIndexOf('UNA', header.unb.offset, 'latin1') : header.unb.offset),
    group: (header) => collect.openGroup(header.ung.offset),
    message(message) {
      const first = message.segments[0] as EdifactSegment;
      const last = message.segments.at(-1) as EdifactSegment;
      collect.addSet({ messageType: message.type, controlNumber: message.reference, range: { start: first.offset, end: endOf(last) } });
    },
    groupEnd(header) {
      collect.closeGroup({
        functionalId: header.messageType,
        controlNumber: header.reference,
        version: `${header.ung.value(7, 1)}${header.ung.value(7, 2)}`,
        end: endOf(trail.lastOf(header.ung, 'UNE', ['UNG', 'UNZ'])),
      });
    },
    interchangeEnd(header) {
      collect.closeInterchange({
        standard: 'EDIFACT',
        sender: { qualifier: header.sender.qualifier, id: header.sender.id },
        receiver: { qualifier: header.recipient.qualifier, id: header.recipient.id },
        controlNumber: header.reference,
        usage: header.unb.value(11) === '' ? 'production' : 'test',
        end: endOf(trail.current),
      });
    },
    diagnostic: (diagnostic) => collect.diagnostic(diagnostic),
  };
  const reader = createEdifactReader(handler);
  reader.write(content);
  reader.end();
  return collect;
}

/**
 * The last two segments read, to find where a group ends. The readers close a group on its trailer, on a
 * segment that cannot be inside it (the next group's header, the interchange trailer), or at the end of the
 * interchange or file; only in the second case has the segment just read no part in the group.
 */
class SegmentTrail<S extends { readonly tag: string; readonly offset: number }> {
  #current: S | undefined;
  #previous: S | undefined;

  add(segment: S): void {
    this.#previous = this.#current;
    this.#current = segment;
  }

  get current(): S {
    return this.#current as S;
  }

  /** The last segment of the group whose header is `header`, as it closes. */
  lastOf(header: S, trailer: string, closers: readonly string[]): S {
    const current = this.current;
    const closedByAnother = current !== header && current.tag !== trailer && closers.includes(current.tag);
    return closedByAnother ? (this.#previous as S) : current;
  }
}

/**
 * The offset after the terminator of the segment at `offset`, searched for from `from`; a terminator
 * preceded by an odd run of release characters is data. A last segment with no terminator ends the file.
 */
function segmentEnd(content: Buffer, offset: number, from: number, terminator: string, release: string | undefined): number {
  const releaseByte = release?.charCodeAt(0);
  for (let at = content.indexOf(terminator, from, 'latin1'); at >= 0; at = content.indexOf(terminator, at + 1, 'latin1')) {
    let run = 0;
    while (releaseByte !== undefined && at - run - 1 >= offset && content[at - run - 1] === releaseByte) run += 1;
    if (run % 2 === 0) return at + terminator.length;
  }
  return content.length;
}
