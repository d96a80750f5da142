import { describe, expect, it } from '@jest/globals';
import { acknowledge } from '../../translators/acks/acknowledge.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import { serializeInterchange } from '../../translators/x12/serialize.js';
import { compiledSpecFor } from '../../translators/x12/specs/registry.js';
import { createValidatingReader, type InterchangeOutcome } from '../../translators/x12/validating-reader.js';

// For each of 850, 856, 810 and 214 in 004010 and 005010: a good set, and the same set broken in each way
// the X12 engine must catch, with the acknowledgment written out by hand. A 004010 group is answered with
// a 997 (AK3/AK4/AK5), a 005010 group with a 999 (IK3/IK4/IK5; a duplicate ST02 is 23 there, 7 in 004010).

type Version = '004010' | '005010';

const NOW = new Date(Date.UTC(2025, 0, 8, 9, 30));

interface Document {
  readonly id: '850' | '856' | '810' | '214';
  readonly functionalId: string;
  /** Segments between ST and SE, positions 2 on. */
  readonly body: readonly string[];
  /** Each way to break the set's content: the new body and the AK3/AK4 lines (AK/IK prefix left off) it must cause. */
  readonly broken: Readonly<Record<'missingSegment' | 'outOfOrder' | 'loopOverMaximum' | 'invalidCode' | 'tooLong' | 'badDate', { body: string[]; errors: string[] }>>;
}

const replaceAt = (body: readonly string[], index: number, line: string) => body.map((value, at) => (at === index ? line : value));
const swap = (body: readonly string[], a: number, b: number) => body.map((value, at) => (at === a ? (body[b] as string) : at === b ? (body[a] as string) : value));
const insertAt = (body: readonly string[], index: number, lines: readonly string[]) => [...body.slice(0, index), ...lines, ...body.slice(index)];

const PO_850 = ['BEG*00*SA*PO-1001**20250107', 'REF*DP*038', 'DTM*002*20250115', 'N1*ST*Main Warehouse*92*0001', 'N3*1 Dock Road', 'N4*Springfield*IL*62701*US', 'PO1*1*10*EA*9.99**VP*ABC-1*UP*012345678905', 'PID*F****Widget', 'CTT*1'];
const ASN_856 = [
  'BSN*00*SHIP-1*20250107*1305*0001',
  'HL*1**S',
  'TD1*CTN25*2',
  'TD5**2*UPSN',
  'REF*BM*BOL123',
  'DTM*011*20250107',
  'N1*ST*Main Warehouse*92*0001',
  'HL*2*1*O',
  'PRF*PO-1001',
  'HL*3*2*P',
  'MAN*GM*00012345678901234567',
  'HL*4*3*I',
  'LIN**VP*ABC-1',
  'SN1**10*EA',
  'CTT*4',
];
const INVOICE_810 = ['BIG*20250107*INV-1*20250101*PO-1001', 'REF*IA*V-1', 'N1*RE*Acme Corp*92*0001', 'DTM*011*20250107', 'IT1*1*10*EA*9.99**VP*ABC-1', 'TDS*9990', 'CTT*1'];
const STATUS_214 = ['B10*PRO123*SHIP-1*ABCD', 'L11*PO-1001*PO', 'N1*SH*Acme Corp', 'LX*1', 'AT7*X1*NS***20250107*1305*LT', 'MS1*Springfield*IL*US'];

/** 005010 moved L11 and the N1 loop of the 214 into each LX loop; only MS3 stays in the heading. */
const STATUS_214_5010 = ['B10*PRO123*SHIP-1*ABCD', 'LX*1', 'L11*PO-1001*PO', 'AT7*X1*NS***20250107*1305*LT', 'MS1*Springfield*IL*US', 'N1*SH*Acme Corp'];

const status214In5010: Document = {
  id: '214',
  functionalId: 'QM',
  body: STATUS_214_5010,
  broken: {
    missingSegment: { body: STATUS_214_5010.slice(1), errors: ['3*B10*2**3'] },
    outOfOrder: { body: swap(STATUS_214_5010, 3, 4), errors: ['3*MS1*5*LX*7'] },
    // The N1 loop may occur five times in an LX: the 6th is at position 7 + 5.
    loopOverMaximum: { body: [...STATUS_214_5010, ...Array.from({ length: 5 }, (_, index) => `N1*CN*Consignee ${index}`)], errors: ['3*N1*12*N1*4'] },
    invalidCode: { body: replaceAt(STATUS_214_5010, 0, 'B10*PRO123*SHIP-1*ABCD****X'), errors: ['3*B10*2**8', '4*7*1073*7*X'] },
    tooLong: { body: replaceAt(STATUS_214_5010, 0, 'B10*PRO123*SHIP-1234567890123456789012345678*ABCD'), errors: ['3*B10*2**8', '4*2*145*5*SHIP-1234567890123456789012345678'] },
    badDate: { body: replaceAt(STATUS_214_5010, 3, 'AT7*X1*NS***20250230*1305*LT'), errors: ['3*AT7*5*AT7*8', '4*5*373*8*20250230'] },
  },
};

