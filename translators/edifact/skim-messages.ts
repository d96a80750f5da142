import { edifactSkimAddon, SkimStop, type NativeProgram } from '../native/skim-addon.js';
import type { EdifactDelimiters } from './delimiters.js';
import { EdifactSegment } from './segment.js';

// The lexer's fast path: messages read straight from the bytes by the native skimmer (translators/native),
// one after another while each is a UNH of one message type, version and release and clean. Each clean
// message is passed on as its UNH, its body kept as bytes until someone asks for its segments, and its UNT;
// the bytes are never made into text for the lexer.

export interface SkimProgram {
  readonly native: NativeProgram;
}

/** Segments read by the fast path, kept as bytes until someone asks for them (bodySegments). */
export interface SkimmedBody {
  /** bytes[start, end) runs from after the UNH's terminator to the UNT; the buffer is not changed later. */
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;
  /** Byte offset of bytes[0] in the file. */
  readonly base: number;
  /** How many segments they hold. */
  readonly count: number;
  /** The program that found the message clean. */
  readonly program: SkimProgram;
}

export interface SkimSink {
  /** `checked`: the fast path found the segment's characters all of the interchange's syntax level. */
  segment(segment: EdifactSegment, checked?: boolean): void;
  skimmedBody?(body: SkimmedBody): void;
}

/**
 * A run of messages to read: the program for them, their UNH's S009 as written, the bytes the interchange's
 * syntax level allows, and whether the first one's UNH was passed on already.
 */
export interface SkimRun {
  readonly program: SkimProgram;
  readonly identifier: string;
  readonly allowed: Uint8Array;
  readonly headerPassedOn: boolean;
}

export interface SkimmedMessages {
  /** Why the run stopped (SkimStop). */
  readonly stop: number;
  /** Where: the UNH of the message that stopped it, or the segment after the last clean message. */
  readonly position: number;
  /** How many clean messages were passed on. */
  readonly messages: number;
}

/** Room for this many messages per call; a run longer than that is taken up again where it stopped. */
const MESSAGES_PER_CALL = 256;
const out = new Int32Array(2 + 5 * MESSAGES_PER_CALL);

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
): SkimmedMessages {
  const messages = edifactSkimAddon.skimEdifactMessages(run.program.native, bytes, start, end, words, run.allowed, final, run.identifier, out);
  for (let index = 0; index < messages; index += 1) {
    const at = 2 + 5 * index;
    const headerStart = out[at] as number;
    const headerEnd = out[at + 1] as number;
    const trailerStart = out[at + 2] as number;
    const trailerEnd = out[at + 3] as number;
    if (index > 0 || !run.headerPassedOn) sink.segment(new EdifactSegment('UNH', bytes.toString('latin1', headerStart, headerEnd), base + headerStart, delimiters), true);
    sink.skimmedBody?.({ bytes, start: headerEnd + 1, end: trailerStart, base, count: (out[at + 4] as number) - 2, program: run.program });
    sink.segment(new EdifactSegment('UNT', bytes.toString('latin1', trailerStart, trailerEnd), base + trailerStart, delimiters), true);
  }
  return { stop: out[0] as number, position: out[1] as number, messages };
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

export { SkimStop };
