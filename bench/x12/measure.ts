// One measurement in its own process, so its peak memory is its own: node --import tsx measure.ts MODE FILE
import fs from 'node:fs';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';

const [mode, file] = process.argv.slice(2) as [string, string];
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
let count = 0;

if (mode === 'scan') {
  // The floor: read every byte and count segment terminators.
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(0x7e); index >= 0; index = chunk.indexOf(0x7e, index + 1)) count += 1;
  }
} else if (mode === 'reader') {
  let errors = 0;
  const reader = createX12Reader({ transactionSet: () => void (count += 1), diagnostic: (d) => void (d.severity === 'error' && (errors += 1)) });
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) reader.write(chunk);
  reader.end();
  if (errors > 0) throw new Error(`${errors} errors reading a generated file`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(JSON.stringify({ ms, count, peakRssBytes: peak }));
