import { def, times, type SegmentDef } from '../spec-types.js';

// The D96A segments used by ORDERS, DESADV, INVOIC, IFTSTA and CONTRL, one per line: data elements in
// directory order with their status. UNH, UNT and UNS take their syntax version 4 form, a superset of version
// 3's, because a D96A message travels in interchanges of either version; the CONTRL segments are those of
// syntax version 3, the CONTRL this directory answers for (see registry.ts).

export const segments: Readonly<Record<string, SegmentDef>> = {
  // Message envelope and section control
  UNH: def('Message header', ['M 0062', 'M S009', 'C 0068', 'C S010', 'C S016', 'C S017', 'C S018']),
  UNT: def('Message trailer', ['M 0074', 'M 0062']),
  UNS: def('Section control', ['M 0081']),

  // CONTRL (syntax and service report)
  UCI: def('Interchange response', ['M 0020', 'M S002', 'M S003', 'M 0083', 'C 0085', 'C 0013', 'C S011']),
  UCF: def('Functional group response', ['M 0048', 'M S006', 'M S007', 'M 0083', 'C 0085', 'C 0013', 'C S011']),
  UCM: def('Message response', ['M 0062', 'M S009', 'M 0083', 'C 0085', 'C 0013', 'C S011']),
  UCS: def('Segment error indication', ['M 0096', 'C 0085']),
  UCD: def('Data element error indication', ['M 0085', 'M S011']),

  // Beginning, dates, references, free text
  BGM: def('Beginning of message', ['C C002', 'C 1004', 'C 1225', 'C 4343']),
  DTM: def('Date/time/period', ['M C507']),
  RFF: def('Reference', ['M C506']),
  DOC: def('Document/message details', ['M C002', 'C C503', 'C 3153', 'C 1220', 'C 1218']),
  FTX: def('Free text', ['M 4451', 'C 4453', 'C C107', 'C C108', 'C 3453']),
  ALI: def('Additional information', ['C 3239', 'C 9213', ...times(5, 'C 4183')]),
  IMD: def('Item description', ['C 7077', 'C 7081', 'C C273', 'C 7383']),
  CNT: def('Control total', ['M C270']),

  // Parties and contacts
  NAD: def('Name and address', ['M 3035', 'C C082', 'C C058', 'C C080', 'C C059', 'C 3164', 'C 3229', 'C 3251', 'C 3207']),
  LOC: def('Place/location identification', ['M 3227', 'C C517', 'C C519', 'C C553', 'C 5479']),
  FII: def('Financial institution information', ['M 3035', 'C C078', 'C C088', 'C 3207']),
  CTA: def('Contact information', ['C 3139', 'C C056']),
  COM: def('Communication contact', ['M C076']),

  // Amounts, prices, payment, tax, allowances and charges
  MOA: def('Monetary amount', ['M C516']),
  CUX: def('Currencies', ['C C504', 'C C504', 'C 5402', 'C 6341']),
  PCD: def('Percentage details', ['M C501']),
  PAI: def('Payment instructions', ['M C534']),
  PAT: def('Payment terms basis', ['M 4279', 'C C110', 'C C112']),
  TAX: def('Duty/tax/fee details', ['M 5283', 'C C241', 'C C533', 'C 5286', 'C C243', 'C 5305', 'C 3446']),
  PRI: def('Price details', ['C C509', 'C 5213']),
  APR: def('Additional price information', ['C 4043', 'C C138', 'C C960']),
  RNG: def('Range details', ['M 6167', 'C C280']),
  ALC: def('Allowance or charge', ['M 5463', 'C C552', 'C 4471', 'C 1227', 'C C214']),
  RTE: def('Rate details', ['M C128']),
  AJT: def('Adjustment details', ['M 4465', 'C 1082']),
  INP: def('Parties to instruction', ['C C849', 'C C522', 'C C850', 'C 1229']),
  RCS: def('Requirements and conditions', ['M 7293', 'C C550', 'C 1229']),

  // Line items and products
  LIN: def('Line item', ['C 1082', 'C 1229', 'C C212', 'C C829', 'C 1222', 'C 7083']),
  PIA: def('Additional product id', ['M 4347', 'M C212', ...times(4, 'C C212')]),
  QTY: def('Quantity', ['M C186']),
  QVR: def('Quantity variances', ['C C279', 'C 4221', 'C C960']),
  MEA: def('Measurements', ['M 6311', 'C C502', 'C C174', 'C 7383']),
  CCI: def('Characteristic/class id', ['C 7059', 'C C502', 'C C240']),
  CAV: def('Characteristic value', ['M C889']),
  GIN: def('Goods identity number', ['M 7405', 'M C208', ...times(4, 'C C208')]),
  GIR: def('Related identification numbers', ['M 7297', 'M C206', ...times(4, 'C C206')]),
  SCC: def('Scheduling conditions', ['M 4017', 'C 4493', 'C C329']),
  STG: def('Stages', ['M 9421', 'C 6426', 'C 6428']),
  DLM: def('Delivery limitations', ['C 4455', 'C C522', 'C C214', 'C 4457']),
  DGS: def('Dangerous goods', ['C 8273', 'C C205', 'C C234', 'C C223', 'C 8339', 'C 8364', 'C 8410', 'C 8126', 'C C235', 'C C236', 'C 8255', 'C 8325', 'C 8211']),

  // Packaging, equipment and transport
  CPS: def('Consignment packing sequence', ['M 7164', 'C 7166', 'C 7075']),
  PAC: def('Package', ['C 7224', 'C C531', 'C C202', 'C C402', 'C C532']),
  PCI: def('Package identification', ['C 4233', 'C C210', 'C 8275', 'C C827']),
  HAN: def('Handling instructions', ['C C524', 'C C218']),
  SGP: def('Split goods placement', ['M C237', 'C 7224']),
  EQD: def('Equipment details', ['M 8053', 'C C237', 'C C224', 'C 8077', 'C 8249', 'C 8169']),
  EQA: def('Attached equipment', ['M 8053', 'C C237']),
  EQN: def('Number of units', ['M C523']),
  SEL: def('Seal number', ['M 9308', 'C C215', 'C 4517']),
  DIM: def('Dimensions', ['M 6145', 'M C211']),
  TDT: def('Details of transport', ['M 8051', 'C 8028', 'C C220', 'C C228', 'C C040', 'C 8101', 'C C401', 'C C222', 'C 8281']),
  TOD: def('Terms of delivery or transport', ['C 4055', 'C 4215', 'C C100']),
  TSR: def('Transport service requirements', ['C C536', 'C C233', 'C C537', 'C C703']),

  // Status reporting
  CNI: def('Consignment information', ['C 1490', 'C C503', 'C 1312']),
  STS: def('Status', ['C C601', 'C C555', ...times(5, 'C C556')]),
  GID: def('Goods item details', ['C 1496', ...times(3, 'C C213')]),
};
