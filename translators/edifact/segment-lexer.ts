import type { Diagnostic } from '../diagnostic.js';
import { SyntaxError } from './codes.js';
import { defaultDelimiters, LEVEL_B_DEFAULTS, parseUna, type EdifactDelimiters } from './delimiters.js';
import { EdifactSegment } from './segment.js';

// Bytes -> EDIFACT segments, streaming. Delimiters come from each interchange's UNA, or the defaults when
// there is none; a terminator preceded by the release character is data. Input may arrive in chunks of any
// size with the same result as in one piece: a segment still incomplete waits for the next chunk, kept in
// pieces and searched once, so a long segment in small chunks costs time linear in its length.
// Text is handled as latin1 (one character per byte): every service character is ASCII, so UTF-8 data
// cannot be mistaken for one; decoding to the interchange's character set is left to the envelope reader.

export interface EdifactSegmentSink {
  /** The UNA of the interchange about to start, when it has one. */
  serviceStringAdvice?(delimiters: EdifactDelimiters, offset: number): void;
  segment(segment: EdifactSegment): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface EdifactLexerOptions {
  /** A segment longer than this is a broken file, not a segment: the rest of its interchange is skipped. */
  readonly maxSegmentBytes?: number;
}

const BOM = '\u00ef\u00bb\u00bf';
const DEFAULT_MAX_SEGMENT_BYTES = 1024 * 1024;

export class EdifactLexer {
  private delimiters: EdifactDelimiters | undefined;
  /** Text received and not yet read; starts at byte `base` of the file. */
  private text = '';
  private base = 0;
  /** A segment waiting for its terminator over several chunks: its pieces, their length, and whether the next character is released. */
  private waiting: { pieces: string[]; length: number; released: boolean; start: number } | undefined;
  private atFileStart = true;
  /** Bytes outside any interchange, reported once per run. */
  private stray: { offset: number; preview: string; length: number } | undefined;
  private readonly maxSegmentBytes: number;

  constructor(
    private readonly sink: EdifactSegmentSink,
    options: EdifactLexerOptions = {},
  ) {
    this.maxSegmentBytes = options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES;
  }

  write(chunk: Uint8Array): void {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    if (this.waiting) {
      if (!this.continueWaiting(text)) return;
    } else {
      this.text = this.text.length === 0 ? text : this.text + text;
    }
    this.read(false);
  }

  end(): void {
    if (this.waiting) {
      const { pieces, start } = this.waiting;
      this.waiting = undefined;
      this.text = pieces.join('');
      this.base = start;
    }
    this.read(true);
    this.flushStray();
  }

  /** Adds a chunk to a waiting segment; true when the segment is complete and reading can go on. */
  private continueWaiting(chunk: string): boolean {
    const waiting = this.waiting as NonNullable<EdifactLexer['waiting']>;
    const delimiters = this.delimiters as EdifactDelimiters;
    const end = findTerminator(chunk, 0, waiting.released, delimiters);
    if (end < 0) {
      waiting.pieces.push(chunk);
      waiting.length += chunk.length;
      waiting.released = endsReleased(chunk, 0, waiting.released, delimiters);
      if (waiting.length > this.maxSegmentBytes) {
        this.tooLong(waiting.start, waiting.length);
        this.base = waiting.start + waiting.length;
      }
      return false;
    }
    this.waiting = undefined;
    this.text = waiting.pieces.join('') + chunk;
    this.base = waiting.start;
    return true;
  }

  private read(final: boolean): void {
    let position = 0;
    while (position < this.text.length) {
      const next = this.delimiters ? this.nextSegment(position, final) : this.nextInterchange(position, final);
      if (next === undefined) break;
      position = next;
    }
    this.base += position;
    this.text = this.text.slice(position);
  }

