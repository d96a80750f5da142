import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate856 } from './generate-856.js';

/** Parse throughput and peak memory of the X12 reader on generated 856 interchanges, beside a plain byte scan. */
export async function benchX12(report: (label: string, value: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-x12-bench-'));
  try {
    for (const megabytes of [10, 100]) {
      const file = path.join(dir, `856-${megabytes}mb.x12`);
      await generate856(file, megabytes);
      const size = fs.statSync(file).size;
      for (const mode of ['scan', 'reader']) {
        // Best of three: these machines share their cores, and a single run can be off by half.
        const runs = [1, 2, 3].map(() => {
          const output = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('bench/x12/measure.ts'), mode, file], { encoding: 'utf8' });
          return JSON.parse(output) as { ms: number; peakRssBytes: number };
        });
        const ms = Math.min(...runs.map((run) => run.ms));
        const peak = Math.max(...runs.map((run) => run.peakRssBytes));
        const label = mode === 'scan' ? 'byte scan (the floor)' : 'X12 reader, envelopes checked';
        report(`${megabytes} MB 856: ${label}`, `${(size / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s (best of 3), peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`);
      }
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
