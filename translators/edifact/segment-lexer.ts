import type { Diagnostic } from '../diagnostic.js';
import { SkimStop } from '../native/skim-addon.js';
import type { SkimmedBody, SkimProgram } from '../native/skimmed-run.js';
import { PendingBytes } from '../pending-bytes.js';
import { SyntaxError } from './codes.js';
import { defaultDelimiters, LEVEL_B_DEFAULTS, parseUna, type EdifactDelimiters } from './delimiters.js';
import { skimDelimiters } from './native-syntax.js';
import { EdifactSegment } from './segment.js';
import { skimMessages, type SkimRun } from './skim-messages.js';

// Bytes -> EDIFACT segments, streaming. Delimiters come from each interchange's UNA, or the defaults when
// there is none; a terminator preceded by the release character is data. Input may arrive in chunks of any
// size with the same result as in one piece: only the unfinished segment is held between chunks, and a
// segment waiting for its terminator has only the bytes that came since searched, so a long segment in small
// chunks costs time linear in its length.
// Text is handled as latin1 (one character per byte): every service character is ASCII, so UTF-8 data
// cannot be mistaken for one; decoding to the interchange's character set is left to the envelope reader.

export interface EdifactSegmentSink {
  /** The UNA of the interchange about to start, when it has one. */
  serviceStringAdvice?(delimiters: EdifactDelimiters, offset: number): void;
  /** `checked`: the fast path found the segment's characters all of the interchange's syntax level (its UNH and UNT). */
  segment(segment: EdifactSegment, checked?: boolean): void;
  diagnostic(diagnostic: Diagnostic): void;
  /**
   * Asked right after a UNH: the program to read its message with in one pass, with the bytes the
   * interchange's syntax level allows, or undefined to read it segment by segment. The messages that follow
   * it directly, their UNH naming the same message (S009 written alike), are read with the same program.
   */
  skimProgram?(): { readonly program: SkimProgram; readonly allowed: Uint8Array } | undefined;
  /** The segments between a UNH and its UNT, read in one pass and found clean; the UNT follows as a segment. */
  skimmedBody?(body: SkimmedBody): void;
}

export interface EdifactLexerOptions {
  /** A segment longer than this is a broken file, not a segment: the rest of its interchange is skipped. */
  readonly maxSegmentBytes?: number;
}

const BOM = '\u00ef\u00bb\u00bf';
const DEFAULT_MAX_SEGMENT_BYTES = 1024 * 1024;

/**
 * Chunks are read this much at a time. The text of a larger one would be allocated among the engine's
 * large objects, which only a full garbage collection frees: reading a large file, dead chunks would pile up.
 */
const WINDOW_BYTES = 64 * 1024;

/**
 * How far a message is waited for, from its UNH, to be read in one pass; a longer one is read segment by
 * segment (as fast as the fast path is not, but in bounded memory).
 */
const SKIM_BYTES = 1024 * 1024;

/**
 * What an unfinished segment waits for, in file offsets: its terminator, which is not anywhere before
 * `searchFrom` (`released`: the byte there follows an odd run of release characters), or for a message the
 * fast path reads, the bytes up to `until`.
 */
type Wait = { readonly start: number; searchFrom: number; released: boolean } | { readonly start: number; readonly until: number };

export class EdifactLexer {
  private delimiters: EdifactDelimiters | undefined;
  private readonly pending = new PendingBytes(WINDOW_BYTES);
  /** Byte offset of pending's first byte (and its text's first character) in the file. */
  private base = 0;
  /** Set while the last segment cannot be complete: until what it waits for comes, the bytes are only kept. */
  private wait: Wait | undefined;
  private atFileStart = true;
  /** Bytes outside any interchange, reported once per run. */
  private stray: { offset: number; preview: string; length: number } | undefined;
  private readonly maxSegmentBytes: number;
  /** Messages to be read by the fast path from this file offset, first thing. */
  private skimDue: (SkimRun & { readonly offset: number }) | undefined;
  /** A UNH the fast path found not clean: read segment by segment, not tried again. */
  private notClean = -1;
  /** A UNH the fast path passed on before it stopped at its message: read on after it. */
  private passedOn = -1;

  constructor(
    private readonly sink: EdifactSegmentSink,
    options: EdifactLexerOptions = {},
  ) {
    this.maxSegmentBytes = options.maxSegmentBytes ?? DEFAULT_MAX_SEGMENT_BYTES;
  }

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

  /**
   * Whether the bytes that came can neither complete what is waited for nor make it too long. Only they are
   * searched: reading all the bytes held again for every chunk would take time quadratic in a long segment's
   * length.
   */
  private stillWaiting(): boolean {
    const wait = this.wait;
    if (wait === undefined) return false;
    const end = this.base + this.pending.length;
    if (end - wait.start > this.maxSegmentBytes) return false;
    if ('until' in wait) return end < wait.until;
    const { segment, release } = this.delimiters as EdifactDelimiters;
    const terminator = segment.charCodeAt(0);
    const releaseCode = release === undefined ? -1 : release.charCodeAt(0);
    let released = wait.released;
    for (let index = wait.searchFrom - this.base; index < this.pending.length; index += 1) {
      const code = this.pending.at(index);
      if (released) released = false;
      else if (code === releaseCode) released = true;
      else if (code === terminator) return false;
    }
    wait.searchFrom = end;
    wait.released = released;
    return true;
  }