  /** Before an interchange: byte order mark, white space, UNA, then UNB; anything else is stray. */
  private nextInterchange(from: number, final: boolean): number | undefined {
    let position = from;
    if (this.atFileStart) {
      if (this.text.length - position < BOM.length && BOM.startsWith(this.text.slice(position)) && !final) return undefined;
      if (this.text.startsWith(BOM, position)) position += BOM.length;
      this.atFileStart = false;
    }
    if (!this.stray) position = skipWhiteSpace(this.text, position);
    if (position >= this.text.length) return position;
    const rest = this.text.length - position;
    if (this.text.startsWith('UNA', position)) {
      if (rest < 9 && !final) return waitAfter(from, position);
      this.flushStray();
      const advice = this.text.slice(position + 3, position + 9);
      const una = advice.length === 6 ? parseUna(advice) : { kind: 'invalid' as const, message: 'The file ends inside the UNA service string advice.' };
      if (una.kind === 'invalid') {
        this.report(SyntaxError.invalidServiceCharacter, una.message, position, 'UNA');
        return this.skipStray(position, final) ?? waitAfter(from, position);
      }
      this.delimiters = una.delimiters;
      this.sink.serviceStringAdvice?.(una.delimiters, this.base + position);
      return position + 9;
    }
    if (this.text.startsWith('UNB', position)) {
      if (rest < 4 && !final) return waitAfter(from, position);
      this.flushStray();
      const separator = this.text[position + 3];
      if (separator === LEVEL_B_DEFAULTS.element) {
        this.delimiters = LEVEL_B_DEFAULTS;
        return position;
      }
      if (separator !== '+') {
        this.report(SyntaxError.invalidServiceCharacter, `UNB is followed by "${printable(separator ?? '')}", not the element separator "+", and there is no UNA to say otherwise.`, position, 'UNB');
        return this.skipStray(position, final) ?? waitAfter(from, position);
      }
      // Without UNA the version 4 default adds "*" as repetition separator: the version is UNB's S001 0002.
      const versionAt = this.text.slice(position, position + 16);
      if (!/^UNB\+[^+:']*:./.test(versionAt) && !final && rest < 16) return waitAfter(from, position);
      this.delimiters = defaultDelimiters(/^UNB\+[A-Z]{4}:4/.test(versionAt));
      return position;
    }
    // A prefix of UNA or UNB at the end of what has arrived may still become one.
    if (!final && rest < 3 && ('UNA'.startsWith(this.text.slice(position)) || 'UNB'.startsWith(this.text.slice(position)))) return waitAfter(from, position);
    return this.skipStray(position, final) ?? waitAfter(from, position);
  }

  /** Skips stray text up to the next possible UNA or UNB, remembering it for one report. */
  private skipStray(position: number, final: boolean): number | undefined {
    const una = this.text.indexOf('UNA', position + 1);
    const unb = this.text.indexOf('UNB', position + 1);
    const found = [una, unb].filter((at) => at >= 0);
    // Keep the last two characters, which may be the start of a UNA or UNB split across chunks.
    const end = found.length > 0 ? Math.min(...found) : final ? this.text.length : Math.max(position, this.text.length - 2);
    if (end === position) return undefined;
    this.stray ??= { offset: this.base + position, preview: '', length: 0 };
    this.stray.length += end - position;
    if (this.stray.preview.length < 20) this.stray.preview += this.text.slice(position, Math.min(end, position + 20 - this.stray.preview.length));
    return end;
  }

  private flushStray(): void {
    if (!this.stray) return;
    const { offset, preview, length } = this.stray;
    this.stray = undefined;
    this.sink.diagnostic({
      level: 'interchange',
      severity: 'error',
      codeList: '0085',
      code: SyntaxError.invalidOccurrenceOutsideEnvelope,
      message: `${length} bytes outside any interchange (starting "${printable(preview)}") were skipped.`,
      location: { offset },
    });
  }

  /** Reads one segment of the current interchange; undefined to wait for more text. */
  private nextSegment(from: number, final: boolean): number | undefined {
    const delimiters = this.delimiters as EdifactDelimiters;
    const start = skipWhiteSpace(this.text, from);
    if (start >= this.text.length) return start;
    const end = findTerminator(this.text, start, false, delimiters);
    if (end < 0) {
      if (final) {
        this.report(SyntaxError.missing, 'The last segment of the file has no segment terminator.', start, undefined, 'warning');
        this.emit(this.text.slice(start), start);
        return this.text.length;
      }
      const pending = this.text.length - start;
      if (pending > this.maxSegmentBytes) {
        this.tooLong(this.base + start, pending);
        return this.text.length;
      }
      if (pending > WAIT_IN_PIECES) {
        const piece = this.text.slice(start);
        this.waiting = { pieces: [piece], length: piece.length, released: endsReleased(piece, 0, false, delimiters), start: this.base + start };
        return this.text.length;
      }
      return waitAfter(from, start);
    }
    this.emit(this.text.slice(start, end), start);
    return end + delimiters.segment.length;
  }

  private emit(raw: string, start: number): void {
    const delimiters = this.delimiters as EdifactDelimiters;
    // Line breaks inside a segment come from wrapping at a fixed width, unless the terminator is one.
    const text = !isLineBreak(delimiters.segment) && (raw.includes('\n') || raw.includes('\r')) ? raw.replace(/[\r\n]/g, '') : raw;
    const tag = tagOf(text, delimiters);
    this.sink.segment(new EdifactSegment(tag, text, this.base + start, delimiters));
    if (tag === 'UNZ') this.delimiters = undefined;
  }

  /** A segment over the size limit (`start` its offset in the file): the rest of the interchange cannot be read. */
  private tooLong(start: number, length: number): void {
    this.report(SyntaxError.missing, `No segment terminator in ${length} bytes; the rest of this interchange cannot be read.`, start - this.base);
    this.delimiters = undefined;
    this.waiting = undefined;
  }

  private report(code: string, message: string, position: number, segment?: string, severity: 'error' | 'warning' = 'error'): void {
    this.sink.diagnostic({ level: 'interchange', severity, codeList: '0085', code, message, location: { offset: this.base + position, ...(segment ? { segment } : {}) } });
  }
}

/** A segment still incomplete past this many characters waits in pieces rather than being joined on every chunk. */
const WAIT_IN_PIECES = 256;

/**
 * Where the first terminator at or after `from` that is not released stands, or -1. `released` says the
 * character at `from` follows a release character given before the text.
 */
function findTerminator(text: string, from: number, released: boolean, delimiters: EdifactDelimiters): number {
  const { segment, release } = delimiters;
  for (let at = text.indexOf(segment, from); at >= 0; at = text.indexOf(segment, at + 1)) {
    if (release === undefined || !isReleased(text, from, at, released, release)) return at;
  }
  return -1;
}

/** Whether the character at `at` is released: preceded by an odd run of release characters, the run's first being itself data when `released`. */
function isReleased(text: string, from: number, at: number, released: boolean, release: string): boolean {
  let run = 0;
  let before = at - 1;
  while (before >= from && text[before] === release) {
    run += 1;
    before -= 1;
  }
  if (before < from && released) run += 1;
  return run % 2 === 1;
}

/** Whether the character after the text would be released. */
function endsReleased(text: string, from: number, released: boolean, delimiters: EdifactDelimiters): boolean {
  return delimiters.release !== undefined && isReleased(text, from, text.length, released, delimiters.release);
}

/** The segment tag: up to the first element or component separator. */
function tagOf(text: string, delimiters: EdifactDelimiters): string {
  let end = text.length;
  const element = text.indexOf(delimiters.element);
  if (element >= 0) end = element;
  const component = text.indexOf(delimiters.component);
  if (component >= 0 && component < end) end = component;
  return text.slice(0, end);
}

function isLineBreak(terminator: string): boolean {
  return terminator === '\n' || terminator === '\r' || terminator === '\r\n';
}

/** Skips line breaks, white space, NUL padding and the DOS end-of-file mark some systems put between segments. */
function skipWhiteSpace(text: string, from: number): number {
  let position = from;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00) position += 1;
    else break;
  }
  return position;
}

/** Waiting for more text must not undo what was already read (a byte order mark, white space). */
function waitAfter(from: number, position: number): number | undefined {
  return position === from ? undefined : position;
}

/** Control characters shown as \xNN, so a message can quote any text. */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
