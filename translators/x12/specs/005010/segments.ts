import { def, type SegmentDef } from '../spec-types.js';

// The 005010 segments used by the 850, 856, 810, 214, 997 and 999, one per line: element uses in order and
// the syntax notes. An X element is one a syntax note governs; the note, not the letter, says when it is
// needed. A number after "*" is a repetition count (the repetition separator of 005010), not a position.

/** `count` relational qualifier/value pairs, as the product-ID tails of LIN, PO1, IT1 ... */
function pairs(count: number, qualifier: string, value: string): string[] {
  const uses: string[] = [];
  for (let index = 0; index < count; index += 1) uses.push(`X ${qualifier}`, `X ${value}`);
  return uses;
}

/** The P notes for the pairs between element positions `first` and `last` (both included). */
function pairNotes(first: number, last: number): string[] {
  const notes: string[] = [];
  for (let position = first; position < last; position += 2) {
    notes.push(`P${String(position).padStart(2, '0')}${String(position + 1).padStart(2, '0')}`);
  }
  return notes;
}

/** `count` uses of the same optional element, for runs like AK502..AK506. */
function repeated(count: number, use: string): string[] {
  return Array.from({ length: count }, () => use);
}

export const segments: Readonly<Record<string, SegmentDef>> = {
  // Transaction set envelope
  ST: def('Transaction Set Header', ['M 143', 'M 329', 'O 1705']),
  SE: def('Transaction Set Trailer', ['M 96', 'M 329']),

  // 997 Functional Acknowledgment and 999 Implementation Acknowledgment
  AK1: def('Functional Group Response Header', ['M 479', 'M 28', 'O 480']),
  AK2: def('Transaction Set Response Header', ['M 143', 'M 329', 'O 1705']),
  AK3: def('Data Segment Note', ['M 721', 'M 719', 'O 447', 'O 720']),
  AK4: def('Data Element Note', ['M C030', 'O 725', 'M 723', 'O 724']),
  AK5: def('Transaction Set Response Trailer', ['M 717', ...repeated(5, 'O 718')]),
  AK9: def('Functional Group Response Trailer', ['M 715', 'M 97', 'M 123', 'M 2', ...repeated(5, 'O 716')]),
  IK3: def('Implementation Data Segment Note', ['M 721', 'M 719', 'O 447', 'O 620']),
  IK4: def('Implementation Data Element Note', ['M C030', 'O 725', 'M 621', 'O 724']),
  IK5: def('Implementation Transaction Set Response Trailer', ['M 717', ...repeated(5, 'O 618')]),
  CTX: def('Context', ['M C998 *10', 'O 721', 'O 719', 'O 447', 'O C030', 'O C999']),

  // Beginning segments
  BEG: def('Beginning Segment for Purchase Order', ['M 353', 'M 92', 'M 324', 'O 328', 'M 373', 'O 367', 'O 587', 'O 1019', 'O 1166', 'O 1232', 'O 786', 'O 640']),
  BSN: def('Beginning Segment for Ship Notice', ['M 353', 'M 396', 'M 373', 'M 337', 'O 1005', 'O 640', 'X 641'], ['C0706']),
  BIG: def('Beginning Segment for Invoice', ['M 373', 'M 76', 'O 373', 'O 324', 'O 328', 'O 327', 'O 640', 'O 353', 'O 306', 'O 76', 'O 1005']),
  B10: def('Beginning Segment for Transportation Carrier Shipment Status Message', ['X 127', 'O 145', 'M 140', 'O 71', 'X 128', 'X 127', 'O 1073', 'X 373', 'X 337'], ['R0106', 'E0105', 'P0506', 'P0809']),

  // References, dates, contacts, notes
  REF: def('Reference Information', ['M 128', 'X 127', 'X 352', 'O C040'], ['R0203']),
  N9: def('Extended Reference Information', ['M 128', 'X 127', 'X 369', 'O 373', 'X 337', 'O 623', 'O C040'], ['R0203', 'C0605']),
  DTM: def('Date/Time Reference', ['M 374', 'X 373', 'X 337', 'O 623', 'X 1250', 'X 1251'], ['R020305', 'C0403', 'P0506']),
  DTP: def('Date or Time or Period', ['M 374', 'M 1250', 'M 1251']),
  G62: def('Date/Time', ['X 432', 'X 373', 'X 176', 'X 337', 'O 623'], ['R0103', 'P0102', 'P0304']),
  PER: def('Administrative Communications Contact', ['M 366', 'O 93', 'X 365', 'X 364', 'X 365', 'X 364', 'X 365', 'X 364', 'O 443'], ['P0304', 'P0506', 'P0708']),
  G61: def('Contact', ['M 366', 'M 93', 'X 365', 'X 364', 'O 443'], ['P0304']),
  NTE: def('Note/Special Instruction', ['O 363', 'M 352']),
  MSG: def('Message Text', ['M 933', 'X 934', 'O 1470'], ['C0302']),
  MTX: def('Text', ['X 363', 'X 1551', 'X 1551', 'X 934', 'X 1470', 'O 819'], ['C0102', 'C0302', 'C0504']),
  K1: def('Remarks', ['M 61', 'O 61']),
  L11: def('Business Instructions and Reference Number', ['X 127', 'X 128', 'X 352', 'O 373', 'O 1073'], ['R0103', 'P0102']),
  YNQ: def('Yes/No Question', ['X 1321', 'M 1073', 'X 1250', 'X 1251', 'O 933', 'O 933', 'O 933', 'O 1270', 'X 1271', 'X 933'], ['E010910', 'P0304', 'C0908']),
  PWK: def('Paperwork', ['M 755', 'O 756', 'O 757', 'O 98', 'X 66', 'X 67', 'O 352', 'O C002', 'O 1525'], ['P0506']),
  EFI: def('Electronic Format Identification', ['M 786', 'O 933', 'O 797', 'X 799', 'X 802', 'X 799', 'X 801', 'X 799', 'X 800', 'O 789', 'O 803', 'O 804', 'O 787', 'O 788', 'X 799', 'X 1570'], ['C0504', 'C0706', 'C0908', 'P1516']),

  // Parties and places
  N1: def('Party Identification', ['M 98', 'X 93', 'X 66', 'X 67', 'O 706', 'O 98'], ['R0203', 'P0304']),
  N2: def('Additional Name Information', ['M 93', 'O 93']),
  IN2: def('Individual Name Structure Components', ['M 1104', 'M 93', 'O 93']),
  N3: def('Party Location', ['M 166', 'O 166']),
  N4: def('Geographic Location', ['O 19', 'X 156', 'O 116', 'X 26', 'X 309', 'X 310', 'X 1715'], ['E0207', 'C0605', 'C0704']),
  NX2: def('Location ID Component', ['M 1106', 'M 166', 'O 1096', 'X 1106', 'X 166'], ['P0405']),
  R4: def('Port or Terminal', ['M 115', 'X 309', 'X 310', 'O 114', 'O 26', 'O 174', 'O 113', 'O 156'], ['P0203']),
  DMG: def('Demographic Information', ['X 1250', 'X 1251', 'O 1068', 'O 1067', 'X C056 *10', 'O 1066', 'O 26', 'O 659', 'O 380', 'X 1270', 'X 1271'], ['P0102', 'P1011', 'C1105']),
  MS1: def('Equipment, Shipment, or Real Property Location', ['X 19', 'X 156', 'X 26', 'X 1654', 'X 1655', 'X 1280', 'X 1280', 'X 116'], ['L010203', 'E0104', 'C0201', 'C0301', 'P0405', 'C0604', 'C0705', 'C0801']),
  MS2: def('Equipment or Container Owner and Type', ['X 140', 'X 207', 'O 40', 'X 761'], ['P0102', 'C0402']),
  MS3: def('Interline Information', ['M 140', 'M 133', 'X 19', 'O 91', 'X 156'], ['C0503']),

  // Items, quantities, prices, descriptions
  PO1: def('Baseline Item Data', ['O 350', 'X 330', 'O 355', 'X 212', 'X 639', ...pairs(10, '235', '234')], ['C0302', 'C0504', ...pairNotes(6, 25)]),
  IT1: def('Baseline Item Data (Invoice)', ['O 350', 'X 358', 'X 355', 'X 212', 'O 639', ...pairs(10, '235', '234')], ['P020304', ...pairNotes(6, 25)]),
  LIN: def('Item Identification', ['O 350', 'M 235', 'M 234', ...pairs(14, '235', '234')], pairNotes(4, 31)),
  SLN: def('Subline Item Detail', ['M 350', 'O 350', 'M 662', 'X 380', 'X C001', 'X 212', 'X 639', 'X 662', ...pairs(10, '235', '234')], ['P0405', 'C0706', 'C0806', ...pairNotes(9, 28)]),
  SI: def('Service Characteristic Identification', ['M 559', 'M 1000', 'M 234', ...pairs(9, '1000', '234')], pairNotes(4, 21)),
  PID: def('Product/Item Description', ['M 349', 'O 750', 'X 559', 'X 751', 'X 352', 'O 752', 'X 822', 'X 1073', 'X 819'], ['C0403', 'R0405', 'C0703', 'C0804', 'C0905']),
  PO3: def('Additional Item Detail', ['M 371', 'O 373', 'X 236', 'X 212', 'X 639', 'M 380', 'M 355', 'O 352'], ['L040305']),
  PO4: def('Item Physical Details', ['O 356', 'X 357', 'X 355', 'O 103', 'X 187', 'X 384', 'X 355', 'X 385', 'X 355', 'X 82', 'X 189', 'X 65', 'X 355', 'O 810', 'O 752', 'O 350', 'X 350', 'X 1470'], ['P0203', 'C0506', 'P0607', 'P0809', 'C1013', 'C1113', 'C1213', 'L13101112', 'C1716', 'C1804']),
  SN1: def('Item Detail (Shipment)', ['O 350', 'M 382', 'M 355', 'O 646', 'X 380', 'X 355', 'O 728', 'O 668'], ['P0506']),
  PRF: def('Purchase Order Reference', ['M 324', 'O 328', 'O 327', 'O 373', 'O 350', 'O 367', 'O 92']),
  CN1: def('Contract Information', ['M 1166', 'O 782', 'O 332', 'O 127', 'O 338', 'O 799']),
  CTP: def('Pricing Information', ['O 687', 'X 236', 'X 212', 'X 380', 'X C001', 'O 648', 'X 649', 'O 782', 'X 639', 'X 499', 'X 289'], ['P0405', 'C0607', 'C0902', 'C1002', 'C1103']),
  PAM: def('Period Amount', ['X 673', 'X 380', 'X C001', 'X 522', 'X 782', 'X 344', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 1004', 'X 954', 'X 1073'], ['P010203', 'R020514', 'P0405', 'C0706', 'L070809', 'C0807', 'C0907', 'C1007', 'L101112', 'C1110', 'C1210', 'P1314', 'C1505']),
  QTY: def('Quantity Information', ['M 673', 'X 380', 'O C001', 'X 61'], ['R0204', 'E0204']),
  MEA: def('Measurements', ['O 737', 'O 738', 'X 739', 'X C001', 'X 740', 'X 741', 'O 935', 'X 936', 'O 752', 'O 1373', 'X 1270', 'X 1271'], ['R03050608', 'E0412', 'L050412', 'L060412', 'L07030506', 'E0803', 'P1112']),
  IT3: def('Additional Item Data', ['X 382', 'X 355', 'X 368', 'X 383', 'X 371'], ['P0102', 'R01030405']),
  IT8: def('Conditions of Sale', ['X 563', 'X 306', 'X 610', 'O 508', 'X 373', 'O 559', 'X 566', ...pairs(10, '235', '234')], ['R0102030507', ...pairNotes(8, 27)]),
  SDQ: def('Destination Quantity', ['M 355', 'O 66', 'M 67', 'M 380', ...pairs(9, '67', '380'), 'O 310'], pairNotes(5, 22)),
  SCH: def('Line Item Schedule', ['M 380', 'M 355', 'X 98', 'X 93', 'M 374', 'M 373', 'O 337', 'X 374', 'X 373', 'X 337', 'O 326', 'O 350'], ['C0304', 'L080910', 'C0908', 'C1008']),
  SPI: def('Specification Identifier', ['M 786', 'X 128', 'X 127', 'O 790', 'O 791', 'O 792', 'O 353', 'O 755', 'O 786', 'O 559', 'O 822', 'O 554', 'O 1322', 'O 1401', 'O 1005'], ['P0203']),
  CB1: def('Contract and Cost Accounting Standards Data', ['M 1309', 'O 1310']),
  ADV: def('Advertising Demographic Information', ['M 559', 'M 1000', 'O 740', 'O 741', 'O 729', 'X 1000', 'X 739'], ['P0607']),
  LM: def('Code Source Information', ['M 559', 'O 822']),
  LQ: def('Industry Code Identification', ['O 1270', 'X 1271'], ['C0102']),
  TC2: def('Commodity', ['M 23', 'M 22']),
  LDT: def('Lead Time', ['M 345', 'M 380', 'M 344', 'O 373']),
  CRC: def('Conditions Indicator', ['M 1136', 'M 1073', 'M 1321', 'O 1321', 'O 1321', 'O 1321', 'O 1321']),
  SR: def('Requested Service Schedule', ['O 350', 'O 1430', 'O 337', 'X 337', 'O 3', 'O 212', 'O 380', 'O 373', 'X 373', 'O 234', 'O 234'], ['C0403', 'C0908']),

  // Money: currency, terms, allowances, taxes, totals
  CUR: def('Currency', ['M 98', 'M 100', 'O 280', 'O 98', 'O 100', 'O 669', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337'], ['C0807', 'C0907', 'L101112', 'C1110', 'C1210', 'L131415', 'C1413', 'C1513', 'L161718', 'C1716', 'C1816', 'L192021', 'C2019', 'C2119']),
  ITD: def('Terms of Sale/Deferred Terms of Sale', ['O 336', 'O 333', 'X 338', 'X 370', 'X 351', 'O 446', 'O 386', 'X 362', 'X 388', 'X 389', 'X 342', 'O 352', 'X 765', 'O 107', 'O 954'], ['L03040513', 'L08040513', 'L091011']),
  DIS: def('Discount Detail', ['M 653', 'M 654', 'M 655', 'M 656', 'M 657', 'O 657']),
  INC: def('Installment Information', ['M 336', 'M C001', 'M 380', 'O 380', 'X 782', 'X 522'], ['P0506']),
  CSH: def('Sales Requirements', ['O 563', 'O 306', 'X 610', 'O 508', 'O 373', 'X 559', 'X 560', 'O 566', 'X 954', 'X 1004'], ['C0203', 'P0607', 'P0910']),
  SAC: def('Service, Promotion, Allowance, or Charge Information', ['M 248', 'X 1300', 'X 559', 'X 1301', 'O 610', 'X 378', 'X 332', 'O 118', 'X 355', 'X 380', 'X 380', 'O 331', 'X 127', 'X 770', 'O 352', 'X 819'], ['R0203', 'P0304', 'P0607', 'P0910', 'C1110', 'C1413', 'C1615']),
  TAX: def('Tax Reference', ['X 325', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'O 441', 'O 1179'], ['R0103', 'P0203', 'P0405', 'P0607', 'P0809', 'P1011']),
  TXI: def('Tax Information', ['M 963', 'X 782', 'X 954', 'X 955', 'X 956', 'X 441', 'O 662', 'X 828', 'O 325', 'O 350'], ['R020306', 'P0405', 'C0803']),
  PCT: def('Percent Amounts', ['M 1004', 'M 954']),
  CTB: def('Restrictions/Conditions', ['M 688', 'X 352', 'X 673', 'X 380', 'X 522', 'X 610', 'O C001'], ['R020406', 'P0304', 'P0506']),
  AMT: def('Monetary Amount Information', ['M 522', 'M 782', 'O 478']),
  BAL: def('Balance Detail', ['M 951', 'M 522', 'M 782']),
  FA1: def('Type of Financial Accounting Data', ['M 559', 'O 1300', 'O 248']),
  FA2: def('Accounting Data', ['M 1196', 'M 1195']),
  TDS: def('Total Monetary Value Summary', ['M 610', 'O 610', 'O 610', 'O 610']),
  ISS: def('Invoice Shipment Summary', ['X 382', 'X 355', 'X 81', 'X 355', 'X 183', 'X 355', 'O 380', 'O 81'], ['R010305', 'P0102', 'P0304', 'P0506']),
  CTT: def('Transaction Totals', ['M 354', 'O 347', 'X 81', 'X 355', 'X 183', 'X 355', 'O 352'], ['P0304', 'P0506']),
  GF: def('Furnished Goods and Services', ['X 128', 'X 127', 'O 367', 'O 782', 'X 128', 'X 127', 'O 328', 'X 128', 'X 127'], ['P0102', 'P0506', 'P0809']),

  // Transportation, packaging and marking
  FOB: def('F.O.B. Related Instructions', ['M 146', 'X 309', 'X 352', 'O 334', 'X 335', 'X 309', 'X 352', 'O 54', 'X 352'], ['C0302', 'C0405', 'C0706', 'C0809']),
  TD1: def('Carrier Details (Quantity and Weight)', ['O 103', 'X 80', 'O 23', 'X 22', 'O 79', 'O 187', 'X 81', 'X 355', 'X 183', 'X 355'], ['C0102', 'C0304', 'C0607', 'P0708', 'P0910']),
  TD5: def('Carrier Details (Routing Sequence/Transit Time)', ['O 133', 'X 66', 'X 67', 'X 91', 'X 387', 'X 368', 'O 309', 'X 310', 'O 731', 'O 732', 'X 733', 'X 284', 'X 284', 'X 284', 'X 26'], ['R0204050612', 'C0203', 'C0708', 'C1011', 'C1312', 'C1413', 'C1512']),
  TD3: def('Carrier Details (Equipment)', ['X 40', 'O 206', 'X 207', 'O 187', 'X 81', 'X 355', 'O 102', 'O 407', 'O 225', 'X 24'], ['E0110', 'C0203', 'C0405', 'P0506']),
  TD4: def('Carrier Details (Special Handling, or Hazardous Materials, or Both)', ['X 152', 'X 208', 'X 209', 'X 352', 'O 1073'], ['R010204', 'C0203']),
  PKG: def('Marking, Packaging, Loading', ['X 349', 'O 753', 'X 559', 'X 754', 'X 352', 'O 400'], ['R040506', 'C0403', 'C0501']),
  MAN: def('Marks and Numbers Information', ['M 88', 'M 87', 'O 87', 'X 88', 'X 87', 'X 87'], ['P0405', 'C0605']),
  PAL: def('Pallet Information', ['O 883', 'O 884', 'O 885', 'O 356', 'X 395', 'X 355', 'X 82', 'X 189', 'X 65', 'X 355', 'X 384', 'X 355', 'X 385', 'X 355', 'O 399', 'O 810', 'O 1699'], ['P0506', 'C0710', 'C0810', 'C0910', 'L10070809', 'P1112', 'P1314']),
  TSD: def('Trailer Shipment Details', ['O 350', 'O 219']),
  CLD: def('Load Detail', ['M 622', 'M 382', 'O 103', 'O 357', 'O 355']),
  ETD: def('Excess Transportation Detail', ['M 626', 'M 627', 'X 128', 'X 127', 'O 743'], ['P0304']),
  CAD: def('Carrier Detail', ['M 91', 'O 206', 'O 207', 'X 140', 'X 387', 'O 368', 'X 128', 'X 127', 'O 284'], ['R0405', 'C0708']),
  L7: def('Tariff Reference', ['O 213', 'O 168', 'O 171', 'O 172', 'O 169', 'O 170', 'O 59', 'O 173', 'O 46', 'O 373', 'O 119', 'O 227', 'O 294', 'O 295', 'O 19', 'O 156']),
  V1: def('Vessel Identification', ['X 597', 'X 182', 'O 26', 'O 55', 'O 140', 'O 249', 'O 854', 'X 897', 'O 91'], ['R0102', 'C0801']),
  HL: def('Hierarchical Level', ['M 628', 'O 734', 'M 735', 'O 736']),
  LS: def('Loop Header', ['M 447']),
  LE: def('Loop Trailer', ['M 447']),
  LX: def('Transaction Set Line Number', ['M 554']),

  // Hazardous materials
  LH1: def('Hazardous Identification Information', ['M 355', 'M 80', 'O 277', 'O 200', 'O 22', 'O 355', 'O 380', 'O 595', 'O 665', 'O 254', 'O 1375']),
  LH2: def('Hazardous Classification Information', ['O 215', 'O 983', 'O 218', 'O 222', 'O 759', 'X 355', 'X 408', 'X 355', 'X 408', 'X 355', 'X 408', 'X 188', 'X 267'], ['P0607', 'P0809', 'P1011', 'P1213']),
  LH3: def('Hazardous Material Shipping Name Information', ['X 224', 'X 984', 'O 985', 'O 1073'], ['P0102']),
  LFH: def('Free-form Hazardous Material Information', ['M 808', 'M 809', 'O 809', 'O 1023', 'X 355', 'X 380', 'O 380', 'O 373'], ['P0506']),
  LEP: def('EPA Required Data', ['O 806', 'O 807', 'X 156', 'X 127'], ['P0304']),
  LH4: def('Canadian Dangerous Requirements', ['X 238', 'X 364', 'O 254', 'O 230', 'O 230', 'O 230', 'O 271', 'X 267', 'O 805', 'O 986', 'O 364', 'X 355'], ['P0102', 'P0812']),
  LHT: def('Transborder Hazardous Requirements', ['O 215', 'O 218', 'O 222']),
  LHR: def('Hazardous Material Identifying Reference Numbers', ['M 128', 'M 127', 'O 373']),
  LHE: def('Empty Equipment Hazardous Material Information', ['M 224', 'M 218', 'M 128', 'M 127', 'O 759']),

  // Shipment status (214)
  AT5: def('Bill of Lading Handling Requirements', ['X 152', 'X 560', 'X 153', 'X 355', 'X 408', 'X 408'], ['E0103', 'E0203', 'L040506', 'C0504', 'C0604']),
  AT7: def('Shipment Status Details', ['X 1650', 'X 1651', 'X 1652', 'X 1651', 'X 373', 'X 337', 'X 623'], ['E0103', 'C0201', 'C0403', 'C0605', 'C0706']),
  AT8: def('Shipment Weight, Packaging and Quantity Data', ['X 187', 'X 188', 'X 81', 'O 80', 'O 80', 'X 184', 'X 183'], ['P010203', 'P0607']),
  AT9: def('Trailer or Container Dimension and Weight', ['O 567', 'O 65', 'O 189', 'X 187', 'X 188', 'X 81', 'X 184', 'X 183'], ['P040506', 'P0708']),
  Q7: def('Lading Exception Status', ['M 33', 'X 211', 'X 80'], ['C0203']),
  M7: def('Seal Numbers', ['M 225', 'O 225', 'O 225', 'O 225', 'O 98']),
  OID: def('Order Information Detail', ['X 127', 'X 324', 'X 127', 'X 211', 'X 380', 'X 188', 'X 81', 'X 184', 'X 183', 'O 647', 'O 127'], ['R0102', 'C0302', 'P0405', 'P0607', 'P0809']),
};
