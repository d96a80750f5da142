import type { Diagnostic } from '../diagnostic.js';
import { SkimStop } from '../native/skim-addon.js';
import type { SkimmedBody, SkimProgram } from '../native/skimmed-run.js';
import { PendingBytes } from '../pending-bytes.js';
import { ElementError, InterchangeNote, SegmentError } from './codes.js';
import { readIsaHeader, type IsaHeader } from './isa-header.js';
import { skimDelimiters } from './native-delimiters.js';
import { Segment, type X12Delimiters } from './segment.js';
import { skimSets, type SkimRun } from './skim-sets.js';

// Bytes in any chunk sizes -> segments, exactly as if the file had come in one piece. Only the
// unfinished segment is held between chunks, so memory stays bounded however large the file. Bytes are
// read as latin1 text: one character per byte, so offsets are byte offsets and nothing is re-encoded.

export interface SegmentSink {
  /** An ISA was read; its delimiters hold until its IEA. */
  interchangeHeader(isa: Segment, delimiters: X12Delimiters): void;
  segment(segment: Segment): void;
  diagnostic(diagnostic: Diagnostic): void;
  /**
   * Asked right after an ST: the program to read its set with in one pass, or undefined to read it segment
   * by segment. The sets of the same ST01 that follow it directly are read with the same program.
   */
  skimProgram?(): SkimProgram | undefined;
  /** The segments between an ST and its SE, read in one pass and found clean; the SE follows as a segment. */
  skimmedBody?(body: SkimmedBody): void;
}

/**
 * How far a set is waited for, from its ST, to be read in one pass; a longer one is read segment by segment
 * (as fast as the fast path is not, but in bounded memory).
 */
const SKIM_BYTES = 1024 * 1024;

/** A segment longer than this without a terminator is reported and skipped, not buffered forever. */
export const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

/**
 * Chunks are read this much at a time. The text of a larger one would be allocated among the engine's
 * large objects, which only a full garbage collection frees: reading a large file, dead chunks would pile
 * up by the hundred megabytes. Text this size dies young, with the segments read from it.
 */
const WINDOW_BYTES = 64 * 1024;

const BOM = '\u00ef\u00bb\u00bf';
/** Enough text to hold an ISA, wrapped or not, and what follows it. */
const ISA_LOOKAHEAD = 512;
/** "ISA" in EBCDIC, as a mainframe writes it. */
const EBCDIC_ISA = '\u00c9\u00e2\u00c1';

type BinaryData =
  | { readonly kind: 'none' }
  | { readonly kind: 'need-more'; readonly until: number }
  | { readonly kind: 'bad-length'; readonly length: string }
  | { readonly kind: 'data'; readonly end: number };

const ISA_INCOMPLETE: IsaHeader = { kind: 'need-more' };
const NOT_BINARY: BinaryData = { kind: 'none' };

/**
 * What an unfinished segment waits for, in file offsets: its terminator (which is not anywhere before
 * `searchFrom`), or for BIN data, the bytes up to `until`.
 */
type Wait = { readonly start: number; readonly terminator: string; searchFrom: number } | { readonly start: number; readonly until: number };

export class SegmentLexer {
  private readonly pending = new PendingBytes(WINDOW_BYTES);
  /** Byte offset of pending's first byte (and its text's first character) in the file. */
  private base = 0;
  /** Set while the last segment cannot be complete: until what it waits for comes, the bytes are only kept. */
  private wait: Wait | undefined;
  private delimiters: X12Delimiters | undefined;
  private atFileStart = true;
  /** A run of bytes outside any interchange, reported when it ends. */
  private stray: { offset: number; preview: string; length: number } | undefined;
  /** Sets to be read by the fast path from this file offset, first thing. */
  private skimDue: (SkimRun & { readonly offset: number }) | undefined;
  /** An ST the fast path found not clean: read segment by segment, not tried again. */
  private notClean = -1;
  /** An ST the fast path passed on before it stopped at its set: read on after it. */
  private passedOn = -1;

  constructor(
    private readonly sink: SegmentSink,
    private readonly maxSegmentBytes = MAX_SEGMENT_BYTES,
  ) {}

  write(chunk: Uint8Array): void {
    for (let offset = 0; offset < chunk.length; offset += WINDOW_BYTES) {
      this.pending.append(chunk, offset, Math.min(offset + WINDOW_BYTES, chunk.length));
      if (!this.stillWaiting()) this.read(false);
    }
  }

