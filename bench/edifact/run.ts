import { fileURLToPath } from 'node:url';
import { benchEngine, type Report } from '../child-measure.js';
import { generateDesadv, UNA } from './generate-desadv.js';

/** Parse throughput and peak memory of the EDIFACT reader and of two npm EDIFACT parsers on generated DESADV interchanges, beside a plain byte scan. */
export function benchEdifact(report: Report): Promise<void> {
  return benchEngine(report, {
    document: 'DESADV',
    generate: generateDesadv,
    script: fileURLToPath(new URL('measure.ts', import.meta.url)),
    syntax: { terminator: 0x27, separator: 0x2b, release: 0x3f, leading: UNA.length },
    modes: [
      { mode: 'scan', label: 'byte scan (the floor)', library: false, large: true },
      { mode: 'reader', label: 'EDIFACT reader, envelopes checked (no fast path)', library: false },
      { mode: 'validate', label: 'EDIFACT reader + validator (parse+validate; target 100 MB/s, peak RSS < 143 MiB, i.e. 150 MB)', library: false, large: true },
      { mode: 'edifact', label: 'edifact stream, validation off', library: true },
      { mode: 'ts-edifact', label: 'ts-edifact stream, validation off', library: true },
    ],
  });
}
