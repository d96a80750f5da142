import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { contrl } from '../../translators/acks/contrl.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { serializeInterchange } from '../../translators/edifact/serialize.js';
import type { EdifactLoopNode, EdifactSegmentNode } from '../../translators/edifact/tree.js';
import { createEdifactValidatingReader, type InterchangeOutcome } from '../../translators/edifact/validating-reader.js';

// For ORDERS, DESADV, INVOIC and IFTSTA in D96A and ORDERS and DESADV in D01B: a good message, and the same
// message broken in each way the EDIFACT engine must catch, with every diagnostic (0085 code, level, place)
// worked out by hand from the directory's segment table and dictionary. Positions count UNH as 1. Each
// good interchange is also a file in test/fixtures/edifact/, which the property tests mutate. Where a
// variant gives one, the CONTRL the gateway answers with is compared with the one written here by hand:
// UCI 7 (the interchange acknowledged), UCM 4 for the rejected message, with 0085 and S011 when the error is
// in its UNT; UCS (segment position, 0085 when the segment itself is wrong) and UCD (0085, S011) below it.

type Level = Diagnostic['level'];

/** A diagnostic as expected: `at` is the text the offending segment starts with (its first occurrence, or its last when `last`). */
interface Expected {
  readonly code: string;
  readonly level: Level;
  readonly segment: string;
  readonly at: string;
  readonly last?: boolean;
  readonly segmentPosition?: number;
  readonly element?: number;
  readonly component?: number;
  readonly repetition?: number;
  readonly elementRef?: string;
  readonly loop?: string;
  readonly data?: string;
}

interface Variant {
  /** The segments between UNH and UNT as the sender meant them; its UNT counts them so. */
  readonly body: readonly string[];
  /** UNB S001 0001 instead of the base's. */
  readonly syntaxIdentifier?: 'UNOA';
  readonly expected: readonly Expected[];
  /** A value the variant must read as: the tag, which of the segments with it (0-based, in file order), the element name, the value. */
  readonly reads?: Reads;
  /** The CONTRL's segments from UCI on, without UNT: the envelope around them is the same for every variant. */
  readonly contrl?: readonly string[];
}

type Reads = readonly [tag: string, nth: number, name: string, value: string];

type VariantName =
  | 'missingSegment'
  | 'groupOverMaximum'
  | 'tooLong'
  | 'invalidCharacterForUnoa'
  | 'unreleasedCharacter'
  | 'releaseBeforeOrdinaryCharacter';

interface Base {
  readonly name: string;
  /** The good interchange in test/fixtures/edifact/. */
  readonly fixture: string;
  /** UNH S009. */
  readonly identifier: string;
  readonly syntax: { readonly identifier: 'UNOA' | 'UNOC'; readonly version: '3' | '4' };
  /** The segments between UNH and UNT. */
  readonly body: readonly string[];
  /** Segments in the message, UNH and UNT included: UNT's position. */
  readonly segmentCount: number;
  /** A value read from the base, where the base holds released data. */
  readonly reads?: Reads;
  readonly broken: Readonly<Record<VariantName, Variant>> & Readonly<Record<string, Variant>>;
}

const replaceAt = (body: readonly string[], index: number, line: string) => body.map((value, at) => (at === index ? line : value));
const insertAt = (body: readonly string[], index: number, lines: readonly string[]) => [...body.slice(0, index), ...lines, ...body.slice(index)];
const removeAt = (body: readonly string[], index: number) => body.filter((_, at) => at !== index);
const numbered = (count: number, line: (n: number) => string) => Array.from({ length: count }, (_, index) => line(index + 1));

// D96A ORDERS in a UNOA interchange, syntax version 3.
const ORDERS_96A = [
  'BGM+220+PO1001+9', // 2
  'DTM+137:20250107:102', // 3
  'FTX+PUR+++DELIVER TO DOCK 3', // 4
  'RFF+CT:CONTRACT1', // 5 SG1
  'NAD+BY+5412345000013::9', // 6 SG2
  "NAD+SU+5412345000020::9++O?'BRIEN LTD", // 7 SG2
  'LIN+1++4000862141404:SRS', // 8 SG25
  'QTY+21:10', // 9
  'PRI+AAA:9.99', // 10 SG28
  'UNS+S', // 11
  'CNT+2:1', // 12
];