  end(): void {
    this.read(true);
    this.flushStray();
  }

  private read(final: boolean): void {
    this.wait = undefined;
    let position = 0;
    for (;;) {
      const next =
        this.skimDue?.offset === this.base + position ? this.skim(position, final) : this.delimiters ? this.nextSegment(position, final) : this.nextInterchange(position, final);
      if (next === undefined) break;
      position = next;
    }
    this.base += position;
    this.pending.drop(position);
  }

  /**
   * Whether the bytes that came can neither complete the segment waited for nor make it too long. Only
   * they are searched: reading all the bytes held again for every chunk would take time quadratic in a
   * long segment's length.
   */
  private stillWaiting(): boolean {
    const wait = this.wait;
    if (wait === undefined) return false;
    const end = this.base + this.pending.length;
    if (end - wait.start > this.maxSegmentBytes) return false;
    if ('until' in wait) return end < wait.until;
    if (this.pending.indexOf(wait.terminator, wait.searchFrom - this.base) >= 0) return false;
    wait.searchFrom = Math.max(wait.searchFrom, end - wait.terminator.length + 1);
    return true;
  }

  /** Looks for the next ISA; returns where reading goes on, or undefined to wait for more bytes. */
  private nextInterchange(from: number, final: boolean): number | undefined {
    let position = from;
    if (this.atFileStart) {
      if (this.pending.text.startsWith(BOM, position)) position += BOM.length;
      else if (!final && this.pending.text.length - position < BOM.length && BOM.startsWith(this.pending.text.slice(position))) return undefined;
    }
    this.atFileStart = false;
    // Inside a run of stray bytes white space belongs to the run, so the run is the same in any chunking.
    if (!this.stray) position = skipWhiteSpace(this.pending.text, position);
    if (position >= this.pending.text.length) return waitAfter(from, position);
    const isa = this.pending.text.indexOf('ISA', position);
    if (isa !== position) {
      // Bytes between interchanges (or before the first): skipped, and reported once per run.
      const end = isa >= 0 ? isa : final ? this.pending.text.length : Math.max(position, this.pending.text.length - 2);
      if (end === position) return waitAfter(from, position);
      this.addStray(position, this.pending.text.slice(position, end));
      return end;
    }
    const header = this.isaHeader(position, final);
    if (header.kind === 'need-more') return waitAfter(from, position);
    this.flushStray();
    if (header.kind === 'invalid') {
      this.sink.diagnostic({
        level: 'interchange',
        severity: 'error',
        codeList: 'TA105',
        code: header.note,
        message: `The interchange cannot be read: ${header.reason}.`,
        location: { offset: this.base + position, segment: 'ISA' },
      });
      return position + 3;
    }
    this.delimiters = header.delimiters;
    const isaSegment = new Segment('ISA', header.elements.join(header.delimiters.element), this.base + position, header.delimiters.element);
    this.sink.interchangeHeader(isaSegment, header.delimiters);
    return position + header.length;
  }

  /**
   * The ISA at `position`. A file wrapped at a fixed width may break a line inside the ISA itself; then
   * the header is read without the line breaks and its length counted back in the file's own bytes.
   */
  private isaHeader(position: number, final: boolean): IsaHeader {
    const window = this.pending.text.slice(position, position + ISA_LOOKAHEAD);
    // Read once the whole lookahead (or the rest of the file) is there: a part of it can look like a
    // complete header, wrapped or not, that the whole contradicts, and chunking must not change the result.
    if (!final && window.length < ISA_LOOKAHEAD) return ISA_INCOMPLETE;
    const header = readIsaHeader(window, true);
    const lineBreak = window.search(/[\r\n]/);
    const insideIsa = header.kind === 'header' ? lineBreak >= 0 && lineBreak < header.length - header.delimiters.segment.length : lineBreak >= 0;
    if (!insideIsa) return header;
    const unwrapped = readIsaHeader(window.replace(/[\r\n]/g, ''), true);
    if (unwrapped.kind !== 'header') return header.kind === 'header' ? header : unwrapped;
    let length = 0;
    for (let kept = 0; kept < unwrapped.length; length += 1) if (window[length] !== '\r' && window[length] !== '\n') kept += 1;
    return { ...unwrapped, length };
  }

