import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { generateDesadv } from '../../bench/edifact/generate-desadv.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { SyntaxError } from '../../translators/edifact/codes.js';
import { characterSet } from '../../translators/edifact/character-sets.js';
import { defaultDelimiters } from '../../translators/edifact/delimiters.js';
import { createEdifactReader, type Message } from '../../translators/edifact/envelope-reader.js';
import { allowedBytesOf, skimDelimiters } from '../../translators/edifact/native-syntax.js';
import { createEdifactValidatingReader, standardSpec } from '../../translators/edifact/validating-reader.js';
import { checkElements } from '../../translators/edifact/validator/check-elements.js';
import type { CompiledEdifactSegment } from '../../translators/edifact/validator/compiled-message.js';
import { skimProgramFor } from '../../translators/edifact/validator/skim-program.js';
import { placeSegments } from '../../translators/edifact/validator/validate-message.js';
import { edifactSkimAddon, SkimStop } from '../../translators/native/skim-addon.js';
import type { StructureProblemKind } from '../../translators/structure/match-structure.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';
import { checkMutations, describeSegments, describeTree, feed } from '../helpers/fast-path.js';

// The native fast path (translators/native) reads whole messages from the bytes and calls a message clean
// without the TypeScript validator. It must never call clean a message the validator faults, and a message
// it read must give the same segments and the same tree as one read segment by segment, however the bytes
// arrive. The reference here is the envelope reader without the fast path, with every message placed and
// its elements checked by TypeScript alone (the validator's per-segment native check left out too), so that
// the diagnostics of the messages it did not call clean are compared with the TypeScript checks as well.

interface ReadMessage {
  readonly clean: boolean;
  readonly segments: readonly string[];
  readonly tree: string | undefined;
}

interface Read {
  readonly messages: readonly ReadMessage[];
  /** Every diagnostic in the order reported, as its level, code and place. */
  readonly diagnostics: readonly string[];
}

function placeOf(diagnostic: Diagnostic): string {
  const { segment, set, segmentPosition, element, component, repetition } = diagnostic.location;
  return `${diagnostic.level} ${diagnostic.code} ${segment ?? '-'}@${set ?? '-'}/${segmentPosition ?? '-'} ${element ?? '-'}-${component ?? '-'}*${repetition ?? '-'}`;
}

function readFast(bytes: Buffer, chunkSizes: readonly number[]): Read {
  const messages: ReadMessage[] = [];
  const diagnostics: string[] = [];
  const reader = createEdifactValidatingReader({
    diagnostic: (diagnostic) => void diagnostics.push(placeOf(diagnostic)),
    message: (message, _outcome, tree) => void messages.push({ clean: message.cleanUnder !== undefined, segments: describeSegments(message.segments), tree: describeTree(tree) }),
  });
  feed(reader, bytes, chunkSizes);
  return { messages, diagnostics };
}

const STRUCTURE_CODES: Record<StructureProblemKind, string> = {
  missing: SyntaxError.missing,
  outOfSequence: SyntaxError.notSupportedInPosition,
  notInStructure: SyntaxError.notSupportedInPosition,
  unrecognized: SyntaxError.notSupportedInPosition,
  notUsed: SyntaxError.notSupportedInPosition,
  segmentOverMaximum: SyntaxError.tooManyRepetitions,
  loopOverMaximum: SyntaxError.tooManySegmentGroupRepetitions,
};

/** A message placed and its elements checked by TypeScript alone, its findings in the order the validator reports them. */
function validateInTypeScript(message: Message): { tree: string | undefined; diagnostics: string[] } {
  const compiled = standardSpec(message);
  if (!compiled) return { tree: undefined, diagnostics: [`set ${SyntaxError.noAgreement} UNH@${message.reference}/1 2--*-`] };
  const structure = placeSegments(message, compiled);
  const found: { position: number; text: string }[] = structure.problems.map((problem) => ({
    position: problem.position,
    text: `segment ${STRUCTURE_CODES[problem.kind]} ${problem.tag}@${message.reference}/${problem.position} ---*-`,
  }));
  structure.placed.forEach((node, index) => {
    if (node.tag === 'UNH' || node.tag === 'UNT') return;
    for (const problem of checkElements(node.segment, structure.definitions[index] as CompiledEdifactSegment)) {
      found.push({ position: node.position, text: `element ${problem.code} ${node.tag}@${message.reference}/${node.position} ${problem.element}-${problem.component ?? '-'}*${problem.repetition ?? '-'}` });
    }
  });
  found.sort((a, b) => a.position - b.position);
  return { tree: describeTree(structure.tree), diagnostics: found.map((entry) => entry.text) };
}

