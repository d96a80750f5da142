import type { Diagnostic } from '../diagnostic.js';
import { ElementError, InterchangeNote, SegmentError } from './codes.js';
import { readIsaHeader, type IsaHeader } from './isa-header.js';
import { Segment, type X12Delimiters } from './segment.js';

// Bytes in any chunk sizes -> segments, exactly as if the file had come in one piece. Only the
// unfinished segment is held between chunks, so memory stays bounded however large the file. Bytes are
// read as latin1 text: one character per byte, so offsets are byte offsets and nothing is re-encoded.

export interface SegmentSink {
  /** An ISA was read; its delimiters hold until its IEA. */
  interchangeHeader(isa: Segment, delimiters: X12Delimiters): void;
  segment(segment: Segment): void;
  diagnostic(diagnostic: Diagnostic): void;
}

/** A segment longer than this without a terminator is reported and skipped, not buffered forever. */
export const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

const BOM = '\u00ef\u00bb\u00bf';
/** Enough text to hold an ISA, wrapped or not, and what follows it. */
const ISA_LOOKAHEAD = 512;
/** "ISA" in EBCDIC, as a mainframe writes it. */
const EBCDIC_ISA = '\u00c9\u00e2\u00c1';

type BinaryData =
  | { readonly kind: 'none' }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'bad-length'; readonly length: string }
  | { readonly kind: 'data'; readonly end: number };

export class SegmentLexer {
  private text = '';
  /** Byte offset of text[0] in the file. */
  private base = 0;
  private delimiters: X12Delimiters | undefined;
  private atFileStart = true;
  /** A run of bytes outside any interchange, reported when it ends. */
  private stray: { offset: number; preview: string; length: number } | undefined;

  constructor(
    private readonly sink: SegmentSink,
    private readonly maxSegmentBytes = MAX_SEGMENT_BYTES,
  ) {}

  write(chunk: Uint8Array): void {
    this.text += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.flushStray();
    this.text = '';
  }

  private drain(final: boolean): void {
    let position = 0;
    for (;;) {
      const next = this.delimiters ? this.nextSegment(position, final) : this.nextInterchange(position, final);
      if (next === undefined) break;
      position = next;
    }
    this.base += position;
    this.text = this.text.slice(position);
  }

  /** Looks for the next ISA; returns where reading goes on, or undefined to wait for more bytes. */
  private nextInterchange(from: number, final: boolean): number | undefined {
    let position = from;
    // Waiting for more bytes must not undo what was already read (a byte order mark, white space).
    const wait = () => (position === from ? undefined : position);
    if (this.atFileStart) {
      if (this.text.startsWith(BOM, position)) position += BOM.length;
      else if (!final && this.text.length - position < BOM.length && BOM.startsWith(this.text.slice(position))) return undefined;
    }
    this.atFileStart = false;
    // Inside a run of stray bytes white space belongs to the run, so the run is the same in any chunking.
    if (!this.stray) position = skipWhiteSpace(this.text, position);
    if (position >= this.text.length) return wait();
    const isa = this.text.indexOf('ISA', position);
    if (isa !== position) {
      // Bytes between interchanges (or before the first): skipped, and reported once per run.
      const end = isa >= 0 ? isa : final ? this.text.length : Math.max(position, this.text.length - 2);
      if (end === position) return wait();
      this.addStray(position, this.text.slice(position, end));
      return end;
    }
    const header = this.isaHeader(position, final);
    if (header.kind === 'need-more') return wait();
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
    const window = this.text.slice(position, position + ISA_LOOKAHEAD);
    const header = readIsaHeader(window, final);
    const lineBreak = window.search(/[\r\n]/);
    const insideIsa = header.kind === 'header' ? lineBreak >= 0 && lineBreak < header.length - header.delimiters.segment.length : lineBreak >= 0;
    if (!insideIsa) return header;
    const unwrapped = readIsaHeader(window.replace(/[\r\n]/g, ''), final || window.length === ISA_LOOKAHEAD);
    if (unwrapped.kind !== 'header') return header.kind === 'header' ? header : unwrapped;
    let length = 0;
    for (let kept = 0; kept < unwrapped.length; length += 1) if (window[length] !== '\r' && window[length] !== '\n') kept += 1;
    return { ...unwrapped, length };
  }