  /**
   * Reads the segments of the current interchange up to its IEA or the end of the text; returns where
   * reading goes on, or undefined to wait for more bytes. The hot path of the gateway: one loop, the
   * delimiters in locals, nothing allocated but the segment and its text.
   */
  private nextSegment(from: number, final: boolean): number | undefined {
    const delimiters = this.delimiters as X12Delimiters;
    const text = this.pending.text;
    const length = text.length;
    const terminator = delimiters.segment;
    const separator = delimiters.element;
    // A separator of several bytes (a UTF-8 character) takes the general path.
    const separatorCode = separator.length === 1 ? separator.charCodeAt(0) : -1;
    const lineBreaksAreData = isLineBreak(delimiters);
    const terminatorIsLineFeed = terminator === '\n';
    const skimWith = this.sink.skimProgram ? skimDelimiters(delimiters) : null;
    // The next line feed and carriage return at or after the segment being read (the text's length when
    // there is none), searched for again only once passed: each byte is looked at once for them.
    let lineFeed = -1;
    let carriageReturn = -1;
    let position = from;
    while (this.delimiters === delimiters) {
      const start = skipWhiteSpace(text, position);
      if (start >= length) return start === from ? undefined : start;
      // A segment starting with B may be BIN, whose data can hold terminators.
      const data = text.charCodeAt(start) === 0x42 ? this.binaryData(start, delimiters) : NOT_BINARY;
      if (data.kind === 'need-more') {
        if (position !== from && !final) return position;
        return this.unterminated(start, final, { start: this.base + start, until: this.base + data.until });
      }
      const binary = data.kind === 'data';
      const searchStart = binary ? data.end : start;
      const end = text.indexOf(terminator, searchStart);
      if (end < 0) {
        if (position !== from && !final) return position;
        const searchFrom = this.base + Math.max(searchStart, length - terminator.length + 1);
        return this.unterminated(start, final, { start: this.base + start, terminator, searchFrom });
      }
      // Reported once, when the segment is complete, however the input was chunked.
      if (data.kind === 'bad-length') this.reportBinaryLength(start, data.length);
      let asWritten = !binary;
      if (asWritten && lineBreaksAreData) asWritten = !(terminatorIsLineFeed && text.charCodeAt(end - 1) === 0x0d);
      else if (asWritten) {
        if (lineFeed < start) lineFeed = indexOrEnd(text, '\n', start, length);
        if (carriageReturn < start) carriageReturn = indexOrEnd(text, '\r', start, length);
        asWritten = lineFeed >= end && carriageReturn >= end;
      }
      const tag = asWritten ? plainTag(text, start, end, separatorCode) : undefined;
      if (tag === undefined) this.emit(text.slice(start, end), start, delimiters, binary);
      else {
        const offset = this.base + start;
        const passedOn = this.passedOn === offset;
        if (!passedOn) this.sink.segment(new Segment(tag, text.slice(start, end), offset, separator));
        if (tag === 'IEA') this.delimiters = undefined;
        const program = skimWith && tag === 'ST' && !passedOn && this.notClean !== offset ? this.sink.skimProgram?.() : undefined;
        if (program) {
          // The fast path takes over at this ST, already passed on.
          const separatorAt = text.indexOf(separator, start + 3);
          this.skimDue = { offset, program, setId: text.slice(start + 3, separatorAt < 0 || separatorAt > end ? end : separatorAt), headerPassedOn: true };
          return start;
        }
      }
      position = end + terminator.length;
    }
    return position;
  }

  /**
   * The sets from `start` read by the fast path; returns where reading goes on (the lexer's own way from
   * there, unless another run is due), or undefined to wait for more bytes.
   */
  private skim(start: number, final: boolean): number | undefined {
    const run = this.skimDue as SkimRun & { readonly offset: number };
    this.skimDue = undefined;
    const delimiters = this.delimiters as X12Delimiters;
    const length = this.pending.length;
    const skimmed = skimSets(run, this.pending.keep(), this.base, start, length, delimiters, skimDelimiters(delimiters) as Int32Array, final, this.sink);
    const { position } = skimmed;
    const headerPassedOn = run.headerPassedOn && skimmed.count === 0;
    if (skimmed.stop === SkimStop.full || (skimmed.stop === SkimStop.incomplete && length - position < Math.min(SKIM_BYTES, this.maxSegmentBytes))) {
      this.skimDue = { ...run, offset: this.base + position, headerPassedOn };
      if (skimmed.stop === SkimStop.full || position !== start) return position;
      this.wait = { start: this.base + position, until: this.base + length + WINDOW_BYTES };
      return undefined;
    }
    if (skimmed.stop !== SkimStop.other) {
      // Not clean, or too long to wait for: read segment by segment, and not tried again.
      this.notClean = this.base + position;
      if (headerPassedOn) this.passedOn = this.base + position;
    }
    return position;
  }