const documents: readonly Document[] = [
  {
    id: '850',
    functionalId: 'PO',
    body: PO_850,
    broken: {
      missingSegment: { body: PO_850.slice(1), errors: ['3*BEG*2**3'] },
      // DTM (position 150) before REF (050): REF can only come earlier.
      outOfOrder: { body: swap(PO_850, 1, 2), errors: ['3*REF*4**7'] },
      // The CTT loop may occur once.
      loopOverMaximum: { body: [...PO_850, 'CTT*1'], errors: ['3*CTT*11*CTT*4'] },
      invalidCode: { body: replaceAt(PO_850, 0, 'BEG*99*SA*PO-1001**20250107'), errors: ['3*BEG*2**8', '4*1*353*7*99'] },
      tooLong: { body: replaceAt(PO_850, 0, 'BEG*00*SA*PO-12345678901234567890**20250107'), errors: ['3*BEG*2**8', '4*3*324*5*PO-12345678901234567890'] },
      badDate: { body: replaceAt(PO_850, 0, 'BEG*00*SA*PO-1001**20250230'), errors: ['3*BEG*2**8', '4*5*373*8*20250230'] },
    },
  },
  {
    id: '856',
    functionalId: 'SH',
    body: ASN_856,
    broken: {
      missingSegment: { body: ASN_856.slice(1), errors: ['3*BSN*2**3'] },
      // TD5 (position 120) before TD1 (110) in the shipment level.
      outOfOrder: { body: swap(ASN_856, 2, 3), errors: ['3*TD1*5*HL*7'] },
      // 201 N1 loops in one HL: the 201st is at position 8 + 200.
      loopOverMaximum: { body: insertAt(ASN_856, 7, Array.from({ length: 200 }, (_, index) => `N1*SF*Supplier ${index}`)), errors: ['3*N1*208*N1*4'] },
      invalidCode: { body: replaceAt(ASN_856, 0, 'BSN*99*SHIP-1*20250107*1305*0001'), errors: ['3*BSN*2**8', '4*1*353*7*99'] },
      tooLong: { body: replaceAt(ASN_856, 0, 'BSN*00*SHIP-1234567890123456789012345678*20250107*1305*0001'), errors: ['3*BSN*2**8', '4*2*396*5*SHIP-1234567890123456789012345678'] },
      badDate: { body: replaceAt(ASN_856, 0, 'BSN*00*SHIP-1*20250230*1305*0001'), errors: ['3*BSN*2**8', '4*3*373*8*20250230'] },
    },
  },
  {
    id: '810',
    functionalId: 'IN',
    body: INVOICE_810,
    broken: {
      missingSegment: { body: INVOICE_810.slice(1), errors: ['3*BIG*2**3'] },
      // DTM (position 140) before the N1 loop (070).
      outOfOrder: { body: swap(INVOICE_810, 2, 3), errors: ['3*N1*5**7'] },
      // The N9 loop may occur once.
      loopOverMaximum: { body: insertAt(INVOICE_810, 4, ['N9*ZZ*X', 'MSG*First note', 'N9*ZZ*Y', 'MSG*Second note']), errors: ['3*N9*8*N9*4'] },
      invalidCode: { body: replaceAt(INVOICE_810, 0, 'BIG*20250107*INV-1*20250101*PO-1001****99'), errors: ['3*BIG*2**8', '4*8*353*7*99'] },
      tooLong: { body: replaceAt(INVOICE_810, 0, 'BIG*20250107*INV-12345678901234567890*20250101*PO-1001'), errors: ['3*BIG*2**8', '4*2*76*5*INV-12345678901234567890'] },
      badDate: { body: replaceAt(INVOICE_810, 0, 'BIG*20250230*INV-1*20250101*PO-1001'), errors: ['3*BIG*2**8', '4*1*373*8*20250230'] },
    },
  },
  {
    id: '214',
    functionalId: 'QM',
    body: STATUS_214,
    broken: {
      missingSegment: { body: STATUS_214.slice(1), errors: ['3*B10*2**3'] },
      // MS1 belongs inside the AT7 loop, after its AT7.
      outOfOrder: { body: swap(STATUS_214, 4, 5), errors: ['3*MS1*6*LX*7'] },
      // The heading N1 loop may occur ten times: the 11th is at position 4 + 10.
      loopOverMaximum: { body: insertAt(STATUS_214, 3, Array.from({ length: 10 }, (_, index) => `N1*CN*Consignee ${index}`)), errors: ['3*N1*14*N1*4'] },
      invalidCode: { body: replaceAt(STATUS_214, 0, 'B10*PRO123*SHIP-1*ABCD****X'), errors: ['3*B10*2**8', '4*7*1073*7*X'] },
      tooLong: { body: replaceAt(STATUS_214, 0, 'B10*PRO123*SHIP-1234567890123456789012345678*ABCD'), errors: ['3*B10*2**8', '4*2*145*5*SHIP-1234567890123456789012345678'] },
      badDate: { body: replaceAt(STATUS_214, 4, 'AT7*X1*NS***20250230*1305*LT'), errors: ['3*AT7*6*AT7*8', '4*5*373*8*20250230'] },
    },
  },
];

