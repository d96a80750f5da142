import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate856 } from './generate-856.js';

const MODES = [
  { mode: 'scan', label: 'byte scan (the floor)', library: false },
  { mode: 'reader', label: 'X12 reader, envelopes checked', library: false },
  { mode: 'validate', label: 'X12 reader + validator (parse+validate)', library: false },
  { mode: 'node-x12-stream', label: 'node-x12 stream', library: true },
  { mode: 'node-x12-parse', label: 'node-x12 parse, whole file', library: true },
  { mode: 'x12-parser-stream', label: 'x12-parser stream', library: true },
];

type Run = { ms: number; count: number; elements?: number; peakRssBytes: number };

/** One run of measure.ts; a library that throws or runs out of heap is a result to report, not the end of the benchmark. */
function measure(mode: string, file: string): Run | { failed: string } {
  try {
    // A fixed heap limit, so that a parser holding the whole interchange in memory fails alike on every machine.
    const output = execFileSync(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', path.resolve('bench/x12/measure.ts'), mode, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output) as Run;
  } catch (error) {
    const { stderr, signal, status } = error as { stderr: string; signal: string | null; status: number | null };
    if (stderr.includes('heap out of memory')) return { failed: 'out of memory' };
    const thrown = stderr.split('\n').find((line) => /^\w*Error\b/.test(line));
    return { failed: thrown?.slice(0, 80) ?? (signal ? `killed by ${signal}` : `exit code ${status}`) };
  }
}

/** Segment terminators and element separators in the generated file: what a parser has to give back. */
async function separators(file: string): Promise<{ segments: number; elements: number }> {
  const occurrences = (chunk: Buffer, byte: number) => {
    let found = 0;
    for (let index = chunk.indexOf(byte); index >= 0; index = chunk.indexOf(byte, index + 1)) found += 1;
    return found;
  };
  let segments = 0;
  let elements = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    segments += occurrences(chunk, 0x7e);
    elements += occurrences(chunk, 0x2a);
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

/** Parse throughput and peak memory of the X12 reader and of two npm X12 parsers on generated 856 interchanges, beside a plain byte scan. */
export async function benchX12(report: (label: string, value: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-x12-bench-'));
  try {
    for (const megabytes of [10, 100]) {
      const file = path.join(dir, `856-${megabytes}mb.x12`);
      await generate856(file, megabytes);
      const size = fs.statSync(file).size;
      const expected = await separators(file);
      for (const { mode, label, library } of MODES) {
        // Best of three: these machines share their cores, and a single run can be off by half. A failure or a wrong
        // result is the same every time, so it ends the runs.
        const runs: Run[] = [];
        let note: string | undefined;
        while (runs.length < 3 && note === undefined) {
          const run = measure(mode, file);
          if ('failed' in run) {
            note = `failed: ${run.failed}`;
          } else {
            runs.push(run);
            if (library) note = mismatch(run, expected);
          }
        }
        const ms = Math.min(...runs.map((run) => run.ms));
        const peak = Math.max(...runs.map((run) => run.peakRssBytes));
        report(`${megabytes} MB 856: ${label}`, note ?? `${(size / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s (best of 3), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`);
      }
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