  /**
   * Reads the segments of the current interchange up to its IEA or the end of the text; returns where
   * reading goes on, or undefined to wait for more bytes. The hot path of the gateway: one loop, the
   * delimiters in locals, nothing allocated but the segment itself.
   */
  private nextSegment(from: number, final: boolean): number | undefined {
    const delimiters = this.delimiters as X12Delimiters;
    const text = this.text;
    const terminatorText = delimiters.segment;
    let position = from;
    while (this.delimiters === delimiters) {
      const start = skipWhiteSpace(text, position);
      if (start >= text.length) return start === from ? undefined : start;
      // A segment starting with B may be BIN, whose data can hold terminators.
      const data = text.charCodeAt(start) === 0x42 ? this.binaryData(start, delimiters) : undefined;
      if (data?.kind === 'need-more') return final ? this.unterminated(start, final) : position === from ? undefined : position;
      const binary = data?.kind === 'data';
      const terminator = text.indexOf(terminatorText, data?.kind === 'data' ? data.end : start);
      if (terminator < 0) return position === from || final ? this.unterminated(start, final) : position;
      // Reported once, when the segment is complete, however the input was chunked.
      if (data?.kind === 'bad-length') this.reportBinaryLength(start, data.length);
      this.emit(text.slice(start, terminator), start, delimiters, binary);
      position = terminator + terminatorText.length;
    }
    return position;
  }

  /** A BIN segment carries BIN01 bytes of raw data, terminators included: where its data ends. */
  private binaryData(start: number, delimiters: X12Delimiters): BinaryData {
    if (!this.text.startsWith(`BIN${delimiters.element}`, start)) return { kind: 'none' };
    const lengthStart = start + 3 + delimiters.element.length;
    const lengthEnd = this.text.indexOf(delimiters.element, lengthStart);
    if (lengthEnd < 0) return this.text.length - lengthStart > 15 ? { kind: 'none' } : { kind: 'need-more' };
    const length = this.text.slice(lengthStart, lengthEnd);
    if (!/^\d{1,15}$/.test(length)) return { kind: 'bad-length', length };
    const end = lengthEnd + delimiters.element.length + Number(length);
    return end <= this.text.length ? { kind: 'data', end } : { kind: 'need-more' };
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

  private unterminated(start: number, final: boolean): number | undefined {
    const pending = this.text.length - start;
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
      this.emit(this.text.slice(start), start, delimiters, false);
      return this.text.length;
    }
    if (pending <= this.maxSegmentBytes) return undefined;
    this.sink.diagnostic({
      level: 'interchange',
      severity: 'error',
      codeList: 'TA105',
      code: InterchangeNote.segmentTerminatorInvalid,
      message: `No segment terminator in ${pending} bytes; the rest of this interchange cannot be read.`,
      location: { offset: this.base + start },
    });
    this.delimiters = undefined;
    return this.text.length;
  }

  private emit(raw: string, start: number, delimiters: X12Delimiters, binary: boolean): void {
    // Line breaks inside a segment come from wrapping at a fixed width, unless a line break is a delimiter
    // (with a line feed as terminator, a CR before it belongs to the line break, not to the data).
    const wrapped = !binary && (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) && !isLineBreak(delimiters);
    const unwrapped = wrapped ? raw.replace(/[\r\n]/g, '') : raw;
    const text = delimiters.segment === '\n' && unwrapped.endsWith('\r') ? unwrapped.slice(0, -1) : unwrapped;
    const tagEnd = text.indexOf(delimiters.element);
    const tag = tagEnd < 0 ? text : text.slice(0, tagEnd);
    const offset = this.base + start;
    if (!isSegmentTag(tag)) {
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

/** Skips white space, and the NUL padding and DOS end-of-file mark (Ctrl-Z) some systems append. */
function skipWhiteSpace(text: string, from: number): number {
  let position = from;
  for (;;) {
    const code = text.charCodeAt(position);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00) position += 1;
    else return position;
  }
}

/** Two or three capital letters or digits. */
function isSegmentTag(tag: string): boolean {
  if (tag.length < 2 || tag.length > 3) return false;
  for (let index = 0; index < tag.length; index += 1) {
    const code = tag.charCodeAt(index);
    if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

function isLineBreak(delimiters: X12Delimiters): boolean {
  return [delimiters.element, delimiters.component, delimiters.repetition, delimiters.segment].some((value) => value === '\n' || value === '\r');
}

function shorten(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 20 ? `${printable.slice(0, 20)}...` : printable;
}
