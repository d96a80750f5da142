import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { characterSet } from '../../translators/edifact/character-sets.js';
import { defaultDelimiters, LEVEL_B_DEFAULTS, type EdifactDelimiters } from '../../translators/edifact/delimiters.js';
import { createEdifactReader, type GroupHeader, type InterchangeHeader, type Message } from '../../translators/edifact/envelope-reader.js';
import { EdifactSegment } from '../../translators/edifact/segment.js';
import {
  segmentData,
  serializeInterchange,
  UnwritableDataError,
  writeSegmentData,
  type ElementData,
  type OutgoingInterchange,
  type OutgoingInterchangeHeader,
  type OutgoingMessage,
  type SegmentSyntax,
  type SerializeOptions,
  type SyntaxVersion,
} from '../../translators/edifact/serialize.js';
import { CORPUS, corpusEntries } from '../helpers/corpus.js';

// The EDIFACT serializer: release characters, trailing empty elements, envelopes with their counts and
// references, UNA, syntax levels and versions. What it writes is read back by the EDIFACT reader, which
// must find nothing wrong and give back the values written.

const V3 = defaultDelimiters(false);
const V4 = defaultDelimiters(true);
const NOW = new Date('2025-01-07T13:05:00Z');

const syntax = (syntaxIdentifier: string, syntaxVersion: SyntaxVersion, delimiters: EdifactDelimiters): SegmentSyntax => ({ syntaxIdentifier, syntaxVersion, delimiters });
const header = (overrides: Partial<OutgoingInterchangeHeader> = {}): OutgoingInterchangeHeader => ({
  syntaxIdentifier: 'UNOA',
  syntaxVersion: '3',
  sender: { id: 'ACME', qualifier: '14' },
  recipient: { id: 'THREEPL', qualifier: 'ZZ' },
  acknowledgmentRequested: false,
  test: false,
  ...overrides,
});
const options = (overrides: Partial<SerializeOptions> = {}): SerializeOptions => ({ allocator: createMemoryAllocator(), partner: 'acme', now: NOW, ...overrides });
const orders = (segments: OutgoingMessage['segments']): OutgoingMessage => ({ type: 'ORDERS', version: 'D', release: '96A', agency: 'UN', segments });

interface Reading {
  readonly interchanges: InterchangeHeader[];
  readonly groups: [GroupHeader, number][];
  readonly messages: Message[];
  readonly findings: string[];
}

/** The text encoded as its syntax identifier asks, read by the EDIFACT reader. */
function read(text: string, encoding: BufferEncoding = 'latin1'): Reading {
  const reading: Reading = { interchanges: [], groups: [], messages: [], findings: [] };
  const reader = createEdifactReader({
    interchange: (opened) => void reading.interchanges.push(opened),
    groupEnd: (group, count) => void reading.groups.push([group, count]),
    message: (message) => void reading.messages.push(message),
    diagnostic: (diagnostic: Diagnostic) => void reading.findings.push(`${diagnostic.code} ${diagnostic.location.segment ?? '-'}: ${diagnostic.message}`),
  });
  reader.write(Buffer.from(text, encoding));
  reader.end();
  return reading;
}

/** What the writer throws, for matching its code and place. */
function refusal(write: () => unknown): UnwritableDataError {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(UnwritableDataError);
    return error as UnwritableDataError;
  }
  throw new Error('Expected the writer to refuse the data.');
}

/** Each element as its repetitions, each as its components, without the trailing empty ones the writer leaves off. */
function normalized(elements: readonly ElementData[]): string[][][] {
  const trimmed = <T>(values: T[], empty: (value: T) => boolean): T[] => {
    while (values.length > 0 && empty(values.at(-1) as T)) values.pop();
    return values;
  };
  const components = (value: string | readonly string[]) => trimmed(typeof value === 'string' ? [value] : [...value], (part) => part === '');
  const repeats = (value: ElementData) => trimmed(typeof value === 'string' || !('repeats' in value) ? [components(value as string | readonly string[])] : value.repeats.map(components), (repeat) => repeat.length === 0);
  return trimmed(elements.map(repeats), (element) => element.length === 0);
}