function interchange(document: Document, version: Version, sets: readonly (readonly string[])[], options: { ge01?: number; iea02?: string } = {}): string {
  const [isa11, isa12] = version === '005010' ? ['^', '00501'] : ['U', '00401'];
  return [
    `ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*${isa11}*${isa12}*000000905*0*P*>`,
    `GS*${document.functionalId}*ACME*THREEPL*20250107*1305*905*X*${version}`,
    ...sets.flat(),
    `GE*${options.ge01 ?? sets.length}*905`,
    `IEA*1*${options.iea02 ?? '000000905'}`,
  ].join('~\n') + '~\n';
}

function set(document: Document, body: readonly string[], options: { controlNumber?: string; se01?: number; se02?: string } = {}): string[] {
  const controlNumber = options.controlNumber ?? '0001';
  return [`ST*${document.id}*${controlNumber}`, ...body, `SE*${options.se01 ?? body.length + 2}*${options.se02 ?? controlNumber}`];
}

/** The acknowledgment's segments between GS and GE (or the TA1 when that is all), one per entry, without terminators. */
async function ack(text: string): Promise<string[]> {
  const outcomes: InterchangeOutcome[] = [];
  const reader = createValidatingReader({ interchangeEnd: (outcome) => void outcomes.push(outcome) }, { specs: compiledSpecFor, collectOutcomes: true });
  reader.write(Buffer.from(text, 'latin1'));
  reader.end();
  const [outcome] = outcomes;
  const answer = outcome && acknowledge(outcome, NOW);
  if (!answer) return [];
  const written = await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, allocator: createMemoryAllocator(), partner: 'ACME', now: NOW, lineEnding: '\n' });
  return written
    .split('~\n')
    .filter((line) => /^(TA1|ST|AK|IK|SE)/.test(line));
}

describe.each(['004010', '005010'] as const)('broken variants, %s', (version) => {
  const is999 = version === '005010';
  const [k, ack997] = is999 ? ['IK', '999'] : ['AK', '997'];
  const head = (document: Document) => [is999 ? `ST*999*0001*005010X231A1` : 'ST*997*0001', `AK1*${document.functionalId}*905${is999 ? '*005010' : ''}`];

  const forVersion = documents.map((document) => (is999 && document.id === '214' ? status214In5010 : document));
  describe.each(forVersion)('$id', (document) => {
    it(`is accepted when nothing is wrong (${ack997} AK5 A, AK9 A)`, async () => {
      const lines = await ack(interchange(document, version, [set(document, document.body)]));
      expect(lines.slice(0, -1)).toEqual([...head(document), `AK2*${document.id}*0001`, `${k}5*A`, 'AK9*A*1*1*1']);
    });

    it.each(Object.entries(document.broken))('rejects the set: %s', async (_name, { body, errors }) => {
      const lines = await ack(interchange(document, version, [set(document, body)]));
      expect(lines.slice(0, -1)).toEqual([...head(document), `AK2*${document.id}*0001`, ...errors.map((line) => `${k}${line}`), `${k}5*R*5`, 'AK9*R*1*1*0']);
    });

    it('rejects a set whose SE01 is wrong (code 4)', async () => {
      const lines = await ack(interchange(document, version, [set(document, document.body, { se01: 99 })]));
      expect(lines.slice(2, -1)).toEqual([`AK2*${document.id}*0001`, `${k}5*R*4`, 'AK9*R*1*1*0']);
    });

    it('rejects a set whose SE02 differs from ST02 (code 3)', async () => {
      const lines = await ack(interchange(document, version, [set(document, document.body, { se02: '0002' })]));
      expect(lines.slice(2, -1)).toEqual([`AK2*${document.id}*0001`, `${k}5*R*3`, 'AK9*R*1*1*0']);
    });

    it(`rejects the second of two sets with the same ST02 (code ${is999 ? 23 : 7}) and accepts the first: AK9 P`, async () => {
      const lines = await ack(interchange(document, version, [set(document, document.body), set(document, document.body)]));
      expect(lines.slice(2, -1)).toEqual([`AK2*${document.id}*0001`, `${k}5*A`, `AK2*${document.id}*0001`, `${k}5*R*${is999 ? 23 : 7}`, 'AK9*P*2*2*1']);
    });

    it('rejects the group whose GE01 miscounts its sets (AK905 5)', async () => {
      const lines = await ack(interchange(document, version, [set(document, document.body)], { ge01: 2 }));
      expect(lines.slice(2, -1)).toEqual([`AK2*${document.id}*0001`, `${k}5*A`, 'AK9*R*2*1*0*5']);
    });

    it('rejects the interchange whose IEA02 differs from ISA13 with a TA1 (note 001) and nothing else', async () => {
      expect(await ack(interchange(document, version, [set(document, document.body)], { iea02: '000000906' }))).toEqual(['TA1*000000905*250107*1305*R*001']);
    });
  });
});