  /** A BIN segment carries BIN01 bytes of raw data, terminators included: where its data ends. */
  private binaryData(start: number, delimiters: X12Delimiters): BinaryData {
    if (!this.pending.text.startsWith(`BIN${delimiters.element}`, start)) return NOT_BINARY;
    const lengthStart = start + 3 + delimiters.element.length;
    const lengthEnd = this.pending.text.indexOf(delimiters.element, lengthStart);
    if (lengthEnd < 0) return this.pending.text.length - lengthStart > 15 ? NOT_BINARY : { kind: 'need-more', until: this.pending.text.length + 1 };
    const length = this.pending.text.slice(lengthStart, lengthEnd);
    if (!/^\d{1,15}$/.test(length)) return { kind: 'bad-length', length };
    const end = lengthEnd + delimiters.element.length + Number(length);
    return end <= this.pending.text.length ? { kind: 'data', end } : { kind: 'need-more', until: end };
  }

  private reportBinaryLength(start: number, length: string): void {
    this.sink.diagnostic({
      level: 'element',
      severity: 'error',
      codeList: 'AK403',
      code: ElementError.invalidCharacter,
      message: `BIN01, the length of the binary data, must be a number; it is "${shorten(length)}". The segment was read up to the next terminator.`,
      location: { offset: this.base + start, segment: 'BIN', element: 1 },
    });
  }

  /**
   * The segment at `start` is not complete in the text. At the end of the file it is read as it stands;
   * before, it waits for `wait`, unless it is already longer than a segment may be.
   */
  private unterminated(start: number, final: boolean, wait: Wait): number | undefined {
    const pending = this.pending.text.length - start;
    if (final) {
      const delimiters = this.delimiters as X12Delimiters;
      this.sink.diagnostic({
        level: 'interchange',
        severity: 'warning',
        codeList: 'TA105',
        code: InterchangeNote.prematureEndOfFile,
        message: 'The last segment of the file has no segment terminator.',
        location: { offset: this.base + start },
      });
      this.emit(this.pending.text.slice(start), start, delimiters, false);
      return this.pending.text.length;
    }
    if (pending <= this.maxSegmentBytes) {
      this.wait = wait;
      return undefined;
    }
    this.sink.diagnostic({
      level: 'interchange',
      severity: 'error',
      codeList: 'TA105',
      code: InterchangeNote.segmentTerminatorInvalid,
      message: `No segment terminator in ${pending} bytes; the rest of this interchange cannot be read.`,
      location: { offset: this.base + start },
    });
    this.delimiters = undefined;
    return this.pending.text.length;
  }

  private emit(raw: string, start: number, delimiters: X12Delimiters, binary: boolean): void {
    // Line breaks inside a segment come from wrapping at a fixed width, unless a line break is a delimiter
    // (with a line feed as terminator, a CR before it belongs to the line break, not to the data).
    const wrapped = !binary && (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) && !isLineBreak(delimiters);
    const unwrapped = wrapped ? raw.replace(/[\r\n]/g, '') : raw;
    const text = delimiters.segment === '\n' && unwrapped.endsWith('\r') ? unwrapped.slice(0, -1) : unwrapped;
    const tagEnd = text.indexOf(delimiters.element);
    const tagLength = tagEnd < 0 ? text.length : tagEnd;
    const known = plainTag(text, 0, tagLength, -1);
    const tag = known ?? text.slice(0, tagLength);
    const offset = this.base + start;
    if (known === undefined) {
      this.sink.diagnostic({
        level: 'segment',
        severity: 'error',
        codeList: 'AK304',
        code: SegmentError.unrecognizedSegmentId,
        message: `"${shorten(tag)}" is not a segment identifier (two or three capital letters or digits).`,
        location: { offset, segment: shorten(tag) },
      });
    }
    this.sink.segment(new Segment(tag, text, offset, delimiters.element));
    if (tag === 'IEA') this.delimiters = undefined;
  }

