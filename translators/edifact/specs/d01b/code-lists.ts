import { codeRange } from '../spec-types.js';

// The D01B code lists the dictionary enforces. A list is kept only where it is complete for the directory:
// a value missing from a list would reject a good document, so the large qualifier lists (2005, 3035,
// 1153 ...) stay out and their elements are checked for format alone. 0083 and 0085 are syntax version 4's
// lists, those of the CONTRL this directory answers for.

/** 0073 First and last transfer */
export const firstAndLastTransfer = ['C', 'F'] as const;

/** 0081 Section identification (UNS): header/detail and detail/summary separation. */
export const sectionIdentification = ['D', 'S'] as const;

/** 0083 Action, coded (syntax version 4). */
export const action = ['4', '7', '8'] as const;

/**
 * 0085 Syntax error, coded (syntax version 4; 44 is not assigned). Older version 3 service lists (D99B) also had
 * 1, 3-6 and 8-11: a partner still sending those needs an overlay.
 */
export const syntaxError = ['2', '7', ...codeRange(12, 43), '45', '46', '47', '48'] as const;

/** 1225 Message function code */
export const messageFunction = codeRange(1, 65);

/** 1229 Action request/notification description code */
export const actionRequest = codeRange(1, 110);

/** 2379 Date or time or period format code */
export const dateTimePeriodFormat = [
  '2', '3', '4', '5', '101', '102', '103', '105', '106', '107', '108', '109', '110', '201', '202', '203', '204', '205',
  '301', '302', '303', '304', '305', '306', '401', '402', '404', '405', '406', '501', '502', '503', '600', '601', '602',
  '603', '604', '608', '609', '610', '613', '614', '615', '616', '701', '702', '703', '704', '705', '706', '707', '708',
  '709', '710', '711', '713', '715', '716', '717', '718', '719', '720', ...codeRange(801, 814),
] as const;

/** 3155 Communication address code qualifier */
export const communicationQualifier = [
  'AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AK', 'AL', 'AM', 'AN', 'CA', 'EI', 'EM', 'EX', 'FT', 'FX',
  'GM', 'IE', 'IM', 'MA', 'PB', 'PS', 'SW', 'TE', 'TG', 'TL', 'TM', 'TT', 'TX', 'XF', 'XG', 'XH', 'XI', 'XJ',
] as const;

/** 4343 Response type code */
export const responseType = [
  'AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AP', 'AQ', 'AR', 'AS', 'CA', 'CO', 'NA', 'RE', 'UR', 'US',
  'UT', 'UU', 'UV',
] as const;