  private read(final: boolean): void {
    this.wait = undefined;
    let position = 0;
    while (position < this.pending.length) {
      const next =
        this.skimDue?.offset === this.base + position ? this.skim(position, final) : this.delimiters ? this.nextSegment(position, final) : this.nextInterchange(position, final);
      if (next === undefined) break;
      position = next;
      // What is waited for cannot be in the bytes at hand.
      if (this.wait !== undefined) break;
    }
    this.base += position;
    this.pending.drop(position);
  }

  /** Before an interchange: byte order mark, white space, UNA, then UNB; anything else is stray. */
  private nextInterchange(from: number, final: boolean): number | undefined {
    let position = from;
    if (this.atFileStart) {
      if (this.pending.text.length - position < BOM.length && BOM.startsWith(this.pending.text.slice(position)) && !final) return undefined;
      if (this.pending.text.startsWith(BOM, position)) position += BOM.length;
      this.atFileStart = false;
    }
    if (!this.stray) position = skipWhiteSpace(this.pending.text, position);
    if (position >= this.pending.text.length) return position;
    const rest = this.pending.text.length - position;
    if (this.pending.text.startsWith('UNA', position)) {
      if (rest < 9 && !final) return waitAfter(from, position);
      this.flushStray();
      const advice = this.pending.text.slice(position + 3, position + 9);
      const una = advice.length === 6 ? parseUna(advice) : { kind: 'invalid' as const, message: 'The file ends inside the UNA service string advice.' };
      if (una.kind === 'invalid') {
        this.report(SyntaxError.invalidServiceCharacter, una.message, position, 'UNA');
        return this.skipStray(position, final) ?? waitAfter(from, position);
      }
      this.delimiters = una.delimiters;
      this.sink.serviceStringAdvice?.(una.delimiters, this.base + position);
      return position + 9;
    }
    if (this.pending.text.startsWith('UNB', position)) {
      if (rest < 4 && !final) return waitAfter(from, position);
      this.flushStray();
      const separator = this.pending.text[position + 3];
      if (separator === LEVEL_B_DEFAULTS.element) {
        this.delimiters = LEVEL_B_DEFAULTS;
        return position;
      }
      if (separator !== '+') {
        this.report(SyntaxError.invalidServiceCharacter, `UNB is followed by "${printable(separator ?? '')}", not the element separator "+", and there is no UNA to say otherwise.`, position, 'UNB');
        return this.skipStray(position, final) ?? waitAfter(from, position);
      }
      // Without UNA the version 4 default adds "*" as repetition separator: the version is UNB's S001 0002.
      const versionAt = this.pending.text.slice(position, position + 16);
      if (!/^UNB\+[^+:']*:./.test(versionAt) && !final && rest < 16) return waitAfter(from, position);
      this.delimiters = defaultDelimiters(/^UNB\+[A-Z]{4}:4/.test(versionAt));
      return position;
    }
    // A prefix of UNA or UNB at the end of what has arrived may still become one.
    if (!final && rest < 3 && ('UNA'.startsWith(this.pending.text.slice(position)) || 'UNB'.startsWith(this.pending.text.slice(position)))) return waitAfter(from, position);
    return this.skipStray(position, final) ?? waitAfter(from, position);
  }

  /** Skips stray text up to the next possible UNA or UNB, remembering it for one report. */
  private skipStray(position: number, final: boolean): number | undefined {
    const una = this.pending.text.indexOf('UNA', position + 1);
    const unb = this.pending.text.indexOf('UNB', position + 1);
    const found = [una, unb].filter((at) => at >= 0);
    // Keep the last two characters, which may be the start of a UNA or UNB split across chunks.
    const end = found.length > 0 ? Math.min(...found) : final ? this.pending.text.length : Math.max(position, this.pending.text.length - 2);
    if (end === position) return undefined;
    this.stray ??= { offset: this.base + position, preview: '', length: 0 };
    this.stray.length += end - position;
    if (this.stray.preview.length < 20) this.stray.preview += this.pending.text.slice(position, Math.min(end, position + 20 - this.stray.preview.length));
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

  /** Reads one segment of the current interchange; undefined to wait for more bytes. */
  private nextSegment(from: number, final: boolean): number | undefined {
    const delimiters = this.delimiters as EdifactDelimiters;
    const text = this.pending.text;
    const start = skipWhiteSpace(text, from);
    if (start >= text.length) return start;
    const end = findTerminator(text, start, delimiters);
    if (end < 0) {
      if (final) {
        this.report(SyntaxError.missing, 'The last segment of the file has no segment terminator.', start, undefined, 'warning');
        this.emit(text.slice(start), start);
        return text.length;
      }
      const pending = text.length - start;
      if (pending > this.maxSegmentBytes) {
        this.tooLong(this.base + start, pending);
        return text.length;
      }
      this.wait = { start: this.base + start, searchFrom: this.base + text.length, released: endsReleased(text, start, delimiters) };
      return start;
    }
    const next = end + delimiters.segment.length;
    const offset = this.base + start;
    // Passed on already by the fast path, which then stopped at its message.
    if (this.passedOn === offset) return next;
    const raw = text.slice(start, end);
    const tag = this.emit(raw, start);
    if (tag !== 'UNH' || this.notClean === offset) return next;
    const run = this.skimRun(raw, delimiters);
    if (!run) return next;
    // The fast path takes over at this UNH, already passed on.
    this.skimDue = { ...run, offset, headerPassedOn: true };
    return start;
  }

  /**
   * What to read the messages from the UNH just passed on with in one pass, or undefined to read on segment
   * by segment: without a program for its message, or with delimiters, line breaks or release characters
   * that the fast path leaves to the lexer.
   */
  private skimRun(raw: string, delimiters: EdifactDelimiters): Omit<SkimRun, 'headerPassedOn'> | undefined {
    if (!this.sink.skimProgram || skimDelimiters(delimiters) === null) return undefined;
    if (raw.includes('\n') || raw.includes('\r') || (delimiters.release !== undefined && raw.includes(delimiters.release))) return undefined;
    // S009 as written: the run goes on while UNH after UNH writes it alike.
    const [, , identifier] = raw.split(delimiters.element, 3);
    const skim = identifier === undefined ? undefined : this.sink.skimProgram();
    return skim && { program: skim.program, allowed: skim.allowed, identifier: identifier as string };
  }

  /**
   * The messages from `start` read by the fast path; returns where reading goes on (the lexer's own way from
   * there, unless another run is due), or undefined to wait for more bytes.
   */
  private skim(start: number, final: boolean): number | undefined {
    const run = this.skimDue as SkimRun & { readonly offset: number };
    this.skimDue = undefined;
    const delimiters = this.delimiters as EdifactDelimiters;
    const length = this.pending.length;
    const skimmed = skimMessages(run, this.pending.keep(), this.base, start, length, delimiters, skimDelimiters(delimiters) as Int32Array, final, this.sink);
    const { position } = skimmed;
    const headerPassedOn = run.headerPassedOn && skimmed.count === 0;
    if (skimmed.stop === SkimStop.full || (skimmed.stop === SkimStop.incomplete && length - position < Math.min(SKIM_BYTES, this.maxSegmentBytes))) {
      this.skimDue = { ...run, offset: this.base + position, headerPassedOn };
      if (skimmed.stop === SkimStop.incomplete) this.wait = { start: this.base + position, until: this.base + length + WINDOW_BYTES };
      return position;
    }
    // Not clean, too long to wait for, or a first UNH the run cannot read: segment by segment, not tried again.
    if (skimmed.stop !== SkimStop.other || headerPassedOn) this.notClean = this.base + position;
    if (headerPassedOn) this.passedOn = this.base + position;
    return position;
  }

  /** Passes on the segment `raw` found at `start`; returns its tag. */
  private emit(raw: string, start: number): string {
    const delimiters = this.delimiters as EdifactDelimiters;
    // Line breaks inside a segment come from wrapping at a fixed width, unless the terminator is one.
    const text = !isLineBreak(delimiters.segment) && (raw.includes('\n') || raw.includes('\r')) ? raw.replace(/[\r\n]/g, '') : raw;
    const tag = tagOf(text, delimiters);
    this.sink.segment(new EdifactSegment(tag, text, this.base + start, delimiters));
    if (tag === 'UNZ') this.delimiters = undefined;
    return tag;
  }

  /** A segment over the size limit (`start` its offset in the file): the rest of the interchange cannot be read. */
  private tooLong(start: number, length: number): void {
    this.report(SyntaxError.missing, `No segment terminator in ${length} bytes; the rest of this interchange cannot be read.`, start - this.base);
    this.delimiters = undefined;
  }

  private report(code: string, message: string, position: number, segment?: string, severity: 'error' | 'warning' = 'error'): void {
    this.sink.diagnostic({ level: 'interchange', severity, codeList: '0085', code, message, location: { offset: this.base + position, ...(segment ? { segment } : {}) } });
  }
}

/** Where the first terminator at or after `from` that is not released stands, or -1. */
function findTerminator(text: string, from: number, delimiters: EdifactDelimiters): number {
  const { segment, release } = delimiters;
  for (let at = text.indexOf(segment, from); at >= 0; at = text.indexOf(segment, at + 1)) {
    if (release === undefined || !isReleased(text, from, at, release)) return at;
  }
  return -1;
}

/** Whether the character at `at` is released: preceded by an odd run of release characters, counted back to `from`. */
function isReleased(text: string, from: number, at: number, release: string): boolean {
  let run = 0;
  while (at - run > from && text[at - run - 1] === release) run += 1;
  return run % 2 === 1;
}

/** Whether the character after the text from `from` would be released. */
function endsReleased(text: string, from: number, delimiters: EdifactDelimiters): boolean {
  return delimiters.release !== undefined && isReleased(text, from, text.length, delimiters.release);
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
