// The reporting side of the engine benchmarks: generate an interchange, measure each mode in a child process
// (bench/measure-mode.ts), keep the best of three, and check what each npm parser gave back against the file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { occurrences } from './measure-mode.js';

export type Report = (label: string, value: string) => void;

export interface BenchMode {
  readonly mode: string;
  readonly label: string;
  /** An npm parser: its segment and element counts are checked against the file's. */
  readonly library: boolean;
  /** Measured on the 1 GB interchange too: bounded memory is what a file that size shows. */
  readonly large?: boolean;
}

/** The delimiters the generator writes, as bytes. */
export interface Syntax {
  readonly terminator: number;
  readonly separator: number;
  /** EDIFACT's release character: the byte after it is data, not a delimiter. */
  readonly release?: number;
  /** Bytes at the start of the file that no parser reports as a segment: EDIFACT's UNA. */
  readonly leading?: number;
}

export interface EngineBench {
  /** The document the report lines name: 856, DESADV. */
  readonly document: string;
  readonly generate: (file: string, megabytes: number) => Promise<void>;
  /** The measure.ts that runs one mode, through bench/measure-mode.ts. */
  readonly script: string;
  readonly modes: readonly BenchMode[];
  readonly syntax: Syntax;
}

type Run = { ms: number; count: number; elements?: number; peakRssBytes: number };

/** One run of the measure script; a library that throws or runs out of heap is a result to report, not the end of the benchmark. */
function measure(script: string, mode: string, file: string): Run | { failed: string } {
  try {
    // A fixed heap limit, so that a parser holding the whole interchange in memory fails alike on every machine,
    // and the young generation the gateway runs with (bin/edi-gateway.js).
    const output = execFileSync(process.execPath, ['--max-old-space-size=2048', '--max-semi-space-size=1', '--import', 'tsx', script, mode, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Run;
  } catch (error) {
    const { stderr, signal, status } = error as { stderr: string; signal: string | null; status: number | null };
    if (stderr.includes('heap out of memory')) return { failed: 'out of memory' };
    const thrown = stderr.split('\n').find((line) => /^\w*Error\b/.test(line));
    return { failed: thrown?.slice(0, 80) ?? (signal ? `killed by ${signal}` : `exit code ${status}`) };
  }
}

/** Segment terminators and element separators in the generated file: what a parser has to give back. */
async function separators(file: string, syntax: Syntax): Promise<{ segments: number; elements: number }> {
  const { terminator, separator, release } = syntax;
  let segments = 0;
  let elements = 0;
  const asData = (byte: number | undefined) => {
    if (byte === terminator) segments -= 1;
    else if (byte === separator) elements -= 1;
  };
  // A release character at the end of a chunk releases the first byte of the next.
  let carried = false;
  for await (const chunk of fs.createReadStream(file, { start: syntax.leading ?? 0 }) as AsyncIterable<Buffer>) {
    segments += occurrences(chunk, terminator);
    elements += occurrences(chunk, separator);
    if (release === undefined) continue;
    let from = 0;
    if (carried) {
      asData(chunk[0]);
      from = 1;
    }
    carried = false;
    // Skipping the released byte too, so that a released release character releases nothing.
    for (let at = chunk.indexOf(release, from); at >= 0; at = chunk.indexOf(release, at + 2)) {
      if (at + 1 === chunk.length) carried = true;
      else asData(chunk[at + 1]);
    }
  }
  return { segments, elements };
}

/** What a library gave back differently from the file, as a note for its report line; undefined when it matches. */
function mismatch(run: Run, expected: { segments: number; elements: number }): string | undefined {
  const counts = [
    ['segments', run.count, expected.segments],
    ['elements', run.elements ?? 0, expected.elements],
  ] as const;
  const wrong = counts.filter(([, got, want]) => got !== want).map(([what, got, want]) => `${what}: ${got.toLocaleString('en-US')} of ${want.toLocaleString('en-US')}`);
  return wrong.length > 0 ? wrong.join(', ') : undefined;
}

/**
 * Throughput and peak memory of every mode on generated 10 MB and 100 MB interchanges, and of the modes marked
 * large on a 1 GB one, one report line each.
 */
export async function benchEngine(report: Report, bench: EngineBench): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-'));
  try {
    for (const megabytes of [10, 100, 1000]) {
      const modes = megabytes === 1000 ? bench.modes.filter((mode) => mode.large) : bench.modes;
      if (modes.length === 0) continue;
      const file = path.join(dir, `${bench.document}-${megabytes}mb`);
      await bench.generate(file, megabytes);
      const size = fs.statSync(file).size;
      const expected = await separators(file, bench.syntax);
      for (const { mode, label, library } of modes) {
        // Best of three: these machines share their cores, and a single run can be off by half. A failure or a wrong
        // result is the same every time, so it ends the runs.
        const runs: Run[] = [];
        let note: string | undefined;
        while (runs.length < 3 && note === undefined) {
          const run = measure(bench.script, mode, file);
          if ('failed' in run) {
            note = `failed: ${run.failed}`;
          } else {
            runs.push(run);
            if (library) note = mismatch(run, expected);
          }
        }
        const ms = Math.min(...runs.map((run) => run.ms));
        const peak = Math.max(...runs.map((run) => run.peakRssBytes));
        report(`${megabytes} MB ${bench.document}: ${label}`, note ?? `${(size / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s (best of 3), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`);
      }
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
