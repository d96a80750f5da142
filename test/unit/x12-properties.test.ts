import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { acknowledge, type AckPolicy } from '../../translators/acks/acknowledge.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { createX12Reader, type X12Reader } from '../../translators/x12/envelope-reader.js';
import type { Segment, X12Delimiters } from '../../translators/x12/segment.js';
import { DelimiterInDataError, serializeInterchange, writeSegmentData, type ElementValue } from '../../translators/x12/serialize.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader, type InterchangeOutcome } from '../../translators/x12/validating-reader.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';
import { BASE_BYTES, changedProperties, cpuMicros, layoutOf, prototypeSnapshot, REPETITIONS, type Layout } from '../helpers/property-checks.js';

// Property tests of the X12 engine on mutated corpus files: reading, validating, acknowledging and
// serializing never throw an untyped exception, never change the built-in prototypes, and take time
// linear in the size of the input. Failures print fast-check's shrunk counterexample and its seed.

interface CorpusFile {
  readonly name: string;
  readonly text: string;
  /** Of its first interchange, with ^ where it has no repetition separator; the common ones where it has no interchange. */
  readonly delimiters: Required<X12Delimiters>;
}

const COMMON_DELIMITERS: Required<X12Delimiters> = { element: '*', component: '>', repetition: '^', segment: '~' };

const corpus: CorpusFile[] = corpusEntries('x12/')
  .map((entry) => entry.name)
  .map((file) => {
    const bytes = fs.readFileSync(path.join(CORPUS, file));
    let found: X12Delimiters | undefined;
    const reader = createX12Reader({ interchange: (header) => void (found ??= header.delimiters) });
    reader.write(bytes);
    reader.end();
    const delimiters = found ? { ...found, repetition: found.repetition ?? COMMON_DELIMITERS.repetition } : COMMON_DELIMITERS;
    return { name: file, text: bytes.toString('latin1'), delimiters };
  });
const byName = new Map(corpus.map((file) => [file.name, file]));

// Mutations, applied to a file's text (latin1: one character per byte).

/** Names a segment: the index-th of all, or the index-th with that tag when the text has one. */
interface SegmentRef {
  readonly index: number;
  readonly tag: string | undefined;
}

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicateSegment'; readonly segment: SegmentRef }
  | { readonly kind: 'deleteSegment'; readonly segment: SegmentRef }
  | { readonly kind: 'swapSegments'; readonly segment: SegmentRef; readonly other: SegmentRef }
  | { readonly kind: 'longElement'; readonly segment: SegmentRef; readonly element: number; readonly length: number; readonly pattern: string }
  | { readonly kind: 'insertDelimiter'; readonly at: number; readonly delimiter: keyof X12Delimiters }
  | { readonly kind: 'redefineDelimiter'; readonly delimiter: keyof X12Delimiters; readonly to: string }
  | { readonly kind: 'tokenElement'; readonly segment: SegmentRef; readonly element: number; readonly token: string }
  | { readonly kind: 'tokenSegment'; readonly segment: SegmentRef; readonly token: string; readonly replaceTag: boolean };

