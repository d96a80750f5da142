import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { GuideOverlayError, type GuideOverlay } from '../../translators/x12/specs/guide-overlay.js';
import { composite, def, element, loop, segment, UNBOUNDED, type TransactionSetSpec, type X12Dictionary } from '../../translators/x12/specs/spec-types.js';
import type { LoopNode } from '../../translators/x12/tree.js';
import { createValidatingReader } from '../../translators/x12/validating-reader.js';
import { compileSet } from '../../translators/x12/validator/compiled-spec.js';

// The validator's rules on a small made-up set, so that each rule is seen on its own; the real 850, 856,
// 810 and 214 definitions are exercised by the broken-variant tests.

const dictionary: X12Dictionary = {
  version: '004010',
  segments: {
    ST: def('Transaction Set Header', ['M 143', 'M 329']),
    BEG: def('Beginning Segment for Purchase Order', ['M 353', 'M 92', 'M 324', 'O 328', 'M 373']),
    REF: def('Reference Identification', ['M 128', 'X 127', 'X 352'], ['R0203']),
    N1: def('Name', ['M 98', 'X 93', 'X 66', 'X 67'], ['R0203', 'P0304']),
    N3: def('Address Information', ['M 166', 'O 166']),
    PO1: def('Baseline Item Data', ['O 350', 'X 330', 'X 355', 'X 212', 'O 639', 'X 235', 'X 234'], ['C0203', 'P0607']),
    MEA: def('Measurements', ['O 737', 'O 738', 'X 739', 'X C001'], ['C0403']),
    CTT: def('Transaction Totals', ['M 354']),
    SE: def('Transaction Set Trailer', ['M 96', 'M 329']),
  },
  composites: {
    C001: composite('Composite Unit of Measure', ['M 355', 'O 1018']),
  },
  elements: {
    '143': element('Transaction Set Identifier Code', 'ID', 3, 3),
    '329': element('Transaction Set Control Number', 'AN', 4, 9),
    '353': element('Transaction Set Purpose Code', 'ID', 2, 2, ['00', '01', '05']),
    '92': element('Purchase Order Type Code', 'ID', 2, 2, ['SA', 'DS', 'RL']),
    '324': element('Purchase Order Number', 'AN', 1, 22),
    '328': element('Release Number', 'AN', 1, 30),
    '373': element('Date', 'DT', 8, 8),
    '128': element('Reference Identification Qualifier', 'ID', 2, 3),
    '127': element('Reference Identification', 'AN', 1, 30),
    '352': element('Description', 'AN', 1, 80),
    '98': element('Entity Identifier Code', 'ID', 2, 3),
    '93': element('Name', 'AN', 1, 60),
    '66': element('Identification Code Qualifier', 'ID', 1, 2),
    '67': element('Identification Code', 'AN', 2, 80),
    '166': element('Address Information', 'AN', 1, 55),
    '350': element('Assigned Identification', 'AN', 1, 20),
    '330': element('Quantity Ordered', 'R', 1, 15),
    '355': element('Unit or Basis for Measurement Code', 'ID', 2, 2, ['EA', 'CA', 'LB']),
    '212': element('Unit Price', 'R', 1, 17),
    '639': element('Basis of Unit Price Code', 'ID', 2, 2),
    '235': element('Product/Service ID Qualifier', 'ID', 2, 2),
    '234': element('Product/Service ID', 'AN', 1, 48),
    '737': element('Measurement Reference ID Code', 'ID', 2, 2),
    '738': element('Measurement Qualifier', 'ID', 1, 3),
    '739': element('Measurement Value', 'R', 1, 20),
    '1018': element('Exponent', 'R', 1, 15),
    '354': element('Number of Line Items', 'N0', 1, 6),
    '96': element('Number of Included Segments', 'N0', 1, 10),
  },
};

const spec: TransactionSetSpec = {
  id: '850',
  name: 'Purchase Order',
  functionalId: 'PO',
  version: '004010',
  body: [
    segment('010', 'ST', 'M', 1),
    segment('020', 'BEG', 'M', 1),
    segment('050', 'REF', 'O', UNBOUNDED),
    loop('N1', 'O', 2, [segment('310', 'N1', 'O', 1), segment('330', 'N3', 'O', 2)]),
    loop('PO1', 'M', 100000, [segment('010', 'PO1', 'M', 1), segment('049', 'MEA', 'O', 40)]),
    loop('CTT', 'O', 1, [segment('010', 'CTT', 'O', 1)]),
    segment('030', 'SE', 'M', 1),
  ],
};

const GOOD_BODY = ['BEG*00*SA*PO-1**20250107', 'REF*DP*038', 'N1*ST*Warehouse*92*0001', 'N3*1 Dock Road', 'PO1*1*10*EA*9.99**VP*ABC-1', 'MEA*PD*WT*12.5*LB', 'CTT*1'];