function readReference(bytes: Buffer): Read & { readonly faulted: readonly boolean[] } {
  const messages: ReadMessage[] = [];
  const diagnostics: string[] = [];
  const faulted: boolean[] = [];
  const reader = createEdifactReader({
    diagnostic: (diagnostic) => void diagnostics.push(placeOf(diagnostic)),
    message(message) {
      const validated = validateInTypeScript(message);
      diagnostics.push(...validated.diagnostics);
      faulted.push(validated.diagnostics.length > 0);
      messages.push({ clean: false, segments: describeSegments(message.segments), tree: validated.tree });
    },
  });
  feed(reader, bytes, [bytes.length || 1]);
  return { messages, diagnostics, faulted };
}

/** The fast path and the reference read alike; returns how many messages the fast path called clean. */
function expectAgreement(bytes: Buffer, chunkSizes: readonly number[]): number {
  const fast = readFast(bytes, chunkSizes);
  const reference = readReference(bytes);
  expect(fast.messages.map((message) => message.segments)).toEqual(reference.messages.map((message) => message.segments));
  expect(fast.diagnostics).toEqual(reference.diagnostics);
  let clean = 0;
  fast.messages.forEach((message, index) => {
    const expected = reference.messages[index] as ReadMessage;
    expect(message.tree).toEqual(expected.tree);
    if (!message.clean) return;
    clean += 1;
    expect({ message: message.segments[0], faulted: reference.faulted[index] }).toEqual({ message: message.segments[0], faulted: false });
  });
  return clean;
}