/** Names that mean something to a plain object: data must never reach them as keys. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'] as const;

// The ISA (106 bytes) fixes the delimiters, so byte-level mutations land there more often.
const position = fc.oneof(fc.nat({ max: 120 }), fc.nat());
const segmentRef = fc.record({ index: fc.nat(), tag: fc.constantFrom(undefined, 'ISA', 'GS', 'ST', 'SE', 'GE', 'IEA') });
const token = fc.constantFrom(...PROTOTYPE_NAMES);
const tokenMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('tokenElement'), segment: segmentRef, element: fc.nat({ max: 20 }), token }),
  fc.record({ kind: fc.constant('tokenSegment'), segment: segmentRef, token, replaceTag: fc.boolean() }),
);
/** The ISA's own definition of a delimiter changed, so that the rest of the file reads differently. */
const redefineDelimiter: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('redefineDelimiter'),
  delimiter: fc.constantFrom('element', 'component', 'repetition', 'segment'),
  to: fc.oneof(fc.constantFrom('~', '*', '|', '^', ':', '>', '\n', '\r', ' ', 'A', '0', '\x07', '\x1c'), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 })),
});
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('insert'), at: position, bytes: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete'), at: position, length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateSegment'), segment: segmentRef }),
  fc.record({ kind: fc.constant('deleteSegment'), segment: segmentRef }),
  fc.record({ kind: fc.constant('swapSegments'), segment: segmentRef, other: segmentRef }),
  fc.record({
    kind: fc.constant('longElement'),
    segment: segmentRef,
    element: fc.nat({ max: 20 }),
    length: fc.integer({ min: 100, max: 5000 }),
    pattern: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('insertDelimiter'), at: position, delimiter: fc.constantFrom('element', 'component', 'repetition', 'segment') }),
  redefineDelimiter,
  tokenMutation,
);

/** The text cut after each segment terminator (and the line break after it): joined, the text again. */
function segmentsOf(text: string, terminator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf(terminator, start);
    if (end < 0) break;
    let next = end + terminator.length;
    while (text[next] === '\r' || text[next] === '\n') next += 1;
    parts.push(text.slice(start, next));
    start = next;
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

function tagOf(part: string, separator: string): string {
  const text = part.trimStart();
  const end = text.indexOf(separator);
  return end < 0 ? text : text.slice(0, end);
}

function resolve(parts: readonly string[], ref: SegmentRef, separator: string): number {
  const tagged = ref.tag === undefined ? [] : parts.flatMap((part, index) => (tagOf(part, separator) === ref.tag ? [index] : []));
  return tagged.length > 0 ? (tagged[ref.index % tagged.length] as number) : ref.index % parts.length;
}

/** Replaces element `position` of a segment (0 is the tag; one past the last appends an element). */
function withElement(part: string, position: number, value: string, delimiters: Required<X12Delimiters>): string {
  const end = part.indexOf(delimiters.segment);
  const body = end < 0 ? part : part.slice(0, end);
  const elements = body.split(delimiters.element);
  elements[position % (elements.length + 1)] = value;
  return elements.join(delimiters.element) + (end < 0 ? '' : part.slice(end));
}

/** Where the first ISA of the text defines a delimiter: after ISA, ISA11, ISA16, and the character after ISA16. */
function isaDelimiterAt(text: string, delimiter: keyof X12Delimiters): [number, number] | undefined {
  const isa = text.indexOf('ISA');
  const separator = isa < 0 ? undefined : text[isa + 3];
  if (separator === undefined) return undefined;
  const separators = [isa + 3];
  while (separators.length < 16) {
    const next = text.indexOf(separator, (separators.at(-1) as number) + 1);
    if (next < 0) return undefined;
    separators.push(next);
  }
  const [isa11, isa12, isa16] = [separators[10], separators[11], separators[15]] as [number, number, number];
  if (delimiter === 'element') return [isa + 3, isa + 4];
  if (delimiter === 'repetition') return [isa11 + 1, isa12];
  return delimiter === 'component' ? [isa16 + 1, isa16 + 2] : [isa16 + 2, isa16 + 3];
}

function mutate(text: string, change: Mutation, delimiters: Required<X12Delimiters>): string {
  const at = (value: number) => value % (text.length + 1);
  switch (change.kind) {
    case 'flip': {
      if (text.length === 0) return text;
      const index = change.at % text.length;
      return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ change.mask) + text.slice(index + 1);
    }
    case 'insert':
      return text.slice(0, at(change.at)) + change.bytes + text.slice(at(change.at));
    case 'delete':
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case 'truncate':
      return text.slice(0, at(change.at));
    case 'insertDelimiter':
      return text.slice(0, at(change.at)) + delimiters[change.delimiter] + text.slice(at(change.at));
    case 'redefineDelimiter': {
      const range = isaDelimiterAt(text, change.delimiter);
      return range ? text.slice(0, range[0]) + change.to + text.slice(range[1]) : text;
    }
  }
  const parts = segmentsOf(text, delimiters.segment);
  if (parts.length === 0) return text;
  const index = resolve(parts, change.segment, delimiters.element);
  const target = parts[index] as string;
  switch (change.kind) {
    case 'duplicateSegment':
      parts.splice(index, 0, target);
      break;
    case 'deleteSegment':
      parts.splice(index, 1);
      break;
    case 'swapSegments': {
      const other = resolve(parts, change.other, delimiters.element);
      parts[index] = parts[other] as string;
      parts[other] = target;
      break;
    }
    case 'longElement':
      parts[index] = withElement(target, change.element, change.pattern.repeat(Math.ceil(change.length / change.pattern.length)), delimiters);
      break;
    case 'tokenElement':
      parts[index] = withElement(target, change.element, change.token, delimiters);
      break;
    case 'tokenSegment':
      if (change.replaceTag) parts[index] = withElement(target, 0, change.token, delimiters);
      else parts.splice(index, 0, `${change.token}${delimiters.element}${change.token}${delimiters.segment}\n`);
      break;
  }
  return parts.join('');
}

