import type { NativeProgram } from './skim-addon.js';

// What both lexers' fast paths share: a run of clean transaction sets or messages as the addon writes it
// (skimX12Sets, skimEdifactMessages), passed on as each one's header, its body kept as bytes until someone
// asks for its segments, and its trailer. The bytes are never made into text for the lexer.

export interface SkimProgram {
  readonly native: NativeProgram;
}

/** Segments read by the fast path, kept as bytes until someone asks for them (each standard's bodySegments). */
export interface SkimmedBody {
  /** bytes[start, end) runs from after the header's terminator to the trailer; the buffer is not changed later. */
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;
  /** Byte offset of bytes[0] in the file. */
  readonly base: number;
  /** How many segments they hold. */
  readonly count: number;
  /** The program that found the set or message clean. */
  readonly program: SkimProgram;
}

/** A run being read: the program for it, and whether its first header was passed on already. */
export interface SkimRunStart {
  readonly program: SkimProgram;
  readonly headerPassedOn: boolean;
}

export interface SkimmedRun {
  /** Why the run stopped (SkimStop). */
  readonly stop: number;
  /** Where: the header of the set or message that stopped it, or the segment after the last clean one. */
  readonly position: number;
  /** How many clean sets or messages were passed on. */
  readonly count: number;
}

/** Room for this many sets or messages per call; a run longer than that is taken up again where it stopped. */
const PER_CALL = 256;

/** The addon's `out`: why and where the run stopped, then five numbers for each clean set or message. */
export const runRecords = new Int32Array(2 + 5 * PER_CALL);

/**
 * Passes on the `count` clean sets or messages the addon has just written to runRecords, read from `bytes`
 * (file offset `base` at index 0), which must stay as they are: `envelope` is given each one's header (ST,
 * UNH) and trailer (SE, UNT) as their place in the bytes, terminator left out, and `sink` each body.
 */
export function passOnSkimmed(
  count: number,
  bytes: Buffer,
  base: number,
  run: SkimRunStart,
  envelope: (header: boolean, start: number, end: number) => void,
  sink: { skimmedBody?(body: SkimmedBody): void },
): SkimmedRun {
  for (let index = 0; index < count; index += 1) {
    const at = 2 + 5 * index;
    const headerStart = runRecords[at] as number;
    const headerEnd = runRecords[at + 1] as number;
    const trailerStart = runRecords[at + 2] as number;
    if (index > 0 || !run.headerPassedOn) envelope(true, headerStart, headerEnd);
    sink.skimmedBody?.({ bytes, start: headerEnd + 1, end: trailerStart, base, count: (runRecords[at + 4] as number) - 2, program: run.program });
    envelope(false, trailerStart, runRecords[at + 3] as number);
  }
  return { stop: runRecords[0] as number, position: runRecords[1] as number, count };
}