// D96A DESADV in a UNOC interchange, syntax version 3.
const DESADV_96A = [
  'BGM+351+DES587441+9', // 2
  'DTM+137:20250107:102', // 3
  'DTM+11:20250107:102', // 4
  'RFF+ON:PO1001', // 5 SG1
  'NAD+SU+5412345000020::9', // 6 SG2
  'NAD+DP+5412345000037::9', // 7 SG2
  'TDT+20++30+31', // 8 SG6
  'CPS+1', // 9 SG10
  'PAC+2++PX', // 10 SG11
  'CPS+2+1', // 11 SG10
  'LIN+1++4000862141404:SRS', // 12 SG15
  'QTY+12:10', // 13
  'CNT+2:1', // 14
];

// D96A INVOIC in a UNOA interchange, syntax version 3.
const INVOIC_96A = [
  'BGM+380+INV1001+9', // 2
  'DTM+137:20250107:102', // 3
  'FTX+AAI+++PAY WITHIN 30 DAYS??', // 4
  'RFF+ON:PO1001', // 5 SG1
  'NAD+SE+5412345000020::9', // 6 SG2
  'NAD+BY+5412345000013::9', // 7 SG2
  'CUX+2:EUR:4', // 8 SG7
  'LIN+1++4000862141404:SRS', // 9 SG25
  'QTY+47:10', // 10
  'MOA+203:99.90', // 11 SG26
  'PRI+AAA:9.99', // 12 SG28
  'UNS+S', // 13
  'CNT+2:1', // 14
  'MOA+77:120.88', // 15 SG48
  'TAX+7+VAT+++:::21+S', // 16 SG50
  'MOA+124:20.98', // 17 SG50
];

// D96A IFTSTA in a UNOA interchange, syntax version 3.
const IFTSTA_96A = [
  'BGM+23+STATUS1001+9', // 2
  'DTM+137:202501071305:203', // 3
  'NAD+CZ+5412345000020::9', // 4 SG1
  'RFF+BN:BOOKING1', // 5 SG3
  'CNI+1+CONSIGNMENT1', // 6 SG4
  'STS+1+21', // 7 SG5
  'DTM+334:202501071300:203', // 8 SG5
  "LOC+14+NLRTM:::ROTTERDAM?'S HAVEN", // 9 SG5
  'TDT+20++30', // 10 SG6
];

// D01B ORDERS in a UNOC interchange, syntax version 4: "*" is the repetition separator, so data holding
// one releases it.
const ORDERS_01B = [
  'BGM+220+PO2001+9', // 2
  'DTM+137:20250107:102', // 3
  'RFF+CT:CONTRACT?*1', // 4 SG1
  'NAD+BY+5412345000013::9', // 5 SG2
  'CTA+PD+:JOHN SMITH', // 6 SG5
  'COM+0031234567:TE*0031234599:FX', // 7 SG5, C076 repeated (at most 3 times in D01B)
  'NAD+SU+5412345000020::9', // 8 SG2
  'CUX+2:EUR:9', // 9 SG7
  'LIN+1++4000862141404:SRS', // 10 SG28
  'QTY+21:10', // 11
  'PRI+AAA:9.99', // 12 SG32
  'UNS+S', // 13
  'CNT+2:1', // 14
];

// D01B DESADV in a UNOC interchange, syntax version 4.
const DESADV_01B = [
  'BGM+351+DES2001+9', // 2
  'DTM+137:20250107:102', // 3
  'RFF+ON:PO2001', // 4 SG1
  'NAD+SU+5412345000020::9', // 5 SG2
  "NAD+DP+5412345000037::9++ST JOHN?'S WHARF", // 6 SG2
  'TDT+20++30+31', // 7 SG6
  'CPS+1', // 8 SG10
  'PAC+1++PX', // 9 SG11
  'PCI+33E', // 10 SG13
  'GIN+BJ+354123450000000014', // 11 SG15
  'LIN+1++4000862141404:SRS', // 12 SG17
  'QTY+12:10', // 13
  'CNT+2:1', // 14
];

const LONG_36 = (start: string) => start + '1'.repeat(36 - start.length);

