import { skimAddon, SkimStop, type NativeProgram } from '../native/skim-addon.js';
import { Segment, type X12Delimiters } from './segment.js';

// The lexer's fast path: transaction sets read straight from the bytes by the native skimmer
// (translators/native), one after another while each is an ST of one kind and clean. Each clean set is
// passed on as its ST, its body kept as bytes until someone asks for its segments, and its SE; the bytes
// are never made into text for the lexer.

export interface SkimProgram {
  readonly native: NativeProgram;
}

/** Segments read by the fast path, kept as bytes until someone asks for them (bodySegments). */
export interface SkimmedBody {
  /** bytes[start, end) runs from after the ST's terminator to the SE. */
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;
  /** Byte offset of the bytes in the file. */
  readonly offset: number;
  /** How many segments they hold. */
  readonly count: number;
  /** The program that found the set clean. */
  readonly program: SkimProgram;
}

export interface SkimSink {
  segment(segment: Segment): void;
  skimmedBody?(body: SkimmedBody): void;
}

/** A run of sets to read: the program for them, their ST01, and whether the first one's ST was passed on already. */
export interface SkimRun {
  readonly program: SkimProgram;
  readonly setId: string;
  readonly headerPassedOn: boolean;
}

export interface SkimmedSets {
  /** Why the run stopped (SkimStop). */
  readonly stop: number;
  /** Where: the ST of the set that stopped it, or the segment after the last clean set. */
  readonly position: number;
  /** How many clean sets were passed on. */
  readonly sets: number;
}

/** Room for this many sets per call; a run longer than that is taken up again where it stopped. */
const SETS_PER_CALL = 256;
const out = new Int32Array(2 + 5 * SETS_PER_CALL);
const EMPTY = Buffer.alloc(0);

/** Reads clean sets from bytes[start, end) (file offset `base` at index 0) and passes them on. */
export function skimSets(run: SkimRun, bytes: Buffer, base: number, start: number, end: number, delimiters: X12Delimiters, words: Int32Array, final: boolean, sink: SkimSink): SkimmedSets {
  const sets = skimAddon.skimX12Sets(run.program.native, bytes, start, end, words, final, run.setId, out);
  const separator = delimiters.element;
  // The bodies copied into one buffer of their size: the bytes given are reused for the chunks that follow.
  let size = 0;
  for (let index = 0; index < sets; index += 1) size += (out[4 + 5 * index] as number) - (out[3 + 5 * index] as number) - 1;
  const bodies = sets > 0 ? Buffer.allocUnsafeSlow(size) : EMPTY;
  let copied = 0;
  for (let index = 0; index < sets; index += 1) {
    const at = 2 + 5 * index;
    const headerStart = out[at] as number;
    const headerEnd = out[at + 1] as number;
    const trailerStart = out[at + 2] as number;
    const trailerEnd = out[at + 3] as number;
    if (index > 0 || !run.headerPassedOn) sink.segment(new Segment('ST', bytes.toString('latin1', headerStart, headerEnd), base + headerStart, separator));
    const length = bytes.copy(bodies, copied, headerEnd + 1, trailerStart);
    sink.skimmedBody?.({ bytes: bodies, start: copied, end: copied + length, offset: base + headerEnd + 1, count: (out[at + 4] as number) - 2, program: run.program });
    copied += length;
    sink.segment(new Segment('SE', bytes.toString('latin1', trailerStart, trailerEnd), base + trailerStart, separator));
  }
  return { stop: out[0] as number, position: out[1] as number, sets };
}

export { SkimStop };
