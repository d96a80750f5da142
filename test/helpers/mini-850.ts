import { composite, def, element, loop, segment, UNBOUNDED, type TransactionSetSpec, type X12Dictionary } from '../../translators/x12/specs/spec-types.js';

// A small made-up 850, so that each rule of the validator and the acknowledgments can be seen on its own;
// the real definitions are exercised by the corpus and broken-variant tests.

export const miniDictionary: X12Dictionary = {
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

export const mini850: TransactionSetSpec = {
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

export const GOOD_BODY = ['BEG*00*SA*PO-1**20250107', 'REF*DP*038', 'N1*ST*Warehouse*92*0001', 'N3*1 Dock Road', 'PO1*1*10*EA*9.99**VP*ABC-1', 'MEA*PD*WT*12.5*LB', 'CTT*1'];

/** An interchange holding one 850 with `body` between ST and SE; SE01 is counted right. */
export function interchange(body: readonly string[], version: '004010' | '005010' = '004010'): string {
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

