import { def, type SegmentDef } from '../spec-types.js';

// The 004010 segments used by the 850, 856, 810, 214 and 997, one per line: element uses in order and the
// syntax notes. An X element is one a syntax note governs; the note, not the letter, says when it is needed.

/** Qualifier/value pairs that close many segments: each pair is relational ("both or neither"). */
const pairs = (count: number, qualifier: string, value: string): string[] =>
  Array.from({ length: count }, () => [`X ${qualifier}`, `X ${value}`]).flat();

/** The matching P notes for pairs starting at element position `from` and ending at `to`. */
const pairedNotes = (from: number, to: number): string[] => {
  const notes: string[] = [];
  for (let position = from; position < to; position += 2) notes.push(`P${pad(position)}${pad(position + 1)}`);
  return notes;
};

function pad(position: number): string {
  return String(position).padStart(2, '0');
}

const productIds = (count: number): string[] => pairs(count, '235', '234');

export const segments: Readonly<Record<string, SegmentDef>> = {
  // Envelope of a transaction set
  ST: def('Transaction Set Header', ['M 143', 'M 329']),
  SE: def('Transaction Set Trailer', ['M 96', 'M 329']),

  // Functional acknowledgment
  AK1: def('Functional Group Response Header', ['M 479', 'M 28']),
  AK2: def('Transaction Set Response Header', ['M 143', 'M 329']),
  AK3: def('Data Segment Note', ['M 721', 'M 719', 'O 447', 'O 720']),
  AK4: def('Data Element Note', ['M C030', 'O 725', 'M 723', 'O 724']),
  AK5: def('Transaction Set Response Trailer', ['M 717', 'O 718', 'O 718', 'O 718', 'O 718', 'O 718']),
  AK9: def('Functional Group Response Trailer', ['M 715', 'M 97', 'M 123', 'M 2', 'O 716', 'O 716', 'O 716', 'O 716', 'O 716']),

  // Beginning segments
  BEG: def('Beginning Segment for Purchase Order', ['M 353', 'M 92', 'M 324', 'O 328', 'M 373', 'O 367', 'O 587', 'O 1019', 'O 1166', 'O 1232', 'O 786', 'O 640']),
  BIG: def('Beginning Segment for Invoice', ['M 373', 'M 76', 'O 373', 'O 324', 'O 328', 'O 327', 'O 640', 'O 353', 'O 306', 'O 76']),
  BSN: def('Beginning Segment for Ship Notice', ['M 353', 'M 396', 'M 373', 'M 337', 'O 1005', 'X 640', 'O 641'], ['C0706']),
  B10: def('Beginning Segment for Transportation Carrier Shipment Status Message', ['X 127', 'O 145', 'M 140', 'O 71', 'X 128', 'X 127', 'O 1073'], ['R0106', 'E0105', 'P0506']),

  // Names, addresses, contacts, references
  N1: def('Name', ['M 98', 'X 93', 'X 66', 'X 67', 'O 706', 'O 98'], ['R0203', 'P0304']),
  N2: def('Additional Name Information', ['M 93', 'O 93']),
  N3: def('Address Information', ['M 166', 'O 166']),
  N4: def('Geographic Location', ['O 19', 'O 156', 'O 116', 'O 26', 'X 309', 'O 310'], ['C0605']),
  NX2: def('Real Estate Property ID Component', ['M 1106', 'M 166', 'O 1096']),
  NM1: def('Individual or Organizational Name', ['M 98', 'M 1065', 'O 1035', 'O 1036', 'O 1037', 'O 1038', 'O 1039', 'X 66', 'X 67', 'X 706', 'O 98'], ['P0809', 'C1110']),
  G61: def('Contact', ['M 366', 'M 93', 'X 365', 'X 364', 'O 443'], ['P0304']),
  PER: def('Administrative Communications Contact', ['M 366', 'O 93', 'X 365', 'X 364', 'X 365', 'X 364', 'X 365', 'X 364', 'O 443'], ['P0304', 'P0506', 'P0708']),
  REF: def('Reference Identification', ['M 128', 'X 127', 'X 352', 'O C040'], ['R0203']),
  N9: def('Reference Identification', ['M 128', 'X 127', 'X 369', 'O 373', 'X 337', 'O 623', 'O C040'], ['R0203', 'C0605']),
  L11: def('Business Instructions and Reference Number', ['X 127', 'X 128', 'X 352'], ['R0103', 'P0102']),
  PRF: def('Purchase Order Reference', ['M 324', 'O 328', 'O 327', 'O 373', 'O 350', 'O 367', 'O 92']),
  LHR: def('Hazardous Material Identifying Reference Numbers', ['M 128', 'M 127', 'O 373']),
  YNQ: def('Yes/No Question', ['O 1321', 'M 1073', 'O 1250', 'O 1251', 'O 933', 'O 933', 'O 933', 'O 1270', 'O 1271', 'O 933']),

  // Dates, notes, messages
  DTM: def('Date/Time Reference', ['M 374', 'X 373', 'X 337', 'O 623', 'X 1250', 'X 1251'], ['R020305', 'C0403', 'P0506']),
  DTP: def('Date or Time or Period', ['M 374', 'M 1250', 'M 1251']),
  G62: def('Date/Time', ['X 432', 'X 373', 'X 176', 'X 337', 'O 623'], ['R0103', 'P0102', 'P0304']),
  LDT: def('Lead Time', ['M 345', 'M 380', 'M 344', 'O 373']),
  NTE: def('Note/Special Instruction', ['O 363', 'M 352']),
  MSG: def('Message Text', ['M 933', 'X 934', 'O 1470'], ['C0302']),
  MTX: def('Text', ['O 363', 'O 1551', 'O 1551', 'O 934']),
  K1: def('Remarks', ['M 61', 'O 61']),

  // Money, terms, taxes, allowances
  CUR: def('Currency', ['M 98', 'M 100', 'O 280', 'O 98', 'O 100', 'O 669', 'X 374', 'O 373', 'O 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337'],
    ['C0807', 'C0907', 'L101112', 'C1110', 'C1210', 'L131415', 'C1413', 'C1513', 'L161718', 'C1716', 'C1816', 'L192021', 'C2019', 'C2119']),
  CTP: def('Pricing Information', ['O 687', 'X 236', 'X 212', 'X 380', 'X C001', 'O 648', 'X 649', 'O 782', 'O 639', 'O 499', 'O 289'], ['P0405', 'C0607', 'C0902', 'C1002', 'C1103']),
  PAM: def('Period Amount', ['O 673', 'O 380', 'O C001', 'X 522', 'X 782', 'X 344', 'X 374', 'X 373', 'X 337', 'X 374', 'X 373', 'X 337', 'X 1004', 'X 954', 'O 1073'],
    ['P0405', 'P0607', 'C0706', 'L070809', 'C0807', 'C0907', 'L101112', 'C1110', 'P1314']),
  CSH: def('Sales Requirements', ['O 563', 'O 306', 'O 610', 'O 508', 'O 373', 'O 559', 'O 560', 'O 566', 'O 954', 'O 1004']),
  TC2: def('Commodity', ['M 23', 'M 22']),
  SAC: def('Service, Promotion, Allowance, or Charge Information', ['M 248', 'X 1300', 'X 559', 'X 1301', 'O 610', 'X 378', 'X 332', 'O 118', 'X 355', 'X 380', 'O 380', 'O 331', 'X 127', 'O 770', 'X 352', 'O 819'],
    ['R0203', 'P0304', 'P0607', 'P0910', 'C1110', 'L130204', 'C1413', 'C1615']),
  ITD: def('Terms of Sale/Deferred Terms of Sale', ['O 336', 'O 333', 'O 338', 'X 370', 'X 351', 'O 446', 'O 386', 'O 362', 'O 388', 'X 389', 'X 342', 'O 352', 'X 765', 'O 107', 'O 954'],
    ['L03040513', 'L08040513', 'L091011']),
  DIS: def('Discount Detail', ['M 653', 'M 654', 'M 655', 'M 656', 'M 657', 'O 657']),
  INC: def('Installment Information', ['M 336', 'M C001', 'M 380', 'O 380', 'O 782']),
  TAX: def('Tax Reference', ['X 325', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'X 309', 'X 310', 'O 441', 'O 1179'],
    ['R0103', 'P0203', 'P0405', 'P0607', 'P0809', 'P1011']),
  TXI: def('Tax Information', ['M 963', 'X 782', 'X 954', 'X 955', 'X 956', 'X 441', 'O 662', 'O 828', 'O 325', 'O 350'], ['R020306', 'P0405', 'C0803']),
  AMT: def('Monetary Amount', ['M 522', 'M 782', 'O 478']),
  BAL: def('Balance Detail', ['M 951', 'M 522', 'M 782']),
  TDS: def('Total Monetary Value Summary', ['M 610', 'O 610', 'O 610', 'O 610']),
  PCT: def('Percent Amounts', ['M 1004', 'M 954']),
  FA1: def('Type of Financial Accounting Data', ['M 559', 'M 1300', 'O 248']),
  FA2: def('Accounting Data', ['M 1196', 'M 1195']),
  CTB: def('Restrictions/Conditions', ['M 688', 'O 352', 'O 673', 'O 380', 'O 522', 'O 610']),
  CB1: def('Contract and Cost Accounting Standards Data', ['O 1309', 'O 1310']),
  GF: def('Furnished Goods and Services', ['X 128', 'X 127', 'O 367', 'O 782', 'X 128', 'X 127', 'O 328', 'X 128', 'X 127'], ['P0102', 'P0506', 'P0809']),

  // Line items and their descriptions
  PO1: def('Baseline Item Data', ['O 350', 'X 330', 'O 355', 'X 212', 'O 639', ...productIds(10)], ['C0302', 'C0504', ...pairedNotes(6, 25)]),
  IT1: def('Baseline Item Data (Invoice)', ['O 350', 'X 358', 'X 355', 'X 212', 'O 639', ...productIds(10)], ['P020304', ...pairedNotes(6, 25)]),
  LIN: def('Item Identification', ['O 350', 'M 235', 'M 234', ...productIds(14)], pairedNotes(4, 31)),
  SLN: def('Subline Item Detail', ['M 350', 'O 350', 'M 662', 'X 380', 'X C001', 'X 212', 'O 639', 'O 662', ...productIds(10)], ['P0405', 'C0706', 'C0806', ...pairedNotes(9, 28)]),
  IT8: def('Conditions of Sale', ['O 563', 'O 306', 'O 610', 'O 508', 'O 373', 'O 559', 'O 566', ...productIds(10)], pairedNotes(8, 27)),
  SN1: def('Item Detail (Shipment)', ['O 350', 'M 382', 'M 355', 'O 646', 'X 330', 'X 355', 'O 728', 'O 668'], ['P0506']),
  PO3: def('Additional Item Detail', ['M 371', 'O 373', 'O 236', 'O 212', 'O 639', 'M 380', 'M 355', 'O 352']),
  PO4: def('Item Physical Details', ['O 356', 'X 357', 'X 355', 'X 103', 'O 187', 'X 384', 'X 355', 'X 385', 'X 355', 'X 82', 'X 189', 'X 65', 'X 355', 'O 810', 'O 752', 'X 350', 'O 350', 'O 1470'],
    ['P0203', 'C0506', 'P0607', 'P0809', 'C1013', 'C1113', 'C1213', 'L13101112', 'C1716', 'C1804']),
  IT3: def('Additional Item Data', ['X 382', 'X 355', 'O 368', 'O 383', 'O 371'], ['P0102']),
  CN1: def('Contract Information', ['M 1166', 'O 782', 'O 332', 'O 127', 'O 338', 'O 799']),
  CRC: def('Conditions Indicator', ['M 1136', 'M 1073', 'M 1321', 'O 1321', 'O 1321', 'O 1321', 'O 1321']),
  QTY: def('Quantity', ['M 673', 'X 380', 'O C001', 'X 61'], ['R0204', 'E0204']),
  SI: def('Service Characteristic Identification', ['M 559', 'M 1000', 'M 234', ...pairs(9, '1000', '234')], pairedNotes(4, 21)),
  SDQ: def('Destination Quantity', ['M 355', 'O 66', 'M 67', 'M 380', ...pairs(9, '67', '380'), 'O 310'], pairedNotes(5, 22)),
  SCH: def('Line Item Schedule', ['M 380', 'M 355', 'O 98', 'X 93', 'M 374', 'M 373', 'O 337', 'O 374', 'X 373', 'X 337', 'O 326', 'O 350'], ['C0304', 'L080910']),
  SPI: def('Specification Identifier', ['O 786', 'O 128', 'O 127', 'O 790', 'O 791', 'O 792', 'O 353', 'O 755', 'O 786', 'O 559', 'O 822', 'O 554', 'O 1322', 'O 1401', 'O 1005']),
  SR: def('Requested Service Schedule', ['O 350', 'O 1430', 'O 337', 'O 337', 'O 3', 'O 212', 'O 380', 'O 373', 'O 373', 'O 234', 'O 234']),
  ADV: def('Advertising Demographic Information', ['O 559', 'O 1000', 'O 740', 'O 741', 'O 729', 'X 1000', 'X 739'], ['P0607']),
  SPO: def('Shipment Purchase Order Detail', ['M 324', 'M 127', 'X 355', 'X 380', 'X 188', 'X 81', 'O 647', 'O 127'], ['P0304', 'P0506']),
  PID: def('Product/Item Description', ['M 349', 'O 750', 'X 559', 'X 751', 'X 352', 'O 752', 'O 822', 'O 1073', 'O 819'], ['C0403', 'R0405', 'C0703', 'C0804', 'C0905']),
  MEA: def('Measurements', ['O 737', 'O 738', 'X 739', 'X C001', 'X 740', 'X 741', 'O 935', 'X 936', 'O 752', 'O 1373'], ['R03050608', 'C0504', 'C0604', 'L07030506', 'E0803']),
  PWK: def('Paperwork', ['M 755', 'O 756', 'O 757', 'O 98', 'X 66', 'X 67', 'O 352', 'O C002', 'O 1525'], ['P0506']),
  PKG: def('Marking, Packaging, Loading', ['O 349', 'O 753', 'X 559', 'X 754', 'X 352', 'X 400'], ['R040506', 'C0403']),
  MAN: def('Marks and Numbers', ['M 88', 'M 87', 'O 87', 'X 88', 'X 87', 'O 87'], ['P0405', 'C0605']),
  LM: def('Code Source Information', ['M 559', 'O 822']),
  LQ: def('Industry Code', ['O 1270', 'X 1271'], ['C0102']),
  LS: def('Loop Header', ['M 447']),
  LE: def('Loop Trailer', ['M 447']),
  DMG: def('Demographic Information', ['X 1250', 'X 1251', 'O 1068', 'O 1067', 'O 1109', 'O 1066', 'O 26', 'O 659', 'O 380'], ['P0102']),
  ISS: def('Invoice Shipment Summary', ['X 382', 'X 355', 'X 81', 'X 355', 'X 183', 'X 355', 'O 380', 'O 81'], ['P0102', 'P0304', 'P0506']),
  CTT: def('Transaction Totals', ['M 354', 'O 347', 'X 81', 'X 355', 'X 183', 'X 355', 'O 352'], ['P0304', 'P0506']),

  // Shipping, carriers, equipment
  FOB: def('F.O.B. Related Instructions', ['M 146', 'X 309', 'O 352', 'O 334', 'X 335', 'X 309', 'O 352', 'O 54', 'X 352'], ['C0302', 'C0405', 'C0706', 'C0809']),
  TD1: def('Carrier Details (Quantity and Weight)', ['O 103', 'X 80', 'O 23', 'X 22', 'O 79', 'O 187', 'X 81', 'X 355', 'X 183', 'X 355'], ['C0102', 'C0304', 'C0607', 'P0708', 'P0910']),
  TD5: def('Carrier Details (Routing Sequence/Transit Time)', ['O 133', 'X 66', 'X 67', 'X 91', 'X 387', 'X 368', 'O 309', 'X 310', 'O 731', 'O 732', 'X 733', 'X 284', 'X 284', 'O 284', 'O 26'],
    ['R0204050612', 'C0203', 'C0708', 'C1011', 'C1312', 'C1413', 'C1512']),
  TD3: def('Carrier Details (Equipment)', ['X 40', 'O 206', 'X 207', 'O 187', 'X 81', 'O 355', 'O 102', 'O 407', 'O 225', 'X 24'], ['E0110', 'C0203', 'C0405']),
  TD4: def('Carrier Details (Special Handling, or Hazardous Materials, or Both)', ['X 152', 'X 208', 'X 209', 'X 352', 'O 1073'], ['R010204', 'C0203']),
  TSD: def('Trailer Shipment Details', ['O 350', 'O 219']),
  CAD: def('Carrier Detail', ['O 91', 'O 206', 'O 207', 'X 140', 'X 387', 'O 368', 'O 128', 'X 127', 'O 284'], ['R0405', 'C0708']),
  L7: def('Tariff Reference', ['O 213', 'O 168', 'O 171', 'O 172', 'O 169', 'O 170', 'O 59', 'O 173', 'O 46', 'O 373', 'O 119', 'O 227', 'O 294', 'O 295', 'O 19', 'O 156']),
  V1: def('Vessel Identification', ['O 597', 'O 182', 'O 26', 'O 55', 'O 140', 'O 249', 'O 854', 'O 897', 'O 91']),
  R4: def('Port or Terminal', ['M 115', 'X 309', 'X 310', 'O 114', 'O 26', 'O 174', 'O 113', 'O 156'], ['P0203']),
  MS3: def('Interline Information', ['M 140', 'M 133', 'O 19', 'O 91', 'O 156']),
  CLD: def('Load Detail', ['M 622', 'M 382', 'O 103', 'X 357', 'X 355'], ['P0405']),
  PAL: def('Pallet Information', ['O 883', 'O 884', 'O 885', 'O 356', 'X 395', 'X 355', 'X 82', 'X 189', 'X 65', 'X 355', 'X 384', 'X 355', 'X 385', 'X 355', 'O 399', 'O 810'],
    ['P0506', 'C0710', 'C0810', 'C0910', 'L10070809', 'P1112', 'P1314']),
  ETD: def('Excess Transportation Detail', ['M 626', 'M 627', 'X 128', 'X 127', 'O 743'], ['P0304']),

  // Hierarchy and hazardous material details of the ship notice
  HL: def('Hierarchical Level', ['M 628', 'O 734', 'M 735', 'O 736']),
  LH1: def('Hazardous Identification Information', ['M 355', 'M 80', 'O 277', 'O 200', 'O 22', 'O 355', 'O 380', 'O 595', 'O 665', 'O 254', 'O 1375']),
  LH2: def('Hazardous Classification Information', ['O 215', 'O 983', 'O 218', 'O 222', 'O 759', 'X 355', 'X 408', 'X 355', 'X 408', 'X 355', 'X 408'], ['P0607', 'P0809', 'P1011']),
  LH3: def('Hazardous Material Shipping Name', ['O 224', 'O 984', 'O 985', 'O 1073']),
  LFH: def('Freeform Hazardous Material Information', ['M 808', 'M 809', 'O 809', 'O 1023', 'X 355', 'X 380', 'O 380'], ['P0506']),
  LEP: def('EPA Required Data', ['O 806', 'O 807', 'X 156', 'X 127'], ['P0304']),
  LH4: def('Canadian Dangerous Requirements', ['O 238', 'O 364', 'O 254', 'O 230', 'O 230', 'O 230', 'O 271', 'X 267', 'O 805', 'O 986', 'O 364', 'X 355'], ['P0812']),
  LHT: def('Transborder Hazardous Requirements', ['O 215', 'O 218', 'O 222']),
  LHE: def('Empty Equipment Hazardous Material Information', ['M 224', 'M 218', 'M 128', 'M 127', 'O 759']),

  // Shipment status
  LX: def('Assigned Number', ['M 554']),
  AT7: def('Shipment Status Details', ['X 1650', 'X 1651', 'X 1652', 'X 1651', 'O 373', 'O 337', 'O 623'], ['R0103', 'P0102', 'P0304']),
  MS1: def('Equipment, Shipment, or Real Property Location', ['O 19', 'X 156', 'X 26', 'O 1654', 'O 1655', 'O 1280', 'O 1280'], ['L010203']),
  MS2: def('Equipment or Container Owner and Type', ['O 140', 'O 207', 'O 40', 'O 761']),
  Q7: def('Lading Exception Status', ['M 33', 'X 211', 'X 80'], ['P0203']),
  AT5: def('Bill of Lading Handling Requirements', ['X 152', 'X 560', 'X 153'], ['R010203']),
  AT8: def('Shipment Weight, Packaging and Quantity Data', ['X 187', 'X 188', 'X 81', 'O 80', 'O 80', 'X 184', 'X 183'], ['P010203', 'P0607']),
  CD3: def('Carton (Package) Detail', ['X 187', 'X 81', 'O 619', 'O 34', 'X 284', 'O 108', 'X 122', 'X 58', 'X 122', 'X 58', 'X 284', 'O 284', 'O 591', 'O 26'],
    ['P0102', 'P0708', 'P0910', 'C1105', 'C1211', 'C1405']),
  EFI: def('Electronic Format Identification', ['M 786', 'O 933', 'O 797', 'X 799', 'O 802', 'X 799', 'O 801', 'X 799', 'O 800', 'O 789', 'O 803', 'O 804', 'O 787', 'O 788', 'O 799', 'O 1570'], ['C0504', 'C0706', 'C0908']),
  BIN: def('Binary Data', ['M 784', 'M 785']),
};
