import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createX12Reader } from '../../translators/x12/envelope-reader.js';
import type { X12Delimiters } from '../../translators/x12/segment.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader } from '../../translators/x12/validating-reader.js';
import { validateSet } from '../../translators/x12/validator/validate-set.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';
import { checkMutations, describeSegments, describeTree, feed } from '../helpers/fast-path.js';

// The native fast path (translators/native) reads whole transaction sets from the bytes and calls a set
// clean without the TypeScript validator. It must never call clean a set the validator faults, and a set
// it read must give the same segments and the same tree as one read segment by segment, however the bytes
// arrive. The reference here is the envelope reader without the fast path, and validateSet on each set.

interface ReadSet {
  readonly clean: boolean;
  readonly segments: readonly string[];
  readonly diagnostics: readonly string[];
  readonly tree: string | undefined;
}

function readFast(bytes: Buffer, chunkSizes: readonly number[]): ReadSet[] {
  const sets: ReadSet[] = [];
  const reader = createValidatingReader(
    {
      transactionSet: (set, outcome, tree) =>
        void sets.push({ clean: set.cleanUnder !== undefined, segments: describeSegments(set.segments), diagnostics: outcome.diagnostics.map((diagnostic) => diagnostic.code), tree: describeTree(tree?.()) }),
    },
    { specs: compiledSpecFor },
  );
  feed(reader, bytes, chunkSizes);
  return sets;
}

/** Every set read segment by segment and validated by the TypeScript validator. */
function readReference(bytes: Buffer): ReadSet[] {
  const sets: ReadSet[] = [];
  let delimiters: X12Delimiters | undefined;
  const reader = createX12Reader({
    interchange: (header) => void (delimiters = header.delimiters),
    transactionSet(set) {
      const spec = compiledSpecFor(set.groupVersion, set.id);
      const validated = spec && delimiters ? validateSet(set, delimiters, spec) : undefined;
      sets.push({ clean: false, segments: describeSegments(set.segments), diagnostics: validated?.diagnostics.map((diagnostic) => diagnostic.code) ?? [], tree: describeTree(validated?.tree) });
    },
  });
  feed(reader, bytes, [bytes.length || 1]);
  return sets;
}

function expectAgreement(bytes: Buffer, chunkSizes: readonly number[]): number {
  const fast = readFast(bytes, chunkSizes);
  const reference = readReference(bytes);
  expect(fast.map((set) => set.segments)).toEqual(reference.map((set) => set.segments));
  let clean = 0;
  fast.forEach((set, index) => {
    const expected = reference[index] as ReadSet;
    if (!set.clean) return;
    clean += 1;
    expect({ segments: set.segments[0], diagnostics: expected.diagnostics }).toEqual({ segments: set.segments[0], diagnostics: [] });
    expect(set.tree).toEqual(expected.tree);
  });
  return clean;
}

/** An 004010 856 interchange of `sets` sets, as the bench writes them, with the terminator and line ending given. */
function interchange856(sets: number, terminator = '~', lineEnding = '\n'): string {
  const lines = ['ISA*00*          *00*          *ZZ*SUPPLIER       *ZZ*THREEPL        *250107*1305*U*00401*000000001*0*P*>', 'GS*SH*SUPPLIER*THREEPL*20250107*1305*1*X*004010'];
  for (let set = 1; set <= sets; set += 1) {
    const control = String(set).padStart(9, '0');
    const body = [`BSN*00*ASN${control}*20250107*1305`, 'HL*1**S', 'TD1*CTN25*10****G*120.5*LB', 'TD5**2*UPSN', 'HL*2*1*O', `PRF*PO${control}`];
    for (let item = 0; item < 3; item += 1) body.push(`HL*${item + 3}*2*I`, `LIN**UP*0123456789${item}2*VP*SKU-${item}`, `SN1**${item + 1}*EA`);
    body.push(`CTT*${body.filter((line) => line.startsWith('HL')).length}`);
    lines.push(`ST*856*${control}`, ...body, `SE*${body.length + 2}*${control}`);
  }
  lines.push(`GE*${sets}*1`, 'IEA*1*000000001');
  return lines.map((line) => `${line}${terminator}${lineEnding}`).join('');
}

describe('the X12 fast path', () => {
  it('agrees with the TypeScript validator on every set of the corpus, and finds clean sets among them', () => {
    let clean = 0;
    for (const entry of corpusEntries('x12/')) clean += expectAgreement(fs.readFileSync(path.join(CORPUS, entry.name)), [65536]);
    expect(clean).toBeGreaterThan(20);
  });

  it('reads the same sets whatever size the chunks are, sets across chunk edges included', () => {
    const bytes = Buffer.from(interchange856(60), 'latin1');
    for (const chunkSizes of [[1], [7], [4096], [65536], [333, 1, 70000]]) expect(expectAgreement(bytes, chunkSizes)).toBe(60);
  });

  it('leaves interchanges whose terminator is a line feed or longer than a byte to the lexer, with the same result', () => {
    expect(expectAgreement(Buffer.from(interchange856(3, '\n', ''), 'latin1'), [100])).toBe(0);
    expect(expectAgreement(Buffer.from(interchange856(3, '\u00e2\u0080\u00a6', '\r\n'), 'latin1'), [100])).toBe(0);
    expect(expectAgreement(Buffer.from(interchange856(3), 'latin1'), [100])).toBe(3);
  });

  it('never calls a mutated set clean that the validator faults', () => {
    const text = interchange856(4);
    const characters = ['*', '>', '~', '\n', '\r', 'A', '0', '9', '.', '-', ' ', '\u0001', 'S', 'E', 'H', 'L'];
    checkMutations(text, characters, 400, expectAgreement);
  });
});