/** An interchange holding one 850 with `body` between ST and SE; SE01 is counted right. */
function interchange(body: readonly string[], version: '004010' | '005010' = '004010'): string {
  const isa12 = version === '005010' ? '00501' : '00401';
  const isa11 = version === '005010' ? '^' : 'U';
  return [
    `ISA*00*          *00*          *ZZ*ACME           *ZZ*THREEPL        *250107*1305*${isa11}*${isa12}*000000905*0*T*>`,
    `GS*PO*ACME*THREEPL*20250107*1305*905*X*${version}`,
    'ST*850*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*905',
    'IEA*1*000000905',
  ].join('~\n') + '~\n';
}

function validate(body: readonly string[], options: { overlay?: GuideOverlay; version?: '004010' | '005010' } = {}): { diagnostics: Diagnostic[]; tree: LoopNode | undefined } {
  const compiled = compileSet({ ...spec, version: options.version ?? '004010' }, dictionary, options.overlay);
  const diagnostics: Diagnostic[] = [];
  let tree: LoopNode | undefined;
  const reader = createValidatingReader(
    { diagnostic: (diagnostic) => void diagnostics.push(diagnostic), transactionSet: (_set, _outcome, built) => void (tree = built) },
    { specs: () => compiled },
  );
  reader.write(Buffer.from(interchange(body, options.version), 'latin1'));
  reader.end();
  return { diagnostics, tree };
}

/** Each finding as "list code segment@position element: message". */
function findings(body: readonly string[], options: Parameters<typeof validate>[1] = {}): string[] {
  return validate(body, options).diagnostics.map((d) => {
    const at = d.location;
    const element = at.element === undefined ? '' : ` e${at.element}${at.component === undefined ? '' : `-${at.component}`}`;
    return `${d.codeList} ${d.code} ${at.segment}@${at.segmentPosition}${at.loop ? `/${at.loop}` : ''}${element}: ${d.message}`;
  });
}

const replace = (index: number, text: string) => GOOD_BODY.map((line, at) => (at === index ? text : line));

