// One measurement in its own process, so its peak memory is its own: node --import tsx measure.ts MODE FILE
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { X12Parser, type X12Segment } from 'node-x12';
import { X12parser, type FormattedSegment } from 'x12-parser';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader } from '../../translators/x12/validating-reader.js';

const [mode, file] = process.argv.slice(2) as [string, string];
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
let count = 0;
// Counted for the libraries only: a segment merged with a stale piece of the previous chunk keeps the segment count
// but not the element count.
let elements: number | undefined;

// The libraries get the chunks our reader gets, so one that mishandles a segment split across chunks shows it.
const chunks = () => fs.createReadStream(file, { highWaterMark: 256 * 1024 });
const consume = <T>(elementsOf: (segment: T) => number) => async (segments: AsyncIterable<T> | Iterable<T>) => {
  elements = 0;
  for await (const segment of segments) {
    count += 1;
    elements += elementsOf(segment);
  }
};
// x12-parser keys a segment's elements '1', '2', … and their components '1-1', '1-2', …, beside its name.
const x12ParserElements = (segment: FormattedSegment) => {
  let keys = 0;
  for (const key in segment) if (key !== 'name' && !key.includes('-')) keys += 1;
  return keys;
};

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
} else if (mode === 'validate') {
  // Parse and validate: every transaction set checked against the 004010 856 definition, as the gateway does.
  let errors = 0;
  let first = '';
  const reader = createValidatingReader(
    { transactionSet: () => void (count += 1), diagnostic: (d) => void (d.severity === 'error' && (errors += 1, (first ||= d.message))) },
    { specs: compiledSpecFor },
  );
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) reader.write(chunk);
  reader.end();
  if (errors > 0) throw new Error(`${errors} errors validating a generated file, the first: ${first}`);
} else if (mode === 'node-x12-stream') {
  await pipeline(chunks(), new X12Parser(), consume((segment: X12Segment) => segment.elements.length));
} else if (mode === 'node-x12-parse') {
  const parsed = new X12Parser().parse(await fs.promises.readFile(file, 'utf8'));
  const segments = ('interchanges' in parsed ? parsed.interchanges : [parsed]).flatMap((interchange) => [
    interchange.header,
    ...interchange.functionalGroups.flatMap((group) => [group.header, ...group.transactions.flatMap((set) => [set.header, ...set.segments, set.trailer]), group.trailer]),
    interchange.trailer,
  ]);
  // A header or trailer the parser did not find is undefined there, and must count as missing.
  await consume((segment: X12Segment) => segment.elements.length)(segments.filter(Boolean));
} else if (mode === 'x12-parser-stream') {
  await pipeline(chunks(), new X12parser(), consume(x12ParserElements));
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.stdout.write(JSON.stringify({ ms, count, elements, peakRssBytes: peak }));
