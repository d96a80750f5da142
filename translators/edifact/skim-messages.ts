import { edifactSkimAddon } from '../native/skim-addon.js';
import { passOnSkimmed, runRecords, type SkimmedBody, type SkimmedRun, type SkimRunStart } from '../native/skimmed-run.js';
import type { EdifactDelimiters } from './delimiters.js';
import { EdifactSegment } from './segment.js';

// The lexer's fast path: messages read straight from the bytes by the native skimmer (translators/native),
// one after another while each is a UNH of one message type, version and release and clean, and passed on as
// its UNH, its body and its UNT (translators/native/skimmed-run.ts).

export interface SkimSink {
  /** `checked`: the fast path found the segment's characters all of the interchange's syntax level. */
  segment(segment: EdifactSegment, checked?: boolean): void;
  skimmedBody?(body: SkimmedBody): void;
}

/**
 * A run of messages to read: the program for them, their UNH's S009 as written, the bytes the interchange's
 * syntax level allows, and whether the first one's UNH was passed on already.
 */
export interface SkimRun extends SkimRunStart {
  readonly identifier: string;
  readonly allowed: Uint8Array;
}

/** Reads clean messages from bytes[start, end) (file offset `base` at index 0), which must stay as they are, and passes them on. */
export function skimMessages(
  run: SkimRun,
  bytes: Buffer,
  base: number,
  start: number,
  end: number,
  delimiters: EdifactDelimiters,
  words: Int32Array,
  final: boolean,
  sink: SkimSink,
): SkimmedRun {
  const messages = edifactSkimAddon.skimEdifactMessages(run.program.native, bytes, start, end, words, final, run.identifier, runRecords, run.allowed);
  const envelope = (header: boolean, from: number, to: number) => sink.segment(new EdifactSegment(header ? 'UNH' : 'UNT', bytes.toString('latin1', from, to), base + from, delimiters), true);
  return passOnSkimmed(messages, bytes, base, run, envelope, sink);
}

/** The segments of a body the fast path read, as the lexer would have passed them on one by one. */
export function bodySegments(body: SkimmedBody, delimiters: EdifactDelimiters): EdifactSegment[] {
  const { bytes, end } = body;
  const terminator = delimiters.segment.charCodeAt(0);
  const release = delimiters.release === undefined ? -1 : delimiters.release.charCodeAt(0);
  const segments: EdifactSegment[] = [];
  let start = body.start;
  for (;;) {
    while (start < end && isWhiteSpace(bytes[start] as number)) start += 1;
    if (start >= end) return segments;
    // The body is clean: every segment is a tag of three characters, then its elements or its terminator.
    let stop = bytes.indexOf(terminator, start);
    while (release >= 0 && isReleased(bytes, start, stop, release)) stop = bytes.indexOf(terminator, stop + 1);
    segments.push(new EdifactSegment(bytes.toString('latin1', start, start + 3), bytes.toString('latin1', start, stop), body.base + start, delimiters));
    start = stop + 1;
  }
}

/** Whether the byte at `at` follows an odd run of release characters, counted back to `from`. */
function isReleased(bytes: Buffer, from: number, at: number, release: number): boolean {
  let run = 0;
  while (at - run > from && bytes[at - run - 1] === release) run += 1;
  return run % 2 === 1;
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x1a || code === 0x00;
}
