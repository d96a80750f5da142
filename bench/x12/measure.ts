// One measurement of the X12 engine or an npm X12 parser: node --import tsx measure.ts MODE FILE
import fs from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { X12Segment } from 'node-x12';
import type { FormattedSegment } from 'x12-parser';
import { chunks, readClean, runMode, scan } from '../measure-mode.js';

/** Counts segments and their elements as a library gives them back. */
function tally<T>(elementsOf: (segment: T) => number) {
  const counted = { count: 0, elements: 0 };
  const consume = async (segments: AsyncIterable<T> | Iterable<T>) => {
    for await (const segment of segments) {
      counted.count += 1;
      counted.elements += elementsOf(segment);
    }
  };
  return { counted, consume };
}

/** A library's stream parser fed the file's chunks, the segments it gives back counted. */
function streamed<T>(file: string, parser: () => Transform, elementsOf: (segment: T) => number) {
  return async () => {
    const { counted, consume } = tally(elementsOf);
    await pipeline(chunks(file), parser(), consume);
    return counted;
  };
}

const nodeX12Elements = (segment: X12Segment) => segment.elements.length;

// x12-parser keys a segment's elements '1', '2', … and their components '1-1', '1-2', …, beside its name.
const x12ParserElements = (segment: FormattedSegment) => {
  let keys = 0;
  for (const key in segment) if (key !== 'name' && !key.includes('-')) keys += 1;
  return keys;
};

await runMode({
  scan: scan(0x7e),
  async reader(file) {
    const { createX12Reader } = await import('../../translators/x12/envelope-reader.js');
    return () => readClean(file, 'reading', ({ counted, diagnostic }) => createX12Reader({ transactionSet: counted, diagnostic }));
  },
  // Parse and validate: every transaction set checked against the 004010 856 definition, as the gateway does.
  async validate(file) {
    const { compiledSpecFor } = await import('../../translators/x12/specs/registry.js');
    const { createValidatingReader } = await import('../../translators/x12/validating-reader.js');
    return () => readClean(file, 'validating', ({ counted, diagnostic }) => createValidatingReader({ transactionSet: counted, diagnostic }, { specs: compiledSpecFor }));
  },
  async 'node-x12-stream'(file) {
    const { X12Parser } = await import('node-x12');
    return streamed(file, () => new X12Parser(), nodeX12Elements);
  },
  async 'node-x12-parse'(file) {
    const { X12Parser } = await import('node-x12');
    return async () => {
      const parsed = new X12Parser().parse(await fs.promises.readFile(file, 'utf8'));
      const segments = ('interchanges' in parsed ? parsed.interchanges : [parsed]).flatMap((interchange) => [
        interchange.header,
        ...interchange.functionalGroups.flatMap((group) => [group.header, ...group.transactions.flatMap((set) => [set.header, ...set.segments, set.trailer]), group.trailer]),
        interchange.trailer,
      ]);
      // A header or trailer the parser did not find is undefined there, and must count as missing.
      const { counted, consume } = tally(nodeX12Elements);
      await consume(segments.filter(Boolean));
      return counted;
    };
  },
  async 'x12-parser-stream'(file) {
    const { X12parser } = await import('x12-parser');
    return streamed(file, () => new X12parser(), x12ParserElements);
  },
});
