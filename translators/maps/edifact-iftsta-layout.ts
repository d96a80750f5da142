import type { ShipmentStatus } from '../canonical/index.js';

// Where IFTSTA keeps what the ShipmentStatus maps read and write: its segment groups, numbered per
// directory, and the codes of its statuses, reasons and references.

type Status = ShipmentStatus['events'][number]['status'];
type Reason = NonNullable<ShipmentStatus['events'][number]['reason']>;

export const IFTSTA_GROUPS = {
  D96A: { parties: 'SG1', references: 'SG3', consignment: 'SG4', status: 'SG5', transport: 'SG6', equipment: 'SG7' },
  D01B: { parties: 'SG1', references: 'SG3', consignment: 'SG4', status: 'SG5', transport: 'SG8', equipment: 'SG10' },
} as const;

/**
 * STS02 status events (9011 in D96A, 4405 in D01B, numbered as UN/ECE Recommendation 24 and EANCOM's
 * IFTSTA number them): 1 arrived, 13 collected, 21 delivered, 31 en route. Other events have no code here;
 * a profile can translate the partner's own (codeTranslations STS02-1).
 */
export const STATUSES: Readonly<Record<string, Status>> = { '1': 'arrived-at-terminal', '13': 'picked-up', '21': 'delivered', '31': 'in-transit' };

/** STS03 status reasons (9013); ZZZ, mutually defined, stands for other. A normal event has no reason. */
export const REASONS: Readonly<Record<string, Reason>> = {
  '1': 'address-problem',
  '3': 'refused',
  '7': 'consignee-closed',
  '8': 'missed-appointment',
  '13': 'customs',
  '14': 'damaged',
  '23': 'mechanical',
  ZZZ: 'other',
};

/** RFF 1153: BM bill of lading, CN carrier's reference (the PRO number), ON order number. */
export const STATUS_REFERENCES = { billOfLading: 'BM', proNumber: 'CN' } as const;
export const ORDER_REFERENCE = 'ON';

/** DTM 334: the date and time the status changed. */
export const STATUS_DATE = '334';
/** LOC 3227 175: the place of the activity, as written; any qualifier is read. */
export const STATUS_PLACE = '175';
/** FTX 4451 AAI: general information. */
export const NOTE_SUBJECT = 'AAI';
/** BGM 1001 23: status information. C601 9015 1: a transport status. */
export const STATUS_DOCUMENT = '23';
export const TRANSPORT_STATUS = '1';
