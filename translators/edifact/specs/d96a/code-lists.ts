import { codeRange } from '../spec-types.js';

// The D96A code lists the dictionary enforces. A list is kept only where it is complete for the directory
// (UNCL and the service code list of D96A): a value missing from a list would reject a good document, so
// open lists stay out and their elements are checked for format alone. That includes 2005 and 3035 although
// D96A's lists are known: EANCOM messages under a D96A header use EAN's own codes there (DTM+40E, NAD+SH).
// 0083 and 0085 are syntax version 3's lists, those of the CONTRL this directory answers for.

/** 0073 First and last transfer */
export const firstAndLastTransfer = ['C', 'F'] as const;

/** 0081 Section identification: UNS before the detail (D) or the summary (S) section. */
export const sectionIdentification = ['D', 'S'] as const;

/** 0083 Action, coded: 4, 7 and 8, and 1, 2, 3, 5 and 6, which the syntax version 3 list kept until D.01A. */
export const action = codeRange(1, 8);

/**
 * 0085 Syntax error, coded, syntax version 3. Until D.01A codes were only added to this list, and D99B's runs
 * from 1 to 48 without a gap, so 1-48 holds every D96A value; it also holds the 45 and 46 the gateway's own
 * CONTRL reports.
 */
export const syntaxError = codeRange(1, 48);

/** 1225 Message function, coded */
export const messageFunction = codeRange(1, 54);

/** 1229 Action request/notification, coded */
export const actionRequest = codeRange(1, 24);

/** 2379 Date/time/period format qualifier */
export const dateTimePeriodFormat = [
  '2', '3', '101', '102', '103', ...codeRange(105, 110), ...codeRange(201, 204), ...codeRange(301, 306),
  '401', '402', '404', '405', '501', '502', '503', '600', '601', '602', '603', '604', '608', '609', '610', '613',
  '614', '615', '616', ...codeRange(701, 711), '713', ...codeRange(715, 718), ...codeRange(801, 814),
] as const;

/** 3155 Communication channel qualifier */
export const communicationQualifier = [
  'AA', 'AB', 'AC', 'AD', 'AE', 'CA', 'EI', 'EM', 'EX', 'FT', 'FX', 'GM', 'IE', 'IM', 'MA', 'PB', 'PS', 'SW', 'TE',
  'TG', 'TL', 'TM', 'TT', 'TX', 'XF',
] as const;

/** 4343 Response type, coded */
export const responseType = ['AA', 'AB', 'AC', 'AD', 'AF', 'AG', 'AI', 'AP', 'CA', 'CO', 'NA', 'RE'] as const;
