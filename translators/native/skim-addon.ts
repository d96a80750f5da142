import { createRequire } from 'node:module';

// The native fast path (translators/native/src), built by `npm install` with node-gyp: one addon for X12,
// one for EDIFACT. A transaction set or message read by it in one pass and found clean needs nothing from the
// TypeScript validator; any other is validated there.

/** A compiled spec held by the addon; made by compileProgram, freed with the last reference to it. */
export type NativeProgram = { readonly __nativeProgram: unique symbol };

/** Why a run of sets or messages stopped (out[0] of skimX12Sets and skimEdifactMessages). */
export const SkimStop = { other: 0, notClean: 1, incomplete: 2, full: 3 } as const;

interface SkimAddon {
  compileProgram(words: Int32Array): NativeProgram;
  /**
   * Reads the sets that follow one another from the ST at `start` within bytes[start, end), while each is
   * an ST with ST01 `setId` and clean; returns how many were. out[0] says why it stopped (SkimStop), out[1]
   * where (the ST that stopped it, or the segment after the last clean set); then five numbers per clean
   * set: ST start, ST terminator, SE start, SE terminator, segments ST to SE. Incomplete: the bytes may go
   * on in the next chunk (never when `final`).
   */
  skimX12Sets(program: NativeProgram, bytes: Uint8Array, start: number, end: number, delimiters: Int32Array, final: boolean, setId: string, out: Int32Array): number;
  /** Whether a segment (latin1 text without terminator) certainly has no element problem under definition `index`. */
  x12SegmentClean(program: NativeProgram, index: number, text: string, delimiters: Int32Array): boolean;
}

/**
 * EDIFACT's own addon (src/edifact-skim.cc), holding the programs it compiles: a program is read by the
 * addon that compiled it.
 */
interface EdifactSkimAddon {
  compileProgram(words: Int32Array): NativeProgram;
  /**
   * Reads the messages that follow one another from the UNH at `start` within bytes[start, end), while each
   * is a UNH whose S009 is written `identifier` and clean, its characters all `allowed` (256 bytes, not zero
   * for each byte the syntax level certainly allows as data); returns how many were. out[0] says why it
   * stopped (SkimStop), out[1] where (the UNH that stopped it, or the segment after the last clean message);
   * then five numbers per clean message: UNH start, UNH terminator, UNT start, UNT terminator, segments UNH
   * to UNT. Delimiters: element, component, repetition, release, terminator (-1 for none).
   */
  skimEdifactMessages(program: NativeProgram, bytes: Uint8Array, start: number, end: number, delimiters: Int32Array, final: boolean, identifier: string, out: Int32Array, allowed: Uint8Array): number;
  /** Whether a segment (latin1 text without terminator) certainly has no data element problem under definition `index`. */
  edifactSegmentClean(program: NativeProgram, index: number, text: string, delimiters: Int32Array): boolean;
}

function load<A>(file: string): A {
  const require = createRequire(import.meta.url);
  try {
    return require(`./build/Release/${file}`) as A;
  } catch (error) {
    throw new Error(
      `The native validator (translators/native) is not built: ${(error as Error).message.split('\n')[0]}. Run \`npm install\` (it builds it with node-gyp, which needs python3, make and g++).`,
    );
  }
}

export const skimAddon: SkimAddon = load('skim.node');

export const edifactSkimAddon: EdifactSkimAddon = load('edifact_skim.node');
