// The 005010 code lists the dictionary enforces. A list is kept only where it is complete for the version:
// a value missing here would reject a good document, so large or open lists (entity identifiers, reference
// qualifiers, units of measure ...) stay out and their elements are checked for type and length alone.

/** Consecutive numeric codes written with a fixed width ('0055' ... '0085'), as several lists number them. */
function run(from: number, to: number, width: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index).padStart(width, '0'));
}

/** 353 Transaction Set Purpose Code */
export const transactionSetPurpose = [
  '00', '01', '02', '03', '04', '05', '06', '07', '08', ...run(10, 22, 2), ...run(24, 28, 2), ...run(30, 57, 2),
  '5C', '77', 'CN', 'CO', 'EX', 'GR', 'PR', 'RH', 'RV', 'SU', 'ZZ',
] as const;

/** 92 Purchase Order Type Code */
export const purchaseOrderType = [
  'AB', 'AC', 'AO', 'BD', 'BE', 'BH', 'BK', 'BL', 'BQ', 'BY', 'CA', 'CC', 'CF', 'CN', 'CO', 'CP', 'CR', 'DR', 'DS', 'EO',
  'FH', 'IN', 'JL', 'KA', 'KB', 'KC', 'KD', 'KE', 'KG', 'KI', 'KN', 'KO', 'KP', 'KQ', 'KR', 'KS', 'KT', 'LB', 'LS', 'NE',
  'NO', 'NP', 'NS', 'OS', 'PR', 'RA', 'RC', 'RE', 'RL', 'RN', 'RO', 'RR', 'RT', 'RU', 'RW', 'SA', 'SO', 'SP', 'SS', 'ST',
  'SW', 'TC', 'TM', 'TR', 'UD', 'UE', 'US', 'WO', 'ZZ',
] as const;

/** 1005 Hierarchical Structure Code */
export const hierarchicalStructure = [
  ...run(1, 7, 4), ...run(10, 29, 4), '0035', '0036', ...run(55, 85, 4), ...run(200, 214, 4), ...run(400, 403, 4), '0407', 'ZZZZ',
] as const;

/** 735 Hierarchical Level Code */
export const hierarchicalLevel = [
  '0', '1', '19', '2', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '2A', '2B', '2C', '2D', '2E', '2F',
  '2G', '2H', '2I', '2J', '2K', '2L', '3', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '4', '40', '41',
  '42', '43', '44', '45', '46', '47', '48', '49', '5', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '6',
  '60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '7', '70', '71', '72', '73', '8', '9', 'A', 'AA', 'AB',
  'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AL', 'AM', 'AP', 'AS', 'AT', 'B', 'BD', 'BE', 'BP', 'C', 'CB', 'CC',
  'CE', 'CH', 'CI', 'CL', 'CN', 'CO', 'CP', 'CT', 'CV', 'D', 'DG', 'DM', 'DP', 'DS', 'E', 'EB', 'EC', 'ED', 'EF', 'EG',
  'EH', 'EI', 'EL', 'EM', 'EN', 'EV', 'EX', 'F', 'FC', 'FG', 'FI', 'FL', 'FR', 'G', 'GC', 'GP', 'GW', 'H', 'I', 'IA',
  'IB', 'IC', 'IN', 'IS', 'IT', 'IV', 'J', 'JU', 'K', 'KA', 'KB', 'KC', 'KD', 'KE', 'KF', 'KG', 'KH', 'KI', 'KJ', 'KK',
  'KL', 'KM', 'KN', 'KO', 'KP', 'KQ', 'KR', 'KS', 'KT', 'KV', 'KW', 'KX', 'L', 'LD', 'LN', 'LP', 'M', 'ML', 'N', 'NI',
  'NS', 'O', 'OS', 'P', 'PA', 'PB', 'PC', 'PD', 'PE', 'PH', 'PI', 'PK', 'PL', 'PP', 'PR', 'PS', 'PT', 'PY', 'Q', 'R',
  'RA', 'RB', 'RC', 'RD', 'RE', 'RF', 'RG', 'RH', 'RL', 'RM', 'RP', 'S', 'S1', 'S2', 'S3', 'SA', 'SB', 'SC', 'SD', 'SE',
  'SF', 'SG', 'SH', 'SI', 'SL', 'SP', 'SR', 'SS', 'ST', 'SY', 'T', 'TA', 'TD', 'TI', 'TS', 'TU', 'TX', 'U', 'UT', 'V',
  'VI', 'W', 'WB', 'WC', 'WL', 'WP', 'WR', 'X', 'Y', 'ZZ',
] as const;

/** 736 Hierarchical Child Code */
export const hierarchicalChild = ['0', '1'] as const;

/** 1073 Yes/No Condition or Response Code */
export const yesNo = ['N', 'U', 'W', 'Y'] as const;

/** 349 Item Description Type */
export const itemDescriptionType = ['F', 'S', 'X'] as const;

/** 478 Credit/Debit Flag Code */
export const creditDebit = ['C', 'D'] as const;

// Acknowledgment codes. The 999's implementation codes (I4, I5 ...) are separate elements (618, 620, 621)
// from the 997's (718, 720, 723), so each list below belongs to exactly one acknowledgment.

/** 715 Functional Group Acknowledge Code */
export const functionalGroupAcknowledge = ['A', 'E', 'M', 'P', 'R', 'W', 'X'] as const;

/** 716 Functional Group Syntax Error Code */
export const functionalGroupSyntaxError = [...run(1, 6, 1), ...run(10, 19, 1), ...run(23, 26, 1)] as const;

/** 717 Transaction Set Acknowledgment Code */
export const transactionSetAcknowledgment = ['A', 'E', 'M', 'R', 'W', 'X'] as const;

/** 718 Transaction Set Syntax Error Code */
export const transactionSetSyntaxError = [...run(1, 13, 1), ...run(15, 19, 1), ...run(23, 27, 1)] as const;

/** 618 Implementation Transaction Set Syntax Error Code: the 718 codes and the implementation ones. */
export const implementationTransactionSetSyntaxError = [...transactionSetSyntaxError, 'I5', 'I6'] as const;

/** 720 Segment Syntax Error Code */
export const segmentSyntaxError = run(1, 8, 1);

/** 620 Implementation Segment Syntax Error Code */
export const implementationSegmentSyntaxError = [...segmentSyntaxError, 'I4', 'I6', 'I7', 'I8', 'I9'] as const;

/** 723 Data Element Syntax Error Code */
export const dataElementSyntaxError = [...run(1, 10, 1), '12', '13'] as const;

/** 621 Implementation Data Element Syntax Error Code */
export const implementationDataElementSyntaxError = [...dataElementSyntaxError, 'I6', 'I9', 'I10', 'I11', 'I12', 'I13'] as const;

/** I17 Interchange Acknowledgment Code */
export const interchangeAcknowledgment = ['A', 'E', 'R'] as const;

/** I18 Interchange Note Code */
export const interchangeNote = run(0, 31, 3);