const mutateAll = (text: string, changes: readonly Mutation[], delimiters: Required<X12Delimiters>) =>
  changes.reduce((mutated, change) => mutate(mutated, change, delimiters), text);

// The gateway's path for an inbound file: read and validate, then acknowledge each interchange.

const NOW = new Date(Date.UTC(2025, 0, 7, 13, 5));

/** Writes `bytes` in chunks of `chunkSizes` in turn, then ends. */
function feed(reader: X12Reader, bytes: Buffer, chunkSizes: readonly number[]): void {
  for (let start = 0, chunk = 0; start < bytes.length; chunk += 1) {
    const size = chunkSizes[chunk % chunkSizes.length] as number;
    reader.write(bytes.subarray(start, start + size));
    start += size;
  }
  reader.end();
}

interface Validated {
  readonly diagnostics: Diagnostic[];
  readonly outcomes: InterchangeOutcome[];
}

function readValidated(bytes: Buffer, chunkSizes: readonly number[]): Validated {
  const validated: Validated = { diagnostics: [], outcomes: [] };
  const reader = createValidatingReader(
    { diagnostic: (diagnostic) => void validated.diagnostics.push(diagnostic), interchangeEnd: (outcome) => void validated.outcomes.push(outcome) },
    { specs: compiledSpecFor, collectOutcomes: true },
  );
  feed(reader, bytes, chunkSizes);
  return validated;
}

/** The acknowledgments, made and written as the gateway sends them; the text itself is not looked at. */
async function writeAcknowledgments(outcomes: readonly InterchangeOutcome[], policy: AckPolicy): Promise<void> {
  const allocator = createMemoryAllocator();
  for (const outcome of outcomes) {
    const answer = acknowledge(outcome, NOW, policy);
    if (answer) await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, lineEnding: '\n', allocator, partner: 'property', now: NOW });
  }
}

async function processFile(bytes: Buffer, chunkSizes: readonly number[], policy: AckPolicy): Promise<void> {
  await writeAcknowledgments(readValidated(bytes, chunkSizes).outcomes, policy);
}

const chunkSize = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 65536 }));
const chunking = fc.array(chunkSize, { minLength: 1, maxLength: 4 });
const policy: fc.Arbitrary<AckPolicy> = fc.record({ functionalAck: fc.constantFrom(undefined, '997' as const, '999' as const), ta1OnlyWhenRequested: fc.boolean() });
const fileName = fc.constantFrom(...corpus.map((file) => file.name));