describe('X12 transaction set validator', () => {
  it('finds nothing wrong in a good set and builds its tree', () => {
    const { diagnostics, tree } = validate(GOOD_BODY);
    expect(diagnostics).toEqual([]);
    expect(tree?.value('BEG03')).toBe('PO-1');
    const [shipTo] = tree?.loops('N1') ?? [];
    expect(shipTo?.value('N102')).toBe('Warehouse');
    expect(shipTo?.segment('N3')?.value('N301')).toBe('1 Dock Road');
    const [line] = tree?.loops('PO1') ?? [];
    expect(line?.value('PO107')).toBe('ABC-1');
    expect(line?.segment('MEA')?.value('MEA04-1')).toBe('LB');
    expect(line?.segment('MEA')?.position).toBe(7);
    expect(() => line?.segment('MEA')?.value('PO104')).toThrow('"PO104" does not name an element of MEA');
  });

  it('reports a missing mandatory segment and a missing mandatory loop where they were due', () => {
    expect(findings(GOOD_BODY.filter((line) => !line.startsWith('BEG')))).toEqual([
      'AK304 3 BEG@2: BEG, the beginning segment for purchase order segment, is required but missing.',
    ]);
    expect(findings(GOOD_BODY.filter((line) => !/^(PO1|MEA)/.test(line)))).toEqual(['AK304 3 PO1@6/PO1: The PO1 loop is required but missing; it starts with PO1.']);
  });

  it('tells a segment out of order from one foreign to the set and from a malformed tag', () => {
    const outOfOrder = [...GOOD_BODY.slice(1, 5), GOOD_BODY[0] as string, ...GOOD_BODY.slice(5)];
    expect(findings(outOfOrder)).toEqual([
      'AK304 3 BEG@2: BEG, the beginning segment for purchase order segment, is required but missing.',
      'AK304 7 BEG@6/PO1: BEG is out of order here (in the PO1 loop); transaction set 850 allows it only elsewhere.',
    ]);
    expect(findings([...GOOD_BODY.slice(0, 2), 'CLM*1*2', ...GOOD_BODY.slice(2)])).toEqual(['AK304 6 CLM@4: CLM is not a segment of transaction set 850 (Purchase Order).']);
  });

  it('counts loop repeats and segment uses against their maximum', () => {
    const threeParties = [...GOOD_BODY.slice(0, 4), 'N1*BT*Billing', 'N1*VN*Vendor', ...GOOD_BODY.slice(4)];
    expect(findings(threeParties)).toEqual(['AK304 4 N1@7/N1: The N1 loop repeats more than the 2 times allowed.']);
    const threeStreets = [...GOOD_BODY.slice(0, 4), 'N3*Second', 'N3*Third', ...GOOD_BODY.slice(4)];
    expect(findings(threeStreets)).toEqual(['AK304 5 N3@7/N1: N3 appears more than the 2 times allowed in one N1 loop.']);
  });

  it('checks presence, length, type, codes, dates and syntax notes of elements', () => {
    expect(findings(replace(0, 'BEG*00*SA***20250107'))).toEqual(['AK403 1 BEG@2 e3: BEG03, the purchase order number, is missing.']);
    expect(findings(replace(0, 'BEG*00*SA*PO-0123456789012345678901**20250107'))).toEqual([
      'AK403 5 BEG@2 e3: BEG03, the purchase order number, is "PO-0123456789012345678901", 25 long; it may be at most 22.',
    ]);
    expect(findings(replace(0, 'BEG*99*SA*PO-1**20250107'))).toEqual(['AK403 7 BEG@2 e1: BEG01, the transaction set purpose code, is "99", which is not one of its codes (00, 01, 05).']);
    expect(findings(replace(0, 'BEG*00*SA*PO-1**20250230'))).toEqual(['AK403 8 BEG@2 e5: BEG05, the date, is "20250230", which is not a date (CCYYMMDD).']);
    expect(findings(replace(4, 'PO1*1*ten*EA*9.99**VP*ABC-1'))).toEqual(['AK403 6 PO1@6/PO1 e2: PO102, the quantity ordered, is "ten", which is not a decimal number.']);
    expect(findings(replace(4, 'PO1*1*10*EA*9.99**VP'))).toEqual([
      'AK403 2 PO1@6/PO1 e7: PO106, PO107 go together: PO107 is missing while PO106 is given (syntax note PO1 P0607).',
    ]);
    expect(findings(replace(4, 'PO1*1*10**9.99**VP*ABC-1'))).toEqual(['AK403 2 PO1@6/PO1 e3: PO103 is required when PO102 is given (syntax note PO1 C0203).']);
    expect(findings(replace(1, 'REF*DP'))).toEqual(['AK403 2 REF@3 e2: At least one of REF02, REF03 is required (syntax note REF R0203).']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB*9'))).toEqual(['AK403 3 MEA@7/PO1 e5: MEA has data in element 5, but a MEA segment has only 4 elements.']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*KG'))).toEqual(['AK403 7 MEA@7/PO1 e4-1: MEA04-1, the unit or basis for measurement code, is "KG", which is not one of its codes (EA, CA, LB).']);
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB>1>2'))).toEqual(['AK403 3 MEA@7/PO1 e4-3: MEA04, the composite unit of measure, has 3 components; it has only 2.']);
  });

  it('uses the 005010 codes for repetitions and components', () => {
    expect(findings(replace(5, 'MEA*PD*WT*12.5*LB>1>2'), { version: '005010' })).toEqual(['IK403 13 MEA@7/PO1 e4-3: MEA04, the composite unit of measure, has 3 components; it has only 2.']);
    expect(findings(replace(2, 'N1*ST*Warehouse^Annex*92*0001'), { version: '005010' })).toEqual(['IK403 12 N1@4/N1 e2: N102, the name, repeats 2 times; at most 1 is allowed.']);
  });

  it("applies a partner's guide: mandatory, not used, fewer codes, fewer repeats", () => {
    const overlay: GuideOverlay = {
      segments: { REF: { requirement: 'M' }, 'N1/N3': { notUsed: true } },
      loops: { PO1: { max: 1 } },
      elements: { BEG02: { codes: ['DS'] }, 'N1/N104': { requirement: 'M' } },
    };
    const body = [GOOD_BODY[0] as string, 'N1*ST*Warehouse', 'N3*1 Dock Road', 'PO1*1*10*EA', 'PO1*2*10*EA', 'CTT*2'];
    expect(findings(body, { overlay })).toEqual([
      'AK403 7 BEG@2 e2: BEG02, the purchase order type code, is "SA", which this partner\'s guide does not use (DS).',
      'AK304 3 REF@3: REF, the reference identification segment, is required but missing.',
      "AK403 1 N1@3/N1 e4: N104, the identification code, is missing (this partner's guide requires it).",
      'AK304 2 N3@4/N1: N3 is not used in this partner\'s guide.',
      'AK304 4 PO1@6/PO1: The PO1 loop repeats more than the 1 times allowed.',
    ]);
    expect(findings(body, { overlay, version: '005010' })).toEqual(
      expect.arrayContaining(["IK403 I6 BEG@2 e2: BEG02, the purchase order type code, is \"SA\", which this partner's guide does not use (DS).", "IK304 I4 N3@4/N1: N3 is not used in this partner's guide."]),
    );
  });

  it('refuses a guide that loosens the standard or names what is not there', () => {
    const attempt = () =>
      compileSet(spec, dictionary, { loops: { N1: { max: 5 } }, segments: { BEG: { notUsed: true }, XYZ: { requirement: 'M' } }, elements: { BEG01: { codes: ['00', '77'] } } });
    expect(attempt).toThrow(GuideOverlayError);
    for (const problem of ['N1 may repeat at most 2 times', 'BEG is mandatory in the standard', 'BEG01 codes "77" are not in the standard\'s list', 'Segment XYZ is not in transaction set 850']) {
      expect(attempt).toThrow(problem);
    }
  });
});
