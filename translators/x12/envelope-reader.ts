import type { Diagnostic } from '../diagnostic.js';
import type { SkimmedBody, SkimProgram } from '../native/skimmed-run.js';
import { SeenControlNumbers } from '../seen-control-numbers.js';
import { GroupError, InterchangeNote, SetError } from './codes.js';
import { validateGroupHeader, validateIsa } from './envelope-fields.js';
import { bodySegments, SegmentLexer, type SegmentSink } from './segment-lexer.js';
import { element, type Segment, type X12Delimiters } from './segment.js';

// Segments -> interchanges, functional groups and transaction sets, with every envelope check: control
// numbers equal in header and trailer, counts, nesting, duplicates. One transaction set is held in memory
// at a time; interchanges and groups keep only their headers and counters.

export interface InterchangeHeader {
  readonly isa: Segment;
  readonly delimiters: X12Delimiters;
  /** ISA13. */
  readonly controlNumber: string;
  /** ISA12, e.g. 00401 or 00501. */
  readonly version: string;
  /** ISA15: P production, T test. */
  readonly usage: string;
  /** ISA14 = 1: the sender asks for a TA1. */
  readonly acknowledgmentRequested: boolean;
  readonly sender: { readonly qualifier: string; readonly id: string };
  readonly receiver: { readonly qualifier: string; readonly id: string };
}

export interface GroupHeader {
  readonly gs: Segment;
  /** GS01, e.g. PO for 850. */
  readonly functionalId: string;
  /** GS06. */
  readonly controlNumber: string;
  /** GS08, e.g. 004010 or 005010X231A1. */
  readonly version: string;
  readonly interchange: string;
}

export interface TransactionSet {
  /** ST01, e.g. 850. */
  readonly id: string;
  /** ST02. */
  readonly controlNumber: string;
  /** The ST itself, at hand without making the other segments. */
  readonly header: Segment;
  /** ST through SE (or through the last segment read when SE is missing). */
  readonly segments: readonly Segment[];
  /** How many segments `segments` holds, known without making them. */
  readonly segmentCount: number;
  readonly interchange: string;
  readonly group: string;
  readonly groupVersion: string;
  /** The program that read the whole set in one pass and found nothing wrong in it (see X12ReaderOptions.skim). */
  readonly cleanUnder: SkimProgram | undefined;
}

export interface EnvelopeHandler {
  /** Every segment as read, envelopes included, with the delimiters of its interchange. */
  segment?(segment: Segment, delimiters: X12Delimiters): void;
  interchange?(header: InterchangeHeader): void;
  group?(header: GroupHeader): void;
  transactionSet?(set: TransactionSet): void;
  /** A segment directly in the interchange (TA1) or outside any envelope. */
  interchangeSegment?(segment: Segment): void;
  groupEnd?(group: GroupHeader, setCount: number): void;
  interchangeEnd?(header: InterchangeHeader, groupCount: number): void;
  diagnostic?(diagnostic: Diagnostic): void;
}

export interface X12Reader {
  write(chunk: Uint8Array): void;
  end(): void;
}

interface OpenInterchange {
  readonly header: InterchangeHeader;
  groups: number;
  readonly groupNumbers: Set<string>;
}

interface OpenGroup {
  readonly header: GroupHeader;
  sets: number;
  readonly setNumbers: SeenControlNumbers;
}

interface OpenSet {
  readonly st: Segment;
  /** The segments read one by one; a body read in one pass is kept as its text. */
  readonly segments: Segment[];
  body: SkimmedBody | undefined;
  /** Segments so far, ST included. */
  count: number;
}

export interface X12ReaderOptions {
  readonly maxSegmentBytes?: number;
  /**
   * The program to read a whole set with in one pass (translators/native), when the reader's user will
   * validate it against that set's spec: a set it finds clean is passed on with `cleanUnder`, its segments
   * made only when asked for, and not passed one by one to `segment`.
   */
  readonly skim?: (groupVersion: string, setId: string) => SkimProgram | undefined;
}