/**
 * `run`'s result, or undefined when it throws a typed error: an Error with a string `code`, which the caller
 * can report; anything else is thrown on. DelimiterInDataError is not one here: the acknowledgment is the
 * gateway's own text, so a value of a broken file that its delimiters cannot carry must be left out of it,
 * as AK404's copy of the bad data is; refusing would leave the broken file, the one that most needs an
 * answer, without any.
 */
async function typed<T>(run: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string' || error instanceof DelimiterInDataError) throw error;
    return undefined;
  }
}

function checkDiagnostic(diagnostic: Diagnostic, length: number): void {
  for (const field of [diagnostic.codeList, diagnostic.code, diagnostic.message]) {
    expect(typeof field).toBe('string');
    expect(field.length).toBeGreaterThan(0);
  }
  expect(Number.isInteger(diagnostic.location.offset)).toBe(true);
  expect(diagnostic.location.offset).toBeGreaterThanOrEqual(0);
  expect(diagnostic.location.offset).toBeLessThan(length);
}

// Built-in prototypes, to see that no value read from a file was written onto one.

// Linear time: the transaction sets of a file repeated, everything else the same.

const layouts = new Map(
  corpus.flatMap((file) => {
    const parts = segmentsOf(file.text, file.delimiters.segment);
    const layout = layoutOf(parts, parts.map((part) => tagOf(part, file.delimiters.element)), 'ST', 'SE');
    return layout ? [[file.name, layout] as const] : [];
  }),
);


