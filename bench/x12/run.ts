import { fileURLToPath } from 'node:url';
import { benchEngine, type Report } from '../child-measure.js';
import { generate856 } from './generate-856.js';

/** Parse throughput and peak memory of the X12 reader and of two npm X12 parsers on generated 856 interchanges, beside a plain byte scan. */
export function benchX12(report: Report): Promise<void> {
  return benchEngine(report, {
    document: '856',
    generate: generate856,
    script: fileURLToPath(new URL('measure.ts', import.meta.url)),
    syntax: { terminator: 0x7e, separator: 0x2a },
    modes: [
      { mode: 'scan', label: 'byte scan (the floor)', library: false, large: true },
      { mode: 'reader', label: 'X12 reader, envelopes checked, every segment passed on (no fast path)', library: false },
      { mode: 'validate', label: 'X12 reader + validator (parse+validate; target 100 MB/s, peak RSS < 143 MiB, i.e. 150 MB)', library: false, large: true },
      { mode: 'node-x12-stream', label: 'node-x12 stream', library: true },
      { mode: 'node-x12-parse', label: 'node-x12 parse, whole file', library: true },
      { mode: 'x12-parser-stream', label: 'x12-parser stream', library: true },
    ],
  });
}