  private addStray(start: number, text: string): void {
    this.stray ??= { offset: this.base + start, preview: '', length: 0 };
    this.stray.length += text.length;
    if (this.stray.preview.length < 20) this.stray.preview += text.slice(0, 20 - this.stray.preview.length);
  }

  private flushStray(): void {
    if (!this.stray) return;
    const { offset, preview, length } = this.stray;
    this.stray = undefined;
    const ebcdic = preview.startsWith(EBCDIC_ISA);
    this.sink.diagnostic({
      level: 'interchange',
      severity: 'error',
      codeList: 'TA105',
      code: InterchangeNote.contentInvalid,
      message: ebcdic
        ? `The file is in EBCDIC, not ASCII or UTF-8; ${length} bytes were not read. Ask the partner to send ASCII.`
        : `${length} bytes outside any interchange (starting "${shorten(preview)}") were skipped.`,
      location: { offset },
    });
  }
}

/** The segments of a body the fast path read, as the lexer would have passed them on one by one. */
export function bodySegments(body: SkimmedBody, delimiters: X12Delimiters): Segment[] {
  const text = body.bytes.toString('latin1', body.start, body.end);
  const offset = body.base + body.start;
  const separator = delimiters.element;
  const segments: Segment[] = [];
  for (let start = skipWhiteSpace(text, 0); start < text.length; start = skipWhiteSpace(text, start)) {
    const end = text.indexOf(delimiters.segment, start);
    segments.push(new Segment(plainTag(text, start, end, separator.charCodeAt(0)) as string, text.slice(start, end), offset + start, separator));
    start = end + delimiters.segment.length;
  }
  return segments;
}

/** Waiting for more bytes must not undo what was already read (a byte order mark, white space). */
function waitAfter(from: number, position: number): number | undefined {
  return position === from ? undefined : position;
}

/** Skips white space, and the NUL padding and DOS end-of-file mark (Ctrl-Z) some systems append. */
function skipWhiteSpace(text: string, from: number): number {
  let position = from;
  // Bounded: reading past the end gives NaN, which makes the engine set the optimized loop aside.
  while (position < text.length && isWhiteSpace(text.charCodeAt(position))) position += 1;
  return position;
}

function isWhiteSpace(code: number): boolean {
  return code <= 0x20 && (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00);
}

function indexOrEnd(text: string, search: string, from: number, end: number): number {
  const found = text.indexOf(search, from);
  return found < 0 ? end : found;
}

/** A digit or capital letter as 0 to 35; -1 for any other character. */
function tagCharacter(code: number): number {
  if (code >= 0x41) return code <= 0x5a ? code - 0x41 + 10 : -1;
  return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1;
}

/** Every tag read so far, by its characters: one string per tag however often it comes. Two-character tags first, then three. */
const tags = new Array<string | undefined>(36 * 36 + 36 * 36 * 36).fill(undefined);

/**
 * The tag of the segment text[start, end) when it is two or three capital letters or digits followed by
 * the element separator (one character, given by its code) or nothing; undefined for anything else.
 */
function plainTag(text: string, start: number, end: number, separatorCode: number): string | undefined {
  const size = end - start;
  if (size < 2) return undefined;
  const first = tagCharacter(text.charCodeAt(start));
  const second = tagCharacter(text.charCodeAt(start + 1));
  if (first < 0 || second < 0) return undefined;
  if (size === 2 || text.charCodeAt(start + 2) === separatorCode) return (tags[first * 36 + second] ??= internalized(text.slice(start, start + 2)));
  const third = tagCharacter(text.charCodeAt(start + 2));
  if (third < 0 || (size > 3 && text.charCodeAt(start + 3) !== separatorCode)) return undefined;
  return (tags[36 * 36 + (first * 36 + second) * 36 + third] ??= internalized(text.slice(start, start + 3)));
}

/**
 * The engine's own copy of a string, the one property names use: comparing two such strings compares
 * pointers, and every segment's tag is compared with several literals on its way.
 */
function internalized(value: string): string {
  return Object.keys({ [value]: true })[0] as string;
}

function isLineBreak(delimiters: X12Delimiters): boolean {
  return [delimiters.element, delimiters.component, delimiters.repetition, delimiters.segment].some((value) => value === '\n' || value === '\r');
}

function shorten(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 20 ? `${printable.slice(0, 20)}...` : printable;
}
