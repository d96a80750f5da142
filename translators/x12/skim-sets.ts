import { skimAddon } from '../native/skim-addon.js';
import { passOnSkimmed, runRecords, type SkimmedBody, type SkimmedRun, type SkimRunStart } from '../native/skimmed-run.js';
import { Segment, type X12Delimiters } from './segment.js';

// The lexer's fast path: transaction sets read straight from the bytes by the native skimmer
// (translators/native), one after another while each is an ST of one kind and clean, and passed on as its
// ST, its body and its SE (translators/native/skimmed-run.ts).

export interface SkimSink {
  segment(segment: Segment): void;
  skimmedBody?(body: SkimmedBody): void;
}

/** A run of sets to read: the program for them, their ST01, and whether the first one's ST was passed on already. */
export interface SkimRun extends SkimRunStart {
  readonly setId: string;
}

/** Reads clean sets from bytes[start, end) (file offset `base` at index 0), which must stay as they are, and passes them on. */
export function skimSets(run: SkimRun, bytes: Buffer, base: number, start: number, end: number, delimiters: X12Delimiters, words: Int32Array, final: boolean, sink: SkimSink): SkimmedRun {
  const sets = skimAddon.skimX12Sets(run.program.native, bytes, start, end, words, final, run.setId, runRecords);
  const separator = delimiters.element;
  const envelope = (header: boolean, from: number, to: number) => sink.segment(new Segment(header ? 'ST' : 'SE', bytes.toString('latin1', from, to), base + from, separator));
  return passOnSkimmed(sets, bytes, base, run, envelope, sink);
}