/** A streaming X12 reader: write chunks of any size, then end(). */
export function createX12Reader(handler: EnvelopeHandler, options: X12ReaderOptions = {}): X12Reader {
  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  let set: OpenSet | undefined;
  /** Sender, receiver and ISA13 of every interchange read: the same three twice is a duplicate. */
  const interchangeIdentities = new Set<string>();
  /**
   * The last segment read outside a transaction set; inside one, the set's last segment is. Where an
   * interchange still open at the end of the file is reported. Not stored for every segment: writing a new
   * object into this long-lived scope costs the garbage collector's write barrier each time.
   */
  let last: Segment | undefined;
  const report = (diagnostic: Diagnostic) => handler.diagnostic?.(diagnostic);
  const skim = options.skim;
  const where = (segment: Segment, extra: Partial<Diagnostic['location']> = {}): Diagnostic['location'] => ({
    offset: segment.offset,
    segment: segment.tag,
    ...(interchange ? { interchange: interchange.header.controlNumber } : {}),
    ...(group ? { group: group.header.controlNumber } : {}),
    ...(set ? { set: element(set.st, 2), segmentPosition: set.count } : {}),
    ...extra,
  });
  const interchangeError = (code: string, message: string, segment: Segment) =>
    report({ level: 'interchange', severity: 'error', codeList: 'TA105', code, message, location: where(segment) });
  const groupError = (code: string, message: string, segment: Segment, location = where(segment)) =>
    report({ level: 'group', severity: 'error', codeList: 'AK905', code, message, location });
  const setError = (code: string, message: string, segment: Segment, location = where(segment)) =>
    report({ level: 'set', severity: 'error', codeList: is5010(group) ? 'IK502' : 'AK502', code, message, location });

  function closeSet(trailer: Segment | undefined, at: Segment): void {
    const open = set as OpenSet;
    const controlNumber = element(open.st, 2).trimEnd();
    if (trailer) {
      const declared = element(trailer, 1);
      if (!countIs(declared, open.count)) {
        setError(SetError.segmentCountMismatch, `SE01 says ${quoted(declared)} segments but transaction set ${controlNumber} has ${open.count} (ST to SE).`, trailer);
      }
      if (element(trailer, 2).trimEnd() !== controlNumber) {
        setError(SetError.controlNumberMismatch, `SE02 ${quoted(element(trailer, 2))} does not match ST02 ${quoted(controlNumber)}.`, trailer);
      }
    } else {
      setError(SetError.trailerMissing, `Transaction set ${controlNumber} has no SE trailer; ${at.tag} came first.`, at);
    }
    const owner = group as OpenGroup;
    const body = open.body;
    const delimiters = (interchange as OpenInterchange).header.delimiters;
    let segments: readonly Segment[] | undefined = body ? undefined : open.segments;
    handler.transactionSet?.({
      id: element(open.st, 1),
      controlNumber,
      header: open.st,
      segmentCount: open.count,
      get segments() {
        // ST, the body read in one pass, and SE, made when first asked for.
        segments ??= [open.st, ...bodySegments(body as SkimmedBody, delimiters), ...open.segments.slice(1)];
        return segments;
      },
      interchange: owner.header.interchange,
      group: owner.header.controlNumber,
      groupVersion: owner.header.version,
      cleanUnder: body?.program,
    });
    set = undefined;
  }

  function closeGroup(trailer: Segment | undefined, at: Segment): void {
    if (set) closeSet(undefined, at);
    const open = group as OpenGroup;
    if (trailer) {
      const declared = element(trailer, 1);
      if (!countIs(declared, open.sets)) {
        groupError(GroupError.setCountMismatch, `GE01 says ${quoted(declared)} transaction sets but group ${open.header.controlNumber} has ${open.sets}.`, trailer);
      }
      if (element(trailer, 2).trimEnd() !== open.header.controlNumber) {
        groupError(GroupError.controlNumberMismatch, `GE02 ${quoted(element(trailer, 2))} does not match GS06 ${quoted(open.header.controlNumber)}.`, trailer);
      }
    } else {
      groupError(GroupError.trailerMissing, `Functional group ${open.header.controlNumber} has no GE trailer; ${at.tag} came first.`, at);
    }
    handler.groupEnd?.(open.header, open.sets);
    group = undefined;
  }

  function closeInterchange(trailer: Segment | undefined, at: Segment): void {
    if (group) closeGroup(undefined, at);
    const open = interchange as OpenInterchange;
    if (trailer) {
      const declared = element(trailer, 1);
      if (!countIs(declared, open.groups)) {
        interchangeError(InterchangeNote.groupCountInvalid, `IEA01 says ${quoted(declared)} functional groups but the interchange has ${open.groups}.`, trailer);
      }
      if (element(trailer, 2).trimEnd() !== open.header.controlNumber) {
        interchangeError(InterchangeNote.controlNumberMismatch, `IEA02 ${quoted(element(trailer, 2))} does not match ISA13 ${quoted(open.header.controlNumber)}.`, trailer);
      }
    } else {
      interchangeError(InterchangeNote.prematureEndOfFile, `Interchange ${open.header.controlNumber} has no IEA trailer; ${at.tag === 'ISA' ? 'another ISA' : 'the end of the file'} came first.`, at);
    }
    handler.interchangeEnd?.(open.header, open.groups);
    interchange = undefined;
  }

  const sink: SegmentSink = {
    // The lexer knows bytes, not envelopes: say which interchange, group and set its finding is in.
    diagnostic: (diagnostic) =>
      report({
        ...diagnostic,
        location: {
          ...(interchange ? { interchange: interchange.header.controlNumber } : {}),
          ...(group ? { group: group.header.controlNumber } : {}),
          ...(set ? { set: element(set.st, 2).trimEnd(), segmentPosition: set.count + 1 } : {}),
          ...diagnostic.location,
        },
      }),
    interchangeHeader(isa, delimiters) {
      if (interchange) closeInterchange(undefined, isa);
      handler.segment?.(isa, delimiters);
      const header: InterchangeHeader = {
        isa,
        delimiters,
        controlNumber: element(isa, 13).trimEnd(),
        version: element(isa, 12),
        usage: element(isa, 15),
        acknowledgmentRequested: element(isa, 14) === '1',
        sender: { qualifier: element(isa, 5), id: element(isa, 6).trimEnd() },
        receiver: { qualifier: element(isa, 7), id: element(isa, 8).trimEnd() },
      };
      interchange = { header, groups: 0, groupNumbers: new Set() };
      // Handlers hear of the interchange before its findings, so they can file those under it.
      handler.interchange?.(header);
      for (const problem of validateIsa(isa)) {
        report({ level: 'interchange', severity: problem.severity, codeList: 'TA105', code: problem.code, message: problem.message, location: where(isa) });
      }
      const identity = `${header.sender.qualifier}:${header.sender.id}>${header.receiver.qualifier}:${header.receiver.id}#${header.controlNumber}`;
      if (interchangeIdentities.has(identity)) {
        interchangeError(InterchangeNote.duplicateInterchange, `Interchange control number ${header.controlNumber} from ${header.sender.id} to ${header.receiver.id} appears twice in this file.`, isa);
      }
      interchangeIdentities.add(identity);
    },
    // Only a reader asked to skim asks the lexer to: without it, the lexer does not look for ST at all.
    ...(skim && { skimProgram: () => (set && group && set.count === 1 ? skim(group.header.version, element(set.st, 1)) : undefined) }),
    skimmedBody(body) {
      const open = set as OpenSet;
      open.body = body;
      open.count += body.count;
    },
    segment(segment) {
      if (interchange) handler.segment?.(segment, interchange.header.delimiters);
      if (set && !isEnvelopeTag(segment.tag)) {
        set.segments.push(segment);
        set.count += 1;
        return;
      }
      last = segment;
      switch (segment.tag) {
        case 'GS':
          if (!interchange) return interchangeError(InterchangeNote.controlStructureInvalid, 'GS outside an interchange (no ISA before it).', segment);
          if (group) closeGroup(undefined, segment);
          return openGroup(segment, interchange);
        case 'GE':
          if (!group) return interchangeError(InterchangeNote.controlStructureInvalid, 'GE without a GS before it.', segment);
          return closeGroup(segment, segment);
        case 'ST':
          if (!group) return interchangeError(InterchangeNote.controlStructureInvalid, 'ST outside a functional group (no GS before it).', segment);
          if (set) closeSet(undefined, segment);
          return openSet(segment, group);
        case 'SE':
          if (!set) return interchangeError(InterchangeNote.controlStructureInvalid, 'SE without an ST before it.', segment);
          set.segments.push(segment);
          set.count += 1;
          return closeSet(segment, segment);
        case 'IEA':
          if (!interchange) return interchangeError(InterchangeNote.controlStructureInvalid, 'IEA without an ISA before it.', segment);
          return closeInterchange(segment, segment);
        default:
          if (group) {
            interchangeError(InterchangeNote.contentInvalid, `${segment.tag} between transaction sets, outside any ST/SE.`, segment);
            return;
          }
          return handler.interchangeSegment?.(segment);
      }
    },
  };

  function openGroup(gs: Segment, owner: OpenInterchange): void {
    const header: GroupHeader = {
      gs,
      functionalId: element(gs, 1),
      controlNumber: element(gs, 6).trimEnd(),
      version: element(gs, 8),
      interchange: owner.header.controlNumber,
    };
    owner.groups += 1;
    group = { header, sets: 0, setNumbers: new SeenControlNumbers() };
    handler.group?.(header);
    if (owner.groupNumbers.has(header.controlNumber)) {
      groupError(GroupError.controlNumberInvalid, `Group control number ${quoted(header.controlNumber)} is used twice in interchange ${owner.header.controlNumber}.`, gs);
    }
    owner.groupNumbers.add(header.controlNumber);
    for (const problem of validateGroupHeader(gs)) {
      if (problem.codeList === 'AK905') groupError(problem.code, problem.message, gs);
      else interchangeError(problem.code, problem.message, gs);
    }
  }

  function openSet(st: Segment, owner: OpenGroup): void {
    owner.sets += 1;
    set = { st, segments: [st], body: undefined, count: 1 };
    const id = element(st, 1);
    const controlNumber = element(st, 2).trimEnd();
    if (!/^\d{3}$/.test(id)) setError(SetError.identifierInvalid, `ST01 ${quoted(id)} is not a transaction set identifier (three digits).`, st);
    if (!/^[A-Za-z0-9]{4,9}$/.test(controlNumber)) {
      setError(SetError.controlNumberInvalid, `ST02 ${quoted(controlNumber)}, the transaction set control number, must be 4 to 9 letters or digits.`, st);
    } else if (!owner.setNumbers.add(controlNumber)) {
      setError(
        is5010(group) ? SetError.controlNumberNotUnique : SetError.controlNumberInvalid,
        `Transaction set control number ${controlNumber} is used twice in group ${owner.header.controlNumber}.`,
        st,
      );
    }
  }

  const lexer = new SegmentLexer(sink, options.maxSegmentBytes);
  return {
    write: (chunk) => lexer.write(chunk),
    end() {
      lexer.end();
      if (interchange) closeInterchange(undefined, set?.segments.at(-1) ?? last ?? interchange.header.isa);
    },
  };
}

function isEnvelopeTag(tag: string): boolean {
  return tag === 'GS' || tag === 'GE' || tag === 'ST' || tag === 'SE' || tag === 'IEA';
}

/** Counts are N0 numbers: "0000000026" says 26. */
function countIs(declared: string, actual: number): boolean {
  return /^\d{1,10}$/.test(declared.trim()) && Number(declared) === actual;
}

function is5010(group: OpenGroup | undefined): boolean {
  return (group?.header.version ?? '').startsWith('005');
}

function quoted(value: string): string {
  return `"${value}"`;
}
