// Where DESADV keeps what the ShipNotice maps read and write: its segment groups, numbered per directory,
// the DTM qualifiers (2005) of the notice's dates, and the package types (7065) read as pallets.

export const DESADV_GROUPS = {
  D96A: { references: 'SG1', parties: 'SG2', transport: 'SG6', equipment: 'SG8', packing: 'SG10', package: 'SG11', marking: 'SG13', label: 'SG14', line: 'SG15', lineReference: 'SG16' },
  D01B: { references: 'SG1', parties: 'SG2', transport: 'SG6', equipment: 'SG8', packing: 'SG10', package: 'SG11', marking: 'SG13', label: 'SG15', line: 'SG17', lineReference: 'SG18' },
} as const;

export type DesadvGroups = (typeof DESADV_GROUPS)[keyof typeof DESADV_GROUPS];

/** 137 document date, 11 despatch date, 17 estimated delivery date. */
export const SHIP_NOTICE_DATES = { issued: '137', shipped: '11', estimatedDelivery: '17' } as const;

/** RFF qualifiers (1153): ON order number, BM bill of lading, CN carrier's reference (the PRO number), LI the order line. */
export const REFERENCES = { order: 'ON', billOfLading: 'BM', proNumber: 'CN', orderLine: 'LI' } as const;

/** DTM 171, the date of the reference before it: the order date after RFF+ON. */
export const REFERENCE_DATE = '171';

/** PX is Recommendation 21's pallet, 201 to 205 EANCOM's ISO and EUR pallets; what is written is PX for a pallet, CT for a carton. */
export const PALLET_TYPES = ['PX', '201', '202', '203', '204', '205'];
export const WRITTEN_PACKAGE_TYPES = { pallet: 'PX', carton: 'CT' } as const;

/** GIN 7405 BJ: the serial shipping container code (SSCC). PCI 4233 33E: marked with it. */
export const SSCC_IDENTITY = 'BJ';
export const SSCC_MARKING = '33E';

/** QTY 6063 12: the despatched quantity. */
export const DESPATCHED = '12';

/** MEA 6313: AAB gross weight, AAW gross volume, LN, WD and HT the length, width and height. */
export const MEASURES = { grossWeight: 'AAB', volume: 'AAW', length: 'LN', width: 'WD', height: 'HT' } as const;