const bases: readonly Base[] = [
  {
    name: 'ORDERS D96A',
    fixture: 'orders-d96a.edi',
    identifier: 'ORDERS:D:96A:UN',
    syntax: { identifier: 'UNOA', version: '3' },
    body: ORDERS_96A,
    segmentCount: 13,
    reads: ['NAD', 1, 'NAD04-1', "O'BRIEN LTD"],
    broken: {
      // DTM at position 2 can only follow a BGM: the missing BGM is noticed there.
      missingSegment: {
        body: removeAt(ORDERS_96A, 0),
        expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+ORDERS:D:96A:UN+4', 'UCS+2+13'],
      },
      // SG1 (RFF) may repeat 10 times: the 11th RFF, at 5 + 10, is one too many.
      groupOverMaximum: {
        body: insertAt(ORDERS_96A, 4, numbered(10, (n) => `RFF+CT:CONTRACT${n + 1}`)),
        expected: [{ code: '36', level: 'segment', segment: 'RFF', segmentPosition: 15, loop: 'SG1', at: 'RFF+CT:CONTRACT11' }],
      },
      // BGM 1004 (document number) is an..35.
      tooLong: {
        body: replaceAt(ORDERS_96A, 0, `BGM+220+${LONG_36('PO')}+9`),
        expected: [{ code: '39', level: 'element', segment: 'BGM', segmentPosition: 2, element: 2, elementRef: '1004', data: LONG_36('PO'), at: 'BGM+' }],
      },
      // Level A is upper case only; the envelope reader checks the segment before it joins the message.
      invalidCharacterForUnoa: {
        body: replaceAt(ORDERS_96A, 0, 'BGM+220+Po1001+9'),
        expected: [{ code: '21', level: 'segment', segment: 'BGM', segmentPosition: 2, data: 'o', at: 'BGM+' }],
      },
      // The apostrophe in O'BRIEN not released: NAD ends after "O" and "BRIEN LTD" is a segment of its own,
      // no segment tag at all, at 8 in the SG2 the NAD opened. UNT counts the 13 segments the sender meant: 14 arrive.
      unreleasedCharacter: {
        body: replaceAt(ORDERS_96A, 5, "NAD+SU+5412345000020::9++O'BRIEN LTD"),
        expected: [
          { code: '29', level: 'set', segment: 'UNT', segmentPosition: 14, element: 1, data: '13', at: 'UNT+' },
          { code: '15', level: 'segment', segment: 'BRIEN LTD', segmentPosition: 8, loop: 'SG2', at: 'BRIEN LTD' },
        ],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+ORDERS:D:96A:UN+4+29+UNT+1', 'UCS+8+15'],
      },
      // A release character before a character that needs none: the reader drops it and reads on.
      releaseBeforeOrdinaryCharacter: { body: replaceAt(ORDERS_96A, 0, 'BGM+220+PO?1001+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'PO1001'] },
    },
  },
  {
    name: 'DESADV D96A',
    fixture: 'desadv-d96a.edi',
    identifier: 'DESADV:D:96A:UN',
    syntax: { identifier: 'UNOC', version: '3' },
    body: DESADV_96A,
    segmentCount: 15,
    broken: {
      missingSegment: { body: removeAt(DESADV_96A, 0), expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }] },
      // SG7 (LOC under TDT) may repeat 10 times: TDT at 8, LOCs at 9 to 19, the 11th too many.
      groupOverMaximum: {
        body: insertAt(DESADV_96A, 7, numbered(11, (n) => `LOC+11+PORT${n}`)),
        expected: [{ code: '36', level: 'segment', segment: 'LOC', segmentPosition: 19, loop: 'SG7', at: 'LOC+11+PORT11' }],
      },
      // RFF C506 component 2, 1154 (reference number), is an..35.
      tooLong: {
        body: replaceAt(DESADV_96A, 3, `RFF+ON:${LONG_36('P')}`),
        expected: [{ code: '39', level: 'element', segment: 'RFF', segmentPosition: 5, element: 1, component: 2, elementRef: '1154', loop: 'SG1', data: LONG_36('P'), at: 'RFF+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+DESADV:D:96A:UN+4', 'UCS+5', 'UCD+39+1:2'],
      },
      invalidCharacterForUnoa: {
        syntaxIdentifier: 'UNOA',
        body: replaceAt(DESADV_96A, 3, 'RFF+ON:Po1001'),
        expected: [{ code: '21', level: 'segment', segment: 'RFF', segmentPosition: 5, data: 'o', at: 'RFF+' }],
      },
      // "PX?" meant as data but not released: the ? releases the terminator, and PAC runs on over the next
      // segment: PAC+2++PX'CPS+2+1, so C402 is "2" without its mandatory 7064 (component 2), and C532 is "1".
      // The CPS is gone, so the LIN joins the first CPS's SG10; 14 segments arrive where UNT counts 15.
      unreleasedCharacter: {
        body: replaceAt(DESADV_96A, 8, 'PAC+2++PX?'),
        expected: [
          { code: '29', level: 'set', segment: 'UNT', segmentPosition: 14, element: 1, data: '15', at: 'UNT+' },
          { code: '13', level: 'element', segment: 'PAC', segmentPosition: 10, element: 4, component: 2, elementRef: '7064', loop: 'SG11', at: 'PAC+' },
        ],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+DESADV:D:96A:UN+4+29+UNT+1', 'UCS+10', 'UCD+13+4:2'],
      },
      releaseBeforeOrdinaryCharacter: { body: replaceAt(DESADV_96A, 0, 'BGM+351+DES?587441+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'DES587441'] },
    },
  },
  {
    name: 'INVOIC D96A',
    fixture: 'invoic-d96a.edi',
    identifier: 'INVOIC:D:96A:UN',
    syntax: { identifier: 'UNOA', version: '3' },
    body: INVOIC_96A,
    segmentCount: 18,
    reads: ['FTX', 0, 'FTX04-1', 'PAY WITHIN 30 DAYS?'],
    broken: {
      missingSegment: { body: removeAt(INVOIC_96A, 0), expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }] },
      // SG48 (MOA) is the one mandatory group: without it, TAX (SG50, now at 15) is where it is missed.
      missingGroup: {
        body: removeAt(INVOIC_96A, 13),
        expected: [{ code: '13', level: 'segment', segment: 'MOA', segmentPosition: 15, loop: 'SG48', at: 'TAX+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+INVOIC:D:96A:UN+4', 'UCS+15+13'],
      },
      // SG23 (AJT) may occur once: the second AJT, at 10, is one too many.
      groupOverMaximum: {
        body: insertAt(INVOIC_96A, 7, ['AJT+1', 'AJT+2']),
        expected: [{ code: '36', level: 'segment', segment: 'AJT', segmentPosition: 10, loop: 'SG23', at: 'AJT+2' }],
      },
      // MOA 5004 is n..18, the decimal mark not counted: 17 + 2 digits are 19.
      tooLong: {
        body: replaceAt(INVOIC_96A, 13, 'MOA+77:12345678901234567.89'),
        expected: [{ code: '39', level: 'element', segment: 'MOA', segmentPosition: 15, element: 1, component: 2, elementRef: '5004', loop: 'SG48', data: '12345678901234567.89', at: 'MOA+77' }],
      },
      invalidCharacterForUnoa: {
        body: replaceAt(INVOIC_96A, 6, 'CUX+2:eur:4'),
        expected: [{ code: '21', level: 'segment', segment: 'CUX', segmentPosition: 8, data: 'e', at: 'CUX+' }],
      },
      // The data's own ? not released: it releases the terminator, and FTX runs on over RFF+ON:PO1001, which
      // becomes its element 5, 3453 (language): a simple element given a component 2. 17 arrive, UNT counts 18.
      unreleasedCharacter: {
        body: replaceAt(INVOIC_96A, 2, 'FTX+AAI+++PAY WITHIN 30 DAYS?'),
        expected: [
          { code: '29', level: 'set', segment: 'UNT', segmentPosition: 17, element: 1, data: '18', at: 'UNT+' },
          { code: '16', level: 'element', segment: 'FTX', segmentPosition: 4, element: 5, component: 2, elementRef: '3453', at: 'FTX+' },
        ],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+INVOIC:D:96A:UN+4+29+UNT+1', 'UCS+4', 'UCD+16+5:2'],
      },
      releaseBeforeOrdinaryCharacter: { body: replaceAt(INVOIC_96A, 0, 'BGM+380+INV?1001+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'INV1001'] },
    },
  },
  {
    name: 'IFTSTA D96A',
    fixture: 'iftsta-d96a.edi',
    identifier: 'IFTSTA:D:96A:UN',
    syntax: { identifier: 'UNOA', version: '3' },
    body: IFTSTA_96A,
    segmentCount: 11,
    reads: ['LOC', 0, 'LOC02-4', "ROTTERDAM'S HAVEN"],
    broken: {
      missingSegment: { body: removeAt(IFTSTA_96A, 0), expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }] },
      // SG1 (NAD) may repeat 9 times: the 10th NAD, at 4 + 9, is one too many.
      groupOverMaximum: {
        body: insertAt(IFTSTA_96A, 3, numbered(9, (n) => `NAD+CA+CARRIER${n}`)),
        expected: [{ code: '36', level: 'segment', segment: 'NAD', segmentPosition: 13, loop: 'SG1', at: 'NAD+CA+CARRIER9' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+IFTSTA:D:96A:UN+4', 'UCS+13+36'],
      },
      // CNI C503 component 1, 1004 (document number), is an..35.
      tooLong: {
        body: replaceAt(IFTSTA_96A, 4, `CNI+1+${LONG_36('C')}`),
        expected: [{ code: '39', level: 'element', segment: 'CNI', segmentPosition: 6, element: 2, component: 1, elementRef: '1004', loop: 'SG4', data: LONG_36('C'), at: 'CNI+' }],
      },
      invalidCharacterForUnoa: {
        body: replaceAt(IFTSTA_96A, 3, 'RFF+BN:Booking1'),
        expected: [{ code: '21', level: 'segment', segment: 'RFF', segmentPosition: 5, data: 'o', at: 'RFF+' }],
      },
      // The apostrophe of ROTTERDAM'S not released: LOC ends there and "S HAVEN" stands alone at 10, in the
      // SG5 the STS opened; 12 segments arrive, UNT counts 11.
      unreleasedCharacter: {
        body: replaceAt(IFTSTA_96A, 7, "LOC+14+NLRTM:::ROTTERDAM'S HAVEN"),
        expected: [
          { code: '29', level: 'set', segment: 'UNT', segmentPosition: 12, element: 1, data: '11', at: 'UNT+' },
          { code: '15', level: 'segment', segment: 'S HAVEN', segmentPosition: 10, loop: 'SG5', at: 'S HAVEN' },
        ],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+IFTSTA:D:96A:UN+4+29+UNT+1', 'UCS+10+15'],
      },
      releaseBeforeOrdinaryCharacter: { body: replaceAt(IFTSTA_96A, 0, 'BGM+23+STATUS?1001+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'STATUS1001'] },
    },
  },
  {
    name: 'ORDERS D01B',
    fixture: 'orders-d01b.edi',
    identifier: 'ORDERS:D:01B:UN',
    syntax: { identifier: 'UNOC', version: '4' },
    body: ORDERS_01B,
    segmentCount: 15,
    reads: ['RFF', 0, 'RFF01-2', 'CONTRACT*1'],
    broken: {
      missingSegment: { body: removeAt(ORDERS_01B, 0), expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }] },
      // SG5 (CTA under NAD) may repeat 5 times: five more CTAs after the COM at 7 stand at 8 to 12; the last is the 6th.
      groupOverMaximum: {
        body: insertAt(ORDERS_01B, 6, numbered(5, (n) => `CTA+PD+:CONTACT ${n}`)),
        expected: [{ code: '36', level: 'segment', segment: 'CTA', segmentPosition: 12, loop: 'SG5', at: 'CTA+PD+:CONTACT 5' }],
      },
      // NAD C082 component 1, 3039 (party id), is an..35.
      tooLong: {
        body: replaceAt(ORDERS_01B, 3, `NAD+BY+${LONG_36('5')}::9`),
        expected: [{ code: '39', level: 'element', segment: 'NAD', segmentPosition: 5, element: 2, component: 1, elementRef: '3039', loop: 'SG2', data: LONG_36('5'), at: 'NAD+BY' }],
      },
      // COM's C076 may repeat 3 times in D01B.
      tooManyRepetitions: {
        body: replaceAt(ORDERS_01B, 5, 'COM+1:TE*2:TE*3:TE*4:TE'),
        expected: [{ code: '35', level: 'element', segment: 'COM', segmentPosition: 7, element: 1, repetition: 4, elementRef: 'C076', loop: 'SG5', at: 'COM+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+ORDERS:D:01B:UN+4', 'UCS+7', 'UCD+35+1::4'],
      },
      invalidCharacterForUnoa: {
        syntaxIdentifier: 'UNOA',
        body: replaceAt(ORDERS_01B, 4, 'CTA+PD+:John Smith'),
        expected: [{ code: '21', level: 'segment', segment: 'CTA', segmentPosition: 6, data: 'o', at: 'CTA+' }],
      },
      // The * of CONTRACT*1 not released: in version 4 it separates repetitions, so RFF's C506 (which may not
      // repeat) occurs twice, the second time as "1".
      unreleasedCharacter: {
        body: replaceAt(ORDERS_01B, 2, 'RFF+CT:CONTRACT*1'),
        expected: [{ code: '35', level: 'element', segment: 'RFF', segmentPosition: 4, element: 1, repetition: 2, elementRef: 'C506', loop: 'SG1', at: 'RFF+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+ORDERS:D:01B:UN+4', 'UCS+4', 'UCD+35+1::2'],
      },
      releaseBeforeOrdinaryCharacter: { body: replaceAt(ORDERS_01B, 0, 'BGM+220+PO?2001+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'PO2001'] },
    },
  },
  {
    name: 'DESADV D01B',
    fixture: 'desadv-d01b.edi',
    identifier: 'DESADV:D:01B:UN',
    syntax: { identifier: 'UNOC', version: '4' },
    body: DESADV_01B,
    segmentCount: 15,
    reads: ['NAD', 1, 'NAD04-1', "ST JOHN'S WHARF"],
    broken: {
      missingSegment: { body: removeAt(DESADV_01B, 0), expected: [{ code: '13', level: 'segment', segment: 'BGM', segmentPosition: 2, at: 'DTM+137' }] },
      // SG6 (TDT) may repeat 10 times: ten more after the TDT at 7; the last, at 17, is the 11th.
      groupOverMaximum: {
        body: insertAt(DESADV_01B, 6, numbered(10, (n) => `TDT+20+VOYAGE${n}`)),
        expected: [{ code: '36', level: 'segment', segment: 'TDT', segmentPosition: 17, loop: 'SG6', at: 'TDT+20+VOYAGE10' }],
      },
      // GIN C208 component 1, 7402 (object identifier), is an..35.
      tooLong: {
        body: replaceAt(DESADV_01B, 9, `GIN+BJ+${LONG_36('3')}`),
        expected: [{ code: '39', level: 'element', segment: 'GIN', segmentPosition: 11, element: 2, component: 1, elementRef: '7402', loop: 'SG15', data: LONG_36('3'), at: 'GIN+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+DESADV:D:01B:UN+4', 'UCS+11', 'UCD+39+2:1'],
      },
      invalidCharacterForUnoa: {
        syntaxIdentifier: 'UNOA',
        body: replaceAt(DESADV_01B, 7, 'PAC+1++Px'),
        expected: [{ code: '21', level: 'segment', segment: 'PAC', segmentPosition: 9, data: 'x', at: 'PAC+' }],
        contrl: ['UCI+REF1+SENDER:14+THREEPL:14+7', 'UCM+1+DESADV:D:01B:UN+4', 'UCS+9+21'],
      },
      // The apostrophe of JOHN'S not released: "S WHARF" stands alone at 7, in the NAD's SG2; 16 arrive, UNT counts 15.
      unreleasedCharacter: {
        body: replaceAt(DESADV_01B, 4, "NAD+DP+5412345000037::9++ST JOHN'S WHARF"),
        expected: [
          { code: '29', level: 'set', segment: 'UNT', segmentPosition: 16, element: 1, data: '15', at: 'UNT+' },
          { code: '15', level: 'segment', segment: 'S WHARF', segmentPosition: 7, loop: 'SG2', at: 'S WHARF' },
        ],
      },
      releaseBeforeOrdinaryCharacter: { body: replaceAt(DESADV_01B, 0, 'BGM+351+DES?2001+9'), expected: [], reads: ['BGM', 0, 'BGM02', 'DES2001'] },
    },
  },
];

interface EnvelopeOptions {
  readonly syntaxIdentifier?: string;
  readonly untCount?: string;
  readonly untReference?: string;
}

/** One interchange (reference REF1, a CONTRL asked for) with one message (reference 1) holding `body`. */
function interchange(base: Base, body: readonly string[], options: EnvelopeOptions = {}): string {
  const date = base.syntax.version === '4' ? '20250107:1305' : '250107:1305';
  return [
    `UNB+${options.syntaxIdentifier ?? base.syntax.identifier}:${base.syntax.version}+SENDER:14+THREEPL:14+${date}+REF1++++1`,
    `UNH+1+${base.identifier}`,
    ...body,
    `UNT+${options.untCount ?? body.length + 2}+${options.untReference ?? '1'}`,
    'UNZ+1+REF1',
  ]
    .map((segment) => `${segment}'\n`)
    .join('');
}

const NOW = new Date(Date.UTC(2025, 0, 8, 9, 30));

/**
 * The CONTRL for an interchange of `base` (in `syntaxIdentifier`) whose one message the segments `lines`
 * answer, as the gateway writes it: from THREEPL back to SENDER, in the received syntax, interchange and
 * message reference `reference` from the allocator, CONTRL:D:3 for syntax versions 1 to 3, CONTRL:4:1 for 4.
 */
function contrlText(base: Base, lines: readonly string[], options: { syntaxIdentifier?: string; reference?: number } = {}): string {
  const version4 = base.syntax.version === '4';
  const reference = options.reference ?? 1;
  return [
    `UNB+${options.syntaxIdentifier ?? base.syntax.identifier}:${base.syntax.version}+THREEPL:14+SENDER:14+${version4 ? '20250108' : '250108'}:0930+${reference}`,
    `UNH+${reference}+CONTRL:${version4 ? '4:1' : 'D:3'}:UN`,
    ...lines,
    `UNT+${lines.length + 2}+${reference}`,
    `UNZ+1+${reference}`,
  ]
    .map((segment) => `${segment}'\n`)
    .join('');
}

/** The CONTRL the gateway sends for each interchange of a reading (undefined where none is due), references from one allocator. */
async function contrlsOf(reading: Reading): Promise<(string | undefined)[]> {
  const allocator = createMemoryAllocator();
  const written: (string | undefined)[] = [];
  for (const outcome of reading.outcomes) {
    const answer = contrl(outcome);
    written.push(answer && (await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, allocator, partner: 'SENDER', now: NOW, lineEnding: '\n' })));
  }
  return written;
}

interface Reading {
  /** In the order the reader reported them. */
  readonly diagnostics: Diagnostic[];
  readonly outcomes: InterchangeOutcome[];
  readonly trees: (EdifactLoopNode | undefined)[];
}

function read(text: string): Reading {
  const reading: Reading = { diagnostics: [], outcomes: [], trees: [] };
  const reader = createEdifactValidatingReader({
    diagnostic: (diagnostic) => void reading.diagnostics.push(diagnostic),
    interchangeEnd: (outcome) => void reading.outcomes.push(outcome),
    message: (_message, _outcome, tree) => void reading.trees.push(tree),
  }, { collectOutcomes: true });
  reader.write(Buffer.from(text, 'latin1'));
  reader.end();
  return reading;
}

/** The fields a diagnostic is compared on, without those it leaves out. */
function fields(diagnostic: Diagnostic): Record<string, unknown> {
  const { offset, interchange: reference, group, set, segmentPosition, segment, element, component, repetition, elementRef, loop } = diagnostic.location;
  const all = { code: diagnostic.code, codeList: diagnostic.codeList, level: diagnostic.level, severity: diagnostic.severity, offset, interchange: reference, group, set, segmentPosition, segment, element, component, repetition, elementRef, loop, data: diagnostic.data };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}

function expectedFields(expected: Expected, text: string): Record<string, unknown> {
  const { at, last, ...rest } = expected;
  const offset = last ? text.lastIndexOf(at) : text.indexOf(at);
  expect(offset).toBeGreaterThanOrEqual(0);
  return { codeList: '0085', severity: 'error', interchange: 'REF1', ...(expected.level === 'interchange' ? {} : { set: '1' }), offset, ...rest };
}

/** Every segment of a message with that tag, at any depth, in file order. */
function segmentsTagged(loop: EdifactLoopNode | undefined, tag: string): EdifactSegmentNode[] {
  return (loop?.children ?? []).flatMap((child) => (child.kind === 'segment' ? (child.tag === tag ? [child] : []) : segmentsTagged(child as EdifactLoopNode, tag)));
}

function expectToRead(reading: Reading, [tag, nth, name, value]: Reads): void {
  expect(segmentsTagged(reading.trees[0], tag)[nth]?.value(name)).toBe(value);
}

/** Every diagnostic is in the outcome: the interchange's own, or its message's. */
function expectOutcomesToHold(reading: Reading): void {
  const inOutcomes = reading.outcomes.flatMap((outcome) => [...outcome.diagnostics, ...outcome.messages.flatMap((message) => message.diagnostics), ...outcome.groups.flatMap((group) => group.diagnostics)]);
  expect(inOutcomes).toHaveLength(reading.diagnostics.length);
  expect(new Set(inOutcomes)).toEqual(new Set(reading.diagnostics));
  for (const outcome of reading.outcomes) {
    for (const diagnostic of outcome.messages.flatMap((message) => message.diagnostics)) expect(diagnostic.level).not.toBe('interchange');
  }
}

describe.each(bases)('EDIFACT broken variants: $name', (base) => {
  it('counts its segments as the base says, and is its fixture file', () => {
    expect(base.body.length + 2).toBe(base.segmentCount);
    expect(fs.readFileSync(`test/fixtures/edifact/${base.fixture}`, 'latin1')).toBe(interchange(base, base.body));
  });

  it('reads the base with no diagnostics at all, and acknowledges it (UCI 7, UCM 7) as its sender asks', async () => {
    const reading = read(interchange(base, base.body));
    expect(reading.diagnostics).toEqual([]);
    expect(reading.outcomes).toHaveLength(1);
    const [outcome] = reading.outcomes as [InterchangeOutcome];
    expect(outcome.header).toMatchObject({ reference: 'REF1', syntaxIdentifier: base.syntax.identifier, syntaxVersion: base.syntax.version, acknowledgmentRequested: true });
    expect(outcome.messages.map((message) => [`${message.type}:${message.version}:${message.release}:${message.agency}`, message.reference, message.supported, message.diagnostics])).toEqual([[base.identifier, '1', true, []]]);
    if (base.reads) expectToRead(reading, base.reads);
    expect(await contrlsOf(reading)).toEqual([contrlText(base, ['UCI+REF1+SENDER:14+THREEPL:14+7', `UCM+1+${base.identifier}+7`])]);
  });

  it.each(Object.entries(base.broken))('%s', async (_name, variant) => {
    const text = interchange(base, variant.body, variant.syntaxIdentifier ? { syntaxIdentifier: variant.syntaxIdentifier } : {});
    const reading = read(text);
    expect(reading.diagnostics.map(fields)).toEqual(variant.expected.map((expected) => expectedFields(expected, text)));
    expectOutcomesToHold(reading);
    if (variant.reads) expectToRead(reading, variant.reads);
    if (variant.contrl) expect(await contrlsOf(reading)).toEqual([contrlText(base, variant.contrl, variant.syntaxIdentifier ? { syntaxIdentifier: variant.syntaxIdentifier } : {})]);
  });

  it('finds a UNT that miscounts the segments (29), and rejects the message for it in UNT 0074', async () => {
    const text = interchange(base, base.body, { untCount: '99' });
    const reading = read(text);
    expect(reading.diagnostics.map(fields)).toEqual([expectedFields({ code: '29', level: 'set', segment: 'UNT', segmentPosition: base.segmentCount, element: 1, data: '99', at: 'UNT+' }, text)]);
    expectOutcomesToHold(reading);
    expect(await contrlsOf(reading)).toEqual([contrlText(base, ['UCI+REF1+SENDER:14+THREEPL:14+7', `UCM+1+${base.identifier}+4+29+UNT+1`])]);
  });

  it("finds a UNT whose reference is not its UNH's (28), and rejects the message for it in UNT 0062", async () => {
    const text = interchange(base, base.body, { untReference: '2' });
    const reading = read(text);
    expect(reading.diagnostics.map(fields)).toEqual([expectedFields({ code: '28', level: 'set', segment: 'UNT', segmentPosition: base.segmentCount, element: 2, data: '2', at: 'UNT+' }, text)]);
    expectOutcomesToHold(reading);
    expect(await contrlsOf(reading)).toEqual([contrlText(base, ['UCI+REF1+SENDER:14+THREEPL:14+7', `UCM+1+${base.identifier}+4+28+UNT+2`])]);
  });

  it('finds the same interchange twice in one file (26 on the second UNB), and rejects only the second, in UNB 0020', async () => {
    const once = interchange(base, base.body);
    const text = once + once;
    const reading = read(text);
    expect(reading.diagnostics.map(fields)).toEqual([expectedFields({ code: '26', level: 'interchange', segment: 'UNB', element: 5, data: 'REF1', at: 'UNB+', last: true }, text)]);
    expect(reading.outcomes.map((outcome) => outcome.diagnostics.map((diagnostic) => diagnostic.code))).toEqual([[], ['26']]);
    expectOutcomesToHold(reading);
    // A rejected interchange is answered by UCI alone: nothing below it is looked at.
    expect(await contrlsOf(reading)).toEqual([
      contrlText(base, ['UCI+REF1+SENDER:14+THREEPL:14+7', `UCM+1+${base.identifier}+7`]),
      contrlText(base, ['UCI+REF1+SENDER:14+THREEPL:14+4+26+UNB+5'], { reference: 2 }),
    ]);
  });
});