async function generated(megabytes: number): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edifact-fast-path-'));
  try {
    const file = path.join(dir, 'desadv.edi');
    await generateDesadv(file, megabytes);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ORDERS = ["UNH+1+ORDERS:D:96A:UN'", "BGM+220+PO-1+9'", "DTM+137:20250107:102'", "NAD+BY+5412345000013::9'", "LIN+1++4000862141404:SRS'", "QTY+21:12'", "UNS+S'", "UNT+8+1'"];

/** An interchange of the messages given, renumbered, with the UNB given. */
function interchange(messages: readonly (readonly string[])[], unb = "UNB+UNOC:3+SENDER:14+THREEPL:14+250107:1305+REF1'"): string {
  const body = messages.map((segments, index) => segments.map((segment) => segment.replace(/^(UNH\+)1(\+)/, `$1${index + 1}$2`).replace(/^(UNT\+\d+\+)1'/, `$1${index + 1}'`)));
  return [unb, ...body.flat(), `UNZ+${messages.length}+REF1'`].join('\n');
}

/** Text written with the default delimiters, written with others instead. */
function withDelimiters(text: string, delimiters: { readonly element: string; readonly component: string; readonly segment: string }): string {
  const replacements: Record<string, string> = { '+': delimiters.element, ':': delimiters.component, "'": delimiters.segment };
  return text.replace(/[+:']/g, (character) => replacements[character] as string);
}

describe('the EDIFACT fast path', () => {
  it('agrees with the TypeScript validator on every message of the corpus and the fixtures, and finds clean messages among them', () => {
    const fixtures = path.resolve('test/fixtures/edifact');
    const files = [...corpusEntries('edifact/').map((entry) => path.join(CORPUS, entry.name)), ...fs.readdirSync(fixtures).map((file) => path.join(fixtures, file))];
    let clean = 0;
    for (const file of files) clean += expectAgreement(fs.readFileSync(file), [65536]);
    expect(clean).toBeGreaterThan(20);
  });

  it('reads the same messages whatever size the chunks are, messages across chunk edges and released delimiters included', async () => {
    const bytes = await generated(0.1);
    const messages = readReference(bytes).messages.length;
    expect(messages).toBeGreaterThan(40);
    for (const chunkSizes of [[1], [7], [4096], [65536], [333, 1, 70000]]) expect(expectAgreement(bytes, chunkSizes)).toBe(messages);
  });

  it('reads interchanges of every kind of delimiters and syntax level, leaving to the lexer what it must', () => {
    const two = [ORDERS, ORDERS];
    // Delimiters from UNA, released ones in data; level B's information separators without release character.
    const custom = { element: '|', component: '*', segment: '~' };
    expect(expectAgreement(Buffer.from(`UNA*|.? ~${withDelimiters(interchange(two), custom)}`, 'latin1'), [5])).toBe(2);
    const levelB = withDelimiters(interchange(two, "UNB+UNOB:3+S+R+250107:1305+REF1'"), { element: '\x1d', component: '\x1f', segment: '\x1c' });
    expect(expectAgreement(Buffer.from(levelB, 'latin1'), [64])).toBe(2);
    // Syntax version 4: repetitions; released characters; a terminator that is a line feed, which the lexer reads.
    const released = [ORDERS[0] as string, "BGM+220+PO?+1?:?'?*+9'", ...ORDERS.slice(2)];
    expect(expectAgreement(Buffer.from(interchange([released, ORDERS], "UNB+UNOC:4+S+R+20250107:1305+REF1'"), 'latin1'), [3])).toBe(2);
    expect(expectAgreement(Buffer.from(`UNA:+.? \n${withDelimiters(interchange(two), { element: '+', component: ':', segment: '\n' })}`, 'latin1'), [100])).toBe(0);
    // Characters: lower case is not level A; latin1 is UNOC's but not a byte of UTF-8's, left to the lexer.
    const lower = [ORDERS[0] as string, "BGM+220+po-1+9'", ...ORDERS.slice(2)];
    expect(expectAgreement(Buffer.from(interchange([lower, ORDERS], "UNB+UNOA:3+S+R+250107:1305+REF1'"), 'latin1'), [4096])).toBe(1);
    const accented = [ORDERS[0] as string, "BGM+220+P\u00c9-1+9'", ...ORDERS.slice(2)];
    expect(expectAgreement(Buffer.from(interchange([accented, ORDERS]), 'latin1'), [4096])).toBe(2);
    expect(expectAgreement(Buffer.from(interchange([accented, ORDERS], "UNB+UNOW:4+S+R+20250107:1305+REF1'"), 'utf8'), [4096])).toBe(1);
    // Wrapped at a fixed width: the lexer takes the line breaks out.
    expect(expectAgreement(Buffer.from(interchange([[ORDERS[0] as string, "BGM+220+PO\r\n-1+9'", ...ORDERS.slice(2)], ORDERS]), 'latin1'), [4096])).toBe(1);
  });

  it('never calls a mutated message clean that the validator faults, and reads it as the lexer does', () => {
    const text = interchange([ORDERS, ["UNH+1+DESADV:D:96A:UN'", "BGM+351+DES1+9'", "DTM+137:20250107:102'", "CPS+1'", "PAC+2++PX'", "CPS+2+1'", "LIN+1++4000862141404:SRS'", "QTY+12:10'", "FTX+AAI+++A?+B'", "CNT+2:1'", "UNT+11+1'"], ORDERS]);
    const characters = ["'", '+', ':', '?', '*', '\n', '\r', ' ', 'A', 'a', '0', '9', '.', ',', '-', '\u0001', '\u00e9', 'U', 'N', 'H', 'T', 'S', 'Z'];
    checkMutations(text, characters, 500, expectAgreement);
  });

  it('never reads past the bytes it is given: a released terminator at their end ends no segment', () => {
    const compiled = standardSpec({ type: 'ORDERS', version: 'D', release: '96A' } as Message);
    const delimiters = defaultDelimiters(false);
    const given = "UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'DTM+137:20250107:102'UNS+S'UNT+5+?'";
    // What follows in the buffer would end the UNT, were it read, and the message with it.
    const bytes = Buffer.from(`${given}1'`, 'latin1');
    const out = new Int32Array(2 + 5 * 4);
    const skim = (end: number, final: boolean) =>
      edifactSkimAddon.skimEdifactMessages(skimProgramFor(compiled as NonNullable<typeof compiled>).native, bytes, 0, end, skimDelimiters(delimiters) as Int32Array, final, 'ORDERS:D:96A:UN', out, allowedBytesOf(characterSet('UNOC', delimiters)));
    expect([skim(given.length, false), out[0]]).toEqual([0, SkimStop.incomplete]);
    expect([skim(given.length, true), out[0]]).toEqual([0, SkimStop.notClean]);
    expect([skim(bytes.length, true), out[0], out[1]]).toEqual([1, SkimStop.other, bytes.length]);
  });
});