describe('X12 engine properties (fast-check, mutated corpus files)', () => {
  it('has the X12 part of the corpus at hand', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(layouts.size).toBeGreaterThan(250);
  });

  it('reads, validates, acknowledges and serializes any mutation without an untyped exception, with every diagnostic well formed', async () => {
    await fc.assert(
      fc.asyncProperty(fileName, fc.array(mutation, { minLength: 1, maxLength: 4 }), chunking, policy, async (name, changes, chunkSizes, ackPolicy) => {
        const file = byName.get(name) as CorpusFile;
        const bytes = Buffer.from(mutateAll(file.text, changes, file.delimiters), 'latin1');
        const validated = await typed(() => readValidated(bytes, chunkSizes));
        for (const diagnostic of validated?.diagnostics ?? []) checkDiagnostic(diagnostic, bytes.length);
        if (validated) await typed(() => writeAcknowledgments(validated.outcomes, ackPolicy));
      }),
      { numRuns: 500 },
    );
  });

  it('reads any mutation in chunks of any sizes exactly as in one piece', () => {
    fc.assert(
      fc.property(fileName, fc.array(mutation, { minLength: 1, maxLength: 4 }), chunking, (name, changes, chunkSizes) => {
        const file = byName.get(name) as CorpusFile;
        const bytes = Buffer.from(mutateAll(file.text, changes, file.delimiters), 'latin1');
        expect(readRaw(bytes, chunkSizes)).toEqual(readRaw(bytes, [bytes.length || 1]));
      }),
      { numRuns: 500 },
    );
  });

  it('never changes Object.prototype, Array.prototype or String.prototype, whatever names the data holds', async () => {
    await fc.assert(
      fc.asyncProperty(fileName, tokenMutation, fc.array(fc.oneof(tokenMutation, mutation), { maxLength: 3 }), chunking, policy, async (name, first, changes, chunkSizes, ackPolicy) => {
        const file = byName.get(name) as CorpusFile;
        const bytes = Buffer.from(mutateAll(file.text, [first, ...changes], file.delimiters), 'latin1');
        const before = prototypeSnapshot();
        // Whether the path throws is the first property's concern; here only what it leaves behind counts.
        await processFile(bytes, chunkSizes, ackPolicy).catch(() => undefined);
        expect(changedProperties(before, prototypeSnapshot())).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('takes time linear in the number of transaction sets', async () => {
    const part = fc.constantFrom('prefix' as const, 'body' as const, 'suffix' as const);
    // The ISA's delimiters decide how everything after it is read, so the prefix has them changed often.
    const change = (where: keyof Layout) => (where === 'prefix' ? fc.oneof(redefineDelimiter, mutation) : mutation);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...layouts.keys()),
        fc.array(part.chain((where) => fc.record({ where: fc.constant(where), change: change(where) })), { minLength: 1, maxLength: 3 }),
        fc.oneof(fc.integer({ min: 64, max: 1024 }), fc.integer({ min: 1024, max: 65536 })),
        async (name, changes, size) => {
          const file = byName.get(name) as CorpusFile;
          const mutated: { -readonly [K in keyof Layout]: string } = { ...(layouts.get(name) as Layout) };
          for (const { where, change: applied } of changes) mutated[where] = mutate(mutated[where], applied, file.delimiters);
          const copies = Math.max(1, Math.ceil(BASE_BYTES / Math.max(mutated.body.length, 1)));
          const input = (k: number) => Buffer.from(mutated.prefix + mutated.body.repeat(copies * k) + mutated.suffix, 'latin1');
          const once = input(1);
          const sixteen = input(16);
          // Whether the path throws is the first property's concern; here only its time counts.
          const run = (bytes: Buffer) => () => processFile(bytes, [size], {}).catch(() => undefined);
          await run(once)();
          let time1 = Number.POSITIVE_INFINITY;
          let time16 = Number.POSITIVE_INFINITY;
          for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
            time1 = Math.min(time1, await cpuMicros(run(once)));
            time16 = Math.min(time16, await cpuMicros(run(sixteen)));
          }
          // Sixteen times the sets may cost sixteen times the work, times 4 for what a minimum of a few
          // runs leaves of noise, JIT warm-up and the engine's n log n sorts, plus 10 ms for the clock's
          // granularity: quadratic work costs 256 times, and fails this as soon as it is a quarter of the work.
          expect(time16).toBeLessThan(16 * 4 * time1 + 10_000);
        },
      ),
      {
        numRuns: 20,
        // Found by this property: the ISA's terminator redefined to a character the rest lacks, so that all
        // after the ISA is one unterminated segment, read in small chunks.
        examples: [['x12/850/node-x12__850.edi', [{ where: 'prefix', change: { kind: 'redefineDelimiter', delimiter: 'segment', to: '\x07' } }], 64]],
      },
    );
  });

  it('writes a segment that reads back to the same values, or refuses a value holding a delimiter', () => {
    // Reading back needs an interchange around the segment; BIN is left out because its data is counted
    // in bytes by BIN01, not delimited, and envelope segments because the reader acts on them.
    const tag = fc.stringMatching(/^[A-Z0-9]{2,3}$/).filter((value) => !['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'BIN'].includes(value));
    // A line feed is a segment terminator only: as ISA11 or ISA16 the reader takes it for a file wrapped
    // at a fixed width, which is not what this property is about.
    const separators = ['*', '|', '^', ':', '>', '!', '+', '\\', '\x1c', '\x1d', '\x1e', '\x1f'];
    const delimiters = fc
      .tuple(fc.shuffledSubarray(separators, { minLength: 3, maxLength: 3 }), fc.constantFrom('~', '\n', '\x1c', '\x1d'), fc.boolean())
      .filter(([chosen, terminator]) => !chosen.includes(terminator))
      .map(([[element, component, repetition], terminator, repeats]): X12Delimiters => ({
        element: element as string,
        component: component as string,
        repetition: repeats ? (repetition as string) : undefined,
        segment: terminator,
      }));
    const character = fc.oneof(fc.constantFrom(...separators, '~', '\n', '\r'), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }));
    const value = fc.string({ unit: character, maxLength: 6 });
    const elementValue: fc.Arbitrary<ElementValue> = fc.oneof(
      { weight: 4, arbitrary: value },
      fc.array(value, { maxLength: 3 }),
      fc.record({ repeats: fc.array(fc.oneof(value, fc.array(value, { maxLength: 3 })), { minLength: 1, maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(tag, fc.array(elementValue, { maxLength: 6 }), delimiters, (segmentTag, elements, used) => {
        let written: string;
        try {
          written = writeSegmentData({ tag: segmentTag, elements }, used);
        } catch (error) {
          expect(error).toBeInstanceOf(DelimiterInDataError);
          const refused = error as DelimiterInDataError;
          expect(refused.tag).toBe(segmentTag);
          expect(holdsUnwritable(elements[refused.position - 1], used)).toBe(true);
          return;
        }
        expect(elements.some((element) => holdsUnwritable(element, used))).toBe(false);
        expect(readBack(written, used)).toEqual(normalized(elements));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Every segment and diagnostic the envelope reader reports for `bytes` fed in chunks of `chunkSizes`, in turn. */
function readRaw(bytes: Buffer, chunkSizes: readonly number[]): unknown[] {
  const events: unknown[] = [];
  const reader = createX12Reader({
    segment: (read) => void events.push({ tag: read.tag, text: read.text, offset: read.offset }),
    diagnostic: (diagnostic) => void events.push(diagnostic),
  });
  feed(reader, bytes, chunkSizes);
  return events;
}

/** A value the writer must refuse: a delimiter in the data, or repeats without a repetition separator. */
function holdsUnwritable(value: ElementValue | undefined, delimiters: X12Delimiters): boolean {
  if (value === undefined) return false;
  // Line breaks too: a reader drops them as line wrapping, so they cannot be data.
  const forbidden = [delimiters.element, delimiters.component, delimiters.segment, '\r', '\n', ...(delimiters.repetition ? [delimiters.repetition] : [])];
  const holds = (text: string) => forbidden.some((delimiter) => text.includes(delimiter));
  if (typeof value === 'string') return holds(value);
  if ('repeats' in value) return delimiters.repetition === undefined || value.repeats.some((repeat) => (typeof repeat === 'string' ? holds(repeat) : repeat.some(holds)));
  return (value as readonly string[]).some(holds);
}

/** Each element as its repeats, each repeat as its components, without the trailing empty ones X12 leaves off. */
function normalized(elements: readonly ElementValue[]): string[][][] {
  const trimmed = <T>(values: T[], empty: (value: T) => boolean) => {
    while (values.length > 0 && empty(values.at(-1) as T)) values.pop();
    return values;
  };
  const components = (value: string | readonly string[]) => trimmed(typeof value === 'string' ? [value] : [...value], (part) => part === '');
  const repeats = elements.map((value) => (typeof value === 'string' || !('repeats' in value) ? [components(value as string | readonly string[])] : value.repeats.map(components)));
  const empty = (element: string[][]) => element.every((repeat) => repeat.length === 0);
  return trimmed(repeats, empty).map((element) => (empty(element) ? [] : element));
}

/** The segment `written`, read back by the reader inside an interchange with `delimiters`, as normalized() gives it. */
function readBack(written: string, delimiters: X12Delimiters): string[][][] {
  const e = delimiters.element;
  const isa = ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '250107', '1305', delimiters.repetition ?? 'U', delimiters.repetition ? '00501' : '00401', '000000001', '0', 'T', delimiters.component].join(e);
  const text = `${isa}${delimiters.segment}${written}${delimiters.segment}IEA${e}0${e}000000001${delimiters.segment}`;
  const segments: Segment[] = [];
  const reader = createX12Reader({ interchangeSegment: (read) => void segments.push(read) });
  reader.write(Buffer.from(text, 'latin1'));
  reader.end();
  expect(segments).toHaveLength(1);
  const [read] = segments as [Segment];
  const elements = read.elements.slice(1).map((raw) => (delimiters.repetition ? raw.split(delimiters.repetition) : [raw]).map((repeat) => repeat.split(delimiters.component)));
  return normalized(elements.map((repeats) => ({ repeats })));
}
