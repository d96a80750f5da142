// The measuring side of the engine benchmarks: an engine's measure.ts runs one mode on one file in its own
// process, so that the peak memory is the mode's own, and prints what it counted as JSON.
import fs from 'node:fs';
import type { Diagnostic } from '../translators/diagnostic.js';

export interface Counted {
  /** Segments for a library, transaction sets or messages for our readers, terminators for the scan. */
  readonly count: number;
  /**
   * Counted for the libraries only: a segment merged with a stale piece of the previous chunk keeps the
   * segment count but not the element count.
   */
  readonly elements?: number;
}

/**
 * Loads what the mode uses and gives back the work to time. Each library is imported by its own mode only,
 * so that another mode's peak memory does not count it, and outside the timing.
 */
export type Mode = (file: string) => Promise<() => Promise<Counted>>;

/** Every mode reads the file in chunks of this size, so that a parser that mishandles a segment split across chunks shows it. */
export const CHUNK_BYTES = 256 * 1024;

export function chunks(file: string): fs.ReadStream {
  return fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
}

export function occurrences(chunk: Buffer, byte: number): number {
  let found = 0;
  for (let index = chunk.indexOf(byte); index >= 0; index = chunk.indexOf(byte, index + 1)) found += 1;
  return found;
}

/** The floor: read every byte and count the segment terminators. */
export function scan(terminator: number): Mode {
  return async (file) => async () => {
    let count = 0;
    for await (const chunk of chunks(file) as AsyncIterable<Buffer>) count += occurrences(chunk, terminator);
    return { count };
  };
}

export interface ReaderEvents {
  /** A transaction set or message handed back. */
  counted(): void;
  diagnostic(diagnostic: Diagnostic): void;
}

/**
 * Writes the file to one of our streaming readers and counts the transaction sets or messages it hands back.
 * A generated file must read clean: an error diagnostic fails the mode.
 */
export async function readClean(file: string, doing: string, create: (events: ReaderEvents) => { write(chunk: Uint8Array): void; end(): void }): Promise<Counted> {
  let count = 0;
  let errors = 0;
  let first = '';
  const reader = create({
    counted: () => void (count += 1),
    diagnostic(diagnostic) {
      if (diagnostic.severity !== 'error') return;
      errors += 1;
      first ||= diagnostic.message;
    },
  });
  for await (const chunk of chunks(file) as AsyncIterable<Buffer>) reader.write(chunk);
  reader.end();
  if (errors > 0) throw new Error(`${errors} errors ${doing} a generated file, the first: ${first}`);
  return { count };
}

/** Runs the mode named on the command line (node --import tsx MEASURE.ts MODE FILE) and prints its figures. */
export async function runMode(modes: Readonly<Record<string, Mode>>): Promise<void> {
  const [mode, file] = process.argv.slice(2) as [string, string];
  const load = Object.hasOwn(modes, mode) ? modes[mode] : undefined;
  if (!load) throw new Error(`unknown mode ${mode}`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const work = await load(file);
  const started = performance.now();
  const counted = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(JSON.stringify({ ms, ...counted, peakRssBytes: peak }));
}