/** The values of a segment as the reader splits them, release characters removed. */
const readValues = (segment: EdifactSegment): string[][][] => normalized(segment.elements.slice(1).map((repeats) => ({ repeats })));

describe('EDIFACT serializer', () => {
  it('releases each delimiter and the release character in data', () => {
    for (const character of [':', '+', "'", '*', '?']) {
      expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', [`A${character}B`, 'C']] }, syntax('UNOC', '4', V4))).toBe(`FTX+AAI+++A?${character}B:C`);
    }
    // Under version 3 "*" is data like any other character, unless UNA declared it.
    expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', 'A*B'] }, syntax('UNOC', '3', V3))).toBe('FTX+AAI+++A*B');
    expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', 'A*B'] }, syntax('UNOC', '3', V4))).toBe('FTX+AAI+++A?*B');
  });

  it('refuses a delimiter in data where there is no release character, naming the segment, element and component', async () => {
    const levelB = syntax('UNOB', '3', LEVEL_B_DEFAULTS);
    expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', ['50% OFF?', "IT'S"]] }, levelB)).toBe("FTX\x1dAAI\x1d\x1d\x1d50% OFF?\x1fIT'S");
    const roles = [
      ['\x1f', '\\x1f', 'component separator'],
      ['\x1d', '\\x1d', 'element separator'],
      ['\x1c', '\\x1c', 'segment terminator'],
    ];
    for (const [character, shown, role] of roles) {
      const refused = refusal(() => writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', ['OK', `A${character}B`]] }, levelB));
      expect(refused).toMatchObject({ code: 'DELIMITER_IN_DATA', tag: 'FTX', element: 4, component: 2, repetition: undefined });
      expect(refused.message).toBe(`FTX element 4, component 2 contains "${shown}", the ${role} of this interchange, which has no release character to escape it.`);
    }
    const levelBInterchange = (value: string) =>
      serializeInterchange({ ...header({ syntaxIdentifier: 'UNOB' }), messages: [orders([{ tag: 'FTX', elements: ['AAI', '', '', value] }])] }, options({ delimiters: LEVEL_B_DEFAULTS }));
    expect(read(await levelBInterchange("IT'S 50% OFF?")).messages[0]?.segments[1]?.value(4)).toBe("IT'S 50% OFF?");
    await expect(levelBInterchange('A\x1dB')).rejects.toMatchObject({ code: 'DELIMITER_IN_DATA', tag: 'FTX', element: 4 });
    // A partner profile without a release character, on the usual separators.
    const noRelease = syntax('UNOC', '4', { ...V4, release: undefined });
    expect(writeSegmentData({ tag: 'NAD', elements: ['BY', 'A?B'] }, noRelease)).toBe('NAD+BY+A?B');
    expect(refusal(() => writeSegmentData({ tag: 'NAD', elements: ['BY', { repeats: ['X', 'A*B'] }] }, noRelease))).toMatchObject({ code: 'DELIMITER_IN_DATA', tag: 'NAD', element: 2, repetition: 2 });
  });

  it('leaves off trailing empty elements, components and repetitions, and keeps the empty ones before data', () => {
    const v4 = syntax('UNOC', '4', V4);
    expect(writeSegmentData({ tag: 'NAD', elements: ['BY', ['5412345000013', '', '9'], '', ['', ''], ''] }, v4)).toBe('NAD+BY+5412345000013::9');
    expect(writeSegmentData({ tag: 'DTM', elements: [['137', '20250107', '102', '', '']] }, v4)).toBe('DTM+137:20250107:102');
    expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', { repeats: ['', 'A', '', ['', '']] }] }, v4)).toBe('FTX+AAI+*A');
    expect(writeSegmentData({ tag: 'UNS', elements: [] }, v4)).toBe('UNS');
  });

  it('writes the envelope with references from the allocator and counts of segments and messages', async () => {
    const allocator = createMemoryAllocator({ interchange: 41, set: 7 });
    const interchange: OutgoingInterchange = {
      ...header({ applicationReference: 'ORDERS', acknowledgmentRequested: true, test: true }),
      messages: [orders([{ tag: 'BGM', elements: ['220', 'PO-1', '9'] }]), { ...orders([{ tag: 'BGM', elements: ['220', 'PO-2', '9'] }, { tag: 'DTM', elements: [['137', '20250107', '102']] }]), association: 'EAN008' }],
    };
    const text = await serializeInterchange(interchange, options({ allocator, lineEnding: '\n' }));
    expect(text).toBe(
      [
        "UNB+UNOA:3+ACME:14+THREEPL:ZZ+250107:1305+41++ORDERS++1++1'",
        "UNH+7+ORDERS:D:96A:UN'",
        "BGM+220+PO-1+9'",
        "UNT+3+7'",
        "UNH+8+ORDERS:D:96A:UN:EAN008'",
        "BGM+220+PO-2+9'",
        "DTM+137:20250107:102'",
        "UNT+4+8'",
        "UNZ+2+41'",
        '',
      ].join('\n'),
    );
    const { interchanges, messages, findings } = read(text);
    expect(findings).toEqual([]);
    expect(interchanges[0]).toMatchObject({ syntaxIdentifier: 'UNOA', syntaxVersion: '3', sender: { id: 'ACME', qualifier: '14' }, reference: '41', acknowledgmentRequested: true, test: true });
    expect(messages.map((message) => [message.reference, message.association, message.segments.length])).toEqual([
      ['7', '', 3],
      ['8', 'EAN008', 4],
    ]);

    // The next interchange from the same counters; no acknowledgment request, no test indicator.
    const next = await serializeInterchange({ ...header(), messages: [orders([])] }, options({ allocator }));
    expect(next).toBe("UNB+UNOA:3+ACME:14+THREEPL:ZZ+250107:1305+42'UNH+9+ORDERS:D:96A:UN'UNT+2+9'UNZ+1+42'");
    expect(read(next).findings).toEqual([]);
  });

  it('writes groups between UNB and UNZ: UNE counts their messages and UNZ the groups', async () => {
    const allocator = createMemoryAllocator({ interchange: 5, group: 70, set: 900 });
    const group = { messageType: 'ORDERS', sender: { id: 'ACME-PURCHASING' }, recipient: { id: 'THREEPL', qualifier: 'ZZ' }, agency: 'UN', version: 'D', release: '01B', association: 'EAN010' };
    const message = { ...orders([{ tag: 'BGM', elements: ['220', 'PO-1', '9'] }]), release: '01B' };
    const text = await serializeInterchange(
      { ...header({ syntaxIdentifier: 'UNOC', syntaxVersion: '4' }), groups: [{ ...group, messages: [message, message] }, { ...group, messages: [message] }] },
      options({ allocator, lineEnding: '\r\n' }),
    );
    expect(text.split('\r\n')).toEqual([
      "UNB+UNOC:4+ACME:14+THREEPL:ZZ+20250107:1305+5'",
      "UNG+ORDERS+ACME-PURCHASING+THREEPL:ZZ+20250107:1305+70+UN+D:01B:EAN010'",
      "UNH+900+ORDERS:D:01B:UN'",
      "BGM+220+PO-1+9'",
      "UNT+3+900'",
      "UNH+901+ORDERS:D:01B:UN'",
      "BGM+220+PO-1+9'",
      "UNT+3+901'",
      "UNE+2+70'",
      "UNG+ORDERS+ACME-PURCHASING+THREEPL:ZZ+20250107:1305+71+UN+D:01B:EAN010'",
      "UNH+902+ORDERS:D:01B:UN'",
      "BGM+220+PO-1+9'",
      "UNT+3+902'",
      "UNE+1+71'",
      "UNZ+2+5'",
      '',
    ]);
    const { groups, messages, findings } = read(text);
    expect(findings).toEqual([]);
    expect(groups.map(([group, count]) => [group.reference, count])).toEqual([
      ['70', 2],
      ['71', 1],
    ]);
    expect(messages.map((message) => [message.group, message.reference])).toEqual([
      ['70', '900'],
      ['70', '901'],
      ['71', '902'],
    ]);
  });

  it('dates the interchange in UTC: YYMMDD before version 4, CCYYMMDD from it', async () => {
    const now = new Date('2024-12-31T23:59:00-05:00');
    const v3 = await serializeInterchange({ ...header(), messages: [] }, options({ now }));
    const v4 = await serializeInterchange({ ...header({ syntaxVersion: '4' }), messages: [] }, options({ now }));
    expect(v3).toBe("UNB+UNOA:3+ACME:14+THREEPL:ZZ+250101:0459+1'UNZ+0+1'");
    expect(v4).toBe("UNB+UNOA:4+ACME:14+THREEPL:ZZ+20250101:0459+1'UNZ+0+1'");
    expect(read(v3).interchanges[0]).toMatchObject({ date: '250101', time: '0459' });
    expect(read(v4).findings).toEqual([]);
  });

  it('writes UNA when the delimiters are not the defaults of the syntax version or the level, or when asked', async () => {
    const cases: [string, SyntaxVersion, EdifactDelimiters | undefined, boolean, string][] = [
      ['UNOA', '3', undefined, false, 'UNB+UNOA:3+'],
      ['UNOA', '3', V3, false, 'UNB+UNOA:3+'],
      ['UNOC', '4', V4, false, 'UNB+UNOC:4+'],
      ['UNOB', '3', LEVEL_B_DEFAULTS, false, 'UNB\x1dUNOB\x1f3\x1d'],
      ['UNOA', '3', V3, true, "UNA:+.? 'UNB+UNOA:3+"],
      // Version 4 without a repetition separator, or version 3 with one.
      ['UNOC', '4', V3, false, "UNA:+.? 'UNB+UNOC:4+"],
      ['UNOC', '3', V4, false, "UNA:+.?*'UNB+UNOC:3+"],
      ['UNOC', '3', { ...V3, decimal: ',' }, false, "UNA:+,? 'UNB+UNOC:3+"],
      ['UNOC', '3', { ...V3, release: undefined }, false, "UNA:+.  'UNB+UNOC:3+"],
      ['UNOC', '3', { component: '|', element: '*', decimal: ',', release: '#', repetition: undefined, segment: '~' }, false, 'UNA|*,# ~UNB*UNOC|3*'],
      // The information separators are level B's defaults only.
      ['UNOC', '3', LEVEL_B_DEFAULTS, false, 'UNA\x1f\x1d.  \x1cUNB\x1dUNOC\x1f3\x1d'],
    ];
    for (const [syntaxIdentifier, syntaxVersion, delimiters, writeUna, start] of cases) {
      // Data that the delimiters UNA announces must release, where there is a release character.
      const { component, element, release } = delimiters ?? V3;
      const value = release === undefined ? 'A B' : `A${component}B${element}C${release}D`;
      const text = await serializeInterchange(
        { ...header({ syntaxIdentifier, syntaxVersion }), messages: [orders([{ tag: 'FTX', elements: ['AAI', '', '', value] }])] },
        options({ ...(delimiters ? { delimiters } : {}), writeUna }),
      );
      expect(text.startsWith(start)).toBe(true);
      const { interchanges, messages, findings } = read(text);
      expect(findings).toEqual([]);
      expect(interchanges[0]?.serviceStringAdvice).toBe(start.startsWith('UNA'));
      expect(interchanges[0]?.delimiters).toEqual(delimiters ?? V3);
      expect(messages[0]?.segments[1]?.value(4)).toBe(value);
    }
  });

  it('writes values that the reader gives back the same, release characters removed', async () => {
    const segments = [
      { tag: 'BGM', elements: ['220', "PO'1+2:3?4*5", '9'] },
      { tag: 'NAD', elements: ['BY', ['5412345000013', '', '9'], '', ['ACME: THE ?FIRST?', "O'NEIL + SONS"]] },
      { tag: 'FTX', elements: ['AAI', '', '', { repeats: [['A*B', 'C'], 'D', ['', 'E']] }, 'EN'] },
      { tag: 'QTY', elements: [['21', '12.5', 'PCE']] },
    ];
    const una = { component: '|', element: '*', decimal: ',', release: '#', repetition: '^', segment: '~' };
    for (const delimiters of [V4, una]) {
      const text = await serializeInterchange({ ...header({ syntaxIdentifier: 'UNOC', syntaxVersion: '4' }), messages: [orders(segments)] }, options({ delimiters }));
      const { messages, findings } = read(text);
      expect(findings).toEqual([]);
      const body = messages[0]?.segments.slice(1, -1) ?? [];
      expect(body.map(segmentData).map((segment) => segment.tag)).toEqual(segments.map((segment) => segment.tag));
      expect(body.map(readValues)).toEqual(segments.map((segment) => normalized(segment.elements)));
    }
  });

  it('refuses characters outside the syntax level: lower case under UNOA, and what the encoding has no byte for', async () => {
    const text = (value: string) => ({ tag: 'FTX', elements: ['AAI', '', '', ['OK', value]] });
    expect(writeSegmentData(text('Handle with care'), syntax('UNOB', '3', V3))).toBe('FTX+AAI+++OK:Handle with care');
    const refused = refusal(() => writeSegmentData(text('Handle with care'), syntax('UNOA', '3', V3)));
    expect(refused).toMatchObject({ code: 'CHARACTER_NOT_ALLOWED', tag: 'FTX', element: 4, component: 2 });
    expect(refused.message).toBe(
      'FTX element 4, component 2 has "a" at character 2, which syntax level UNOA (level A: upper-case letters, digits, space and . , - ( ) / = \' + : ? ! " % & * ; < >) does not allow.',
    );
    // The envelope's own values are data too.
    await expect(serializeInterchange({ ...header({ sender: { id: 'acme' } }), messages: [] }, options())).rejects.toMatchObject({ code: 'CHARACTER_NOT_ALLOWED', tag: 'UNB', element: 2, component: 1 });

    const cases: [string, string, boolean][] = [
      ['Zürich', 'UNOC', true],
      ['Zürich', 'UNOB', false],
      ['Łódź', 'UNOD', true],
      // Ł is in ISO 8859-2, not in ISO 8859-1: the repertoire check of UNOC, made for decoded bytes, lets it by.
      ['Łódź', 'UNOC', false],
      ['東京 €', 'UNOY', true],
      ['東京', 'UNOC', false],
      ['TAB\tHERE', 'UNOY', false],
      ['LONE \ud800', 'UNOY', false],
    ];
    for (const [value, syntaxIdentifier, allowed] of cases) {
      const write = () => writeSegmentData(text(value), syntax(syntaxIdentifier, '3', V3));
      if (allowed) expect(write()).toBe(`FTX+AAI+++OK:${value}`);
      else expect(refusal(write).code).toBe('CHARACTER_NOT_ALLOWED');
    }
    const utf8 = await serializeInterchange({ ...header({ syntaxIdentifier: 'UNOY', syntaxVersion: '4' }), messages: [orders([text('東京 €')])] }, options());
    expect(characterSet('UNOY', V4)?.encoding).toBe('utf-8');
    const { messages, findings } = read(utf8, 'utf-8');
    expect(findings).toEqual([]);
    expect(messages[0]?.segments[1]?.value(4, 2)).toBe('東京 €');
  });

  it('writes repetitions in syntax version 4 only', () => {
    const repeated = { tag: 'FTX', elements: ['AAI', '', '', { repeats: ['A', ['B', 'C']] }] };
    expect(writeSegmentData(repeated, syntax('UNOC', '4', V4))).toBe('FTX+AAI+++A*B:C');
    const refused = refusal(() => writeSegmentData(repeated, syntax('UNOC', '3', V3)));
    expect(refused).toMatchObject({ code: 'REPETITION_NOT_ALLOWED', tag: 'FTX', element: 4, repetition: 2 });
    expect(refused.message).toBe('FTX element 4, repetition 2 cannot be written: syntax version 3 has no repetitions (version 4 has).');
    // One occurrence needs no repetition separator.
    expect(writeSegmentData({ tag: 'FTX', elements: ['AAI', '', '', { repeats: [['B', 'C'], ''] }] }, syntax('UNOC', '3', V3))).toBe('FTX+AAI+++B:C');
    // Version 4 under a UNA that gives no repetition separator.
    expect(refusal(() => writeSegmentData(repeated, syntax('UNOC', '4', V3))).message).toBe('FTX element 4, repetition 2 cannot be written: this interchange has no repetition separator.');
  });

  it('refuses delimiters, syntax identifiers and tags it cannot write', () => {
    const segment = { tag: 'FTX', elements: ['AAI'] };
    expect(writeSegmentData(segment, syntax('UNOA', '3', V3))).toBe('FTX+AAI');
    expect(() => writeSegmentData(segment, syntax('UNOZ', '3', V3))).toThrow('Syntax identifier "UNOZ" is not one the gateway writes');
    for (const delimiters of [{ ...V3, element: ':' }, { ...V3, release: 'X' }, { ...V3, component: ' ' }, { ...V3, segment: "''" }, { ...V3, element: '§' }]) {
      expect(() => writeSegmentData(segment, syntax('UNOC', '3', delimiters))).toThrow('must be distinct single ASCII characters');
    }
    expect(writeSegmentData(segment, syntax('UNOC', '3', { ...V3, segment: '\n' }))).toBe('FTX+AAI');
    expect(() => writeSegmentData(segment, syntax('UNOC', '3', { ...V3, element: '\n' }))).toThrow('use a line break other than as segment terminator');
    expect(() => writeSegmentData(segment, syntax('UNOC', '3', { ...V3, decimal: ';' }))).toThrow('Decimal mark ";" must be "." or ","');
    expect(() => writeSegmentData({ tag: 'ftx', elements: [] }, syntax('UNOC', '3', V3))).toThrow('Segment tag "ftx" must be three upper-case letters or digits.');
  });

  it('writes random values, delimiters among them, that read back equal', async () => {
    const pool = [':', '+', "'", '?', '*', '|', '#', '~', '^', '!', '\\', ']', '-'];
    const delimiters = fc
      .tuple(fc.shuffledSubarray(pool, { minLength: 5, maxLength: 5 }), fc.constantFrom('.', ','), fc.boolean())
      .map(([[component, element, release, repetition, segment], decimal, repeats]): EdifactDelimiters => ({
        component: component as string,
        element: element as string,
        decimal,
        release: release as string,
        repetition: repeats ? (repetition as string) : undefined,
        segment: segment as string,
      }));
    const character = fc.constantFrom(...pool, 'A', 'z', '0', ' ', '.', ',', 'é', '東', '€');
    const value = fc.string({ unit: character, maxLength: 6 });
    const element: fc.Arbitrary<ElementData> = fc.oneof(
      { weight: 4, arbitrary: value },
      fc.array(value, { maxLength: 3 }),
      fc.record({ repeats: fc.array(fc.oneof(value, fc.array(value, { maxLength: 3 })), { minLength: 1, maxLength: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(delimiters, fc.array(element, { maxLength: 6 }), async (used, elements) => {
        const written = await serializeInterchange(
          { ...header({ syntaxIdentifier: 'UNOY', syntaxVersion: used.repetition === undefined ? '3' : '4' }), messages: [orders([{ tag: 'FTX', elements }])] },
          options({ delimiters: used }),
        ).catch((error: unknown) => error);
        if (written instanceof UnwritableDataError) {
          // Only a second repetition, which needs a repetition separator.
          expect(written).toMatchObject({ code: 'REPETITION_NOT_ALLOWED', tag: 'FTX', repetition: 2 });
          expect(used.repetition).toBeUndefined();
          return;
        }
        const { messages, findings } = read(written as string, 'utf-8');
        expect(findings).toEqual([]);
        expect(messages[0]?.segments.map((segment) => segment.tag)).toEqual(['UNH', 'FTX', 'UNT']);
        expect(readValues(messages[0]?.segments[1] as EdifactSegment)).toEqual(normalized(elements));
      }),
      { numRuns: 500 },
    );
  });

  it('without a release character, writes values that hold no delimiter and refuses the others where they stand', () => {
    const separators = ['\x1c', '\x1d', '\x1f', ':', '+', "'"];
    const character = fc.constantFrom(...separators, 'A', '?', ' ', '*');
    const value = fc.string({ unit: character, maxLength: 5 });
    const element: fc.Arbitrary<ElementData> = fc.oneof({ weight: 3, arbitrary: value }, fc.array(value, { maxLength: 3 }));
    const delimiters = fc.constantFrom(LEVEL_B_DEFAULTS, { ...V3, release: undefined });
    const holds = (text: string, used: EdifactDelimiters) => [used.component, used.element, used.segment].some((delimiter) => text.includes(delimiter));
    // Outside printable ASCII, level B's only other characters are its separators.
    const outsideLevelB = (text: string, used: EdifactDelimiters) => [...text].some((at) => /[^\x20-\x7e]/.test(at) && at !== used.component && at !== used.element);
    const unwritable = (value: ElementData, used: EdifactDelimiters) => (typeof value === 'string' ? [value] : (value as readonly string[])).some((text) => holds(text, used) || outsideLevelB(text, used));
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), delimiters, (elements, used) => {
        let written: string;
        try {
          written = writeSegmentData({ tag: 'FTX', elements }, syntax('UNOB', '3', used));
        } catch (error) {
          expect(error).toBeInstanceOf(UnwritableDataError);
          const refused = error as UnwritableDataError;
          const at = elements[refused.element - 1] as ElementData;
          const text = typeof at === 'string' ? at : ((at as readonly string[])[(refused.component as number) - 1] as string);
          if (refused.code === 'DELIMITER_IN_DATA') expect(holds(text, used)).toBe(true);
          else expect([refused.code, outsideLevelB(text, used)]).toEqual(['CHARACTER_NOT_ALLOWED', true]);
          return;
        }
        expect(elements.some((at) => unwritable(at, used))).toBe(false);
        expect(readValues(new EdifactSegment('FTX', written, 0, used))).toEqual(normalized(elements));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes every segment of the EDIFACT corpus back to the values read, or refuses it exactly where the reader faulted its characters', () => {
    const counts = { written: 0, refused: 0 };
    /** Segments written otherwise than expected, by file and offset: collected, since expect() per segment would take most of the run. */
    const wrong: string[] = [];
    for (const { name } of corpusEntries('edifact/')) {
      const faulted = new Set<number>();
      const segments: { segment: EdifactSegment; header: InterchangeHeader | undefined }[] = [];
      let current: InterchangeHeader | undefined;
      const reader = createEdifactReader({
        interchange: (opened) => void (current = opened),
        segment: (segment) => void segments.push({ segment, header: current }),
        diagnostic: (diagnostic) => void (diagnostic.code === '21' && faulted.add(diagnostic.location.offset)),
      });
      reader.write(fs.readFileSync(path.join(CORPUS, name)));
      reader.end();
      for (const { segment, header: opened } of segments) {
        // Interchanges the reader cannot place in a syntax level or version were reported as such.
        if (!opened || !['1', '2', '3', '4'].includes(opened.syntaxVersion) || !characterSet(opened.syntaxIdentifier, opened.delimiters)) continue;
        const used = syntax(opened.syntaxIdentifier, opened.syntaxVersion as SyntaxVersion, opened.delimiters);
        const at = `${name} @${segment.offset} ${segment.tag}`;
        try {
          const written = writeSegmentData(segmentData(segment), used);
          if (!isDeepStrictEqual(readValues(new EdifactSegment(segment.tag, written, 0, opened.delimiters)), readValues(segment))) wrong.push(`${at}: written ${written}`);
          if (faulted.has(segment.offset)) wrong.push(`${at}: written, though the reader faulted its characters`);
          counts.written += 1;
        } catch (error) {
          // Test files with made-up tags ("BBBB"): a tag is the writer's own, never data.
          const madeUpTag = error instanceof RangeError && !/^[A-Z0-9]{3}$/.test(segment.tag);
          const faultedCharacters = error instanceof UnwritableDataError && error.code === 'CHARACTER_NOT_ALLOWED' && faulted.has(segment.offset);
          if (faultedCharacters) counts.refused += 1;
          else if (!madeUpTag) wrong.push(`${at}: ${String(error)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(counts.written).toBeGreaterThan(100_000);
    expect(counts.refused).toBeGreaterThan(0);
  });
});
