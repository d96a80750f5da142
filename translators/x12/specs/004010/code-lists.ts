// The 004010 code lists the dictionary enforces. Only lists that are complete for the version are kept here:
// a value missing from a list would reject a good document, so large or open lists stay out and their
// elements are checked for type and length alone.

/** Consecutive numeric codes written with a fixed width ('0055' ... '0083'), as several lists number them. */
function run(from: number, to: number, width: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index).padStart(width, '0'));
}

/** 353 Transaction Set Purpose Code */
export const transactionSetPurpose = [
  '00', '01', '02', '03', '04', '05', '06', '07', '08', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '21', '22', '24', '25', '26', '27', '28', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42',
  '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55', '56', '5C', '77', 'CN', 'CO', 'EX', 'GR',
  'PR', 'RH', 'RV', 'SU', 'ZZ',
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
  '0001', '0002', '0003', '0004', ...run(10, 23, 4), '0035', '0036', ...run(55, 83, 4), ...run(200, 210, 4), 'ZZZZ',
] as const;

/** 735 Hierarchical Level Code */
export const hierarchicalLevel = [
  '1', '19', '2', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '2A', '2B', '2C', '2D', '2E', '2F', '2G',
  '2H', '2I', '2J', '2K', '2L', '3', ...run(30, 39, 2), '4', ...run(40, 49, 2), '5', ...run(50, 59, 2), '6', '60', '61',
  '62', '7', '8', '9', 'A', 'AD', 'AG', 'AL', 'AP', 'AS', 'B', 'BD', 'BE', 'BP', 'C', 'CB', 'CC', 'CE', 'CH', 'CI', 'CL',
  'CN', 'CO', 'CT', 'D', 'DG', 'DP', 'E', 'ED', 'EL', 'EM', 'EV', 'EX', 'F', 'FC', 'FG', 'FI', 'FL', 'FR', 'G', 'GC', 'GP',
  'GW', 'H', 'I', 'IA', 'IB', 'IC', 'IN', 'J', 'JU', 'K', 'L', 'M', 'ML', 'NI', 'NS', 'O', 'OS', 'P', 'PA', 'PB', 'PC',
  'PD', 'PH', 'PL', 'PP', 'PR', 'PS', 'PT', 'PY', 'Q', 'R', 'RA', 'RB', 'RC', 'RD', 'RE', 'RF', 'RM', 'RP', 'S', 'SA', 'SB',
  'SC', 'SD', 'SE', 'SH', 'SI', 'SL', 'SP', 'SR', 'SS', 'SY', 'T', 'TI', 'TS', 'U', 'UT', 'V', 'W', 'WB', 'WC', 'WL', 'WP',
  'WR', 'X', 'Y', 'ZZ',
] as const;

/** 736 Hierarchical Child Code */
export const hierarchicalChild = ['0', '1'] as const;

/** 715 Functional Group Acknowledge Code */
export const functionalGroupAcknowledge = ['A', 'E', 'M', 'P', 'R', 'W', 'X'] as const;

/** 716 Functional Group Syntax Error Code */
export const functionalGroupSyntaxError = ['1', '2', '3', '4', '5', '6', ...run(10, 26, 1)] as const;

/** 717 Transaction Set Acknowledgment Code */
export const transactionSetAcknowledgment = ['A', 'E', 'M', 'R', 'W', 'X'] as const;

/** 718 Transaction Set Syntax Error Code; 14 and 18 are not assigned in this version. */
export const transactionSetSyntaxError = [...run(1, 13, 1), '15', '16', '17', ...run(19, 27, 1)] as const;

/** 720 Segment Syntax Error Code */
export const segmentSyntaxError = run(1, 8, 1);

/** 723 Data Element Syntax Error Code */
export const dataElementSyntaxError = run(1, 10, 1);

/** I17 Interchange Acknowledgment Code */
export const interchangeAcknowledgment = ['A', 'E', 'R'] as const;

/** I18 Interchange Note Code */
export const interchangeNote = run(0, 31, 3);

/** 349 Item Description Type */
export const itemDescriptionType = ['F', 'S', 'X'] as const;

/** 1073 Yes/No Condition or Response Code */
export const yesNoResponse = ['N', 'U', 'W', 'Y'] as const;

/** 1019 Invoice Type Code */
export const invoiceType = ['IBM', 'IEL', 'INR'] as const;

/** 662 Relationship Code */
export const relationship = ['A', 'D', 'I', 'O', 'S'] as const;

/** 334 Transportation Terms Qualifier Code */
export const transportationTermsQualifier = ['01', '02', 'ZZ'] as const;

/** 587 Acknowledgment Type */
export const acknowledgmentType = ['AC', 'AD', 'AE', 'AH', 'AK', 'AP', 'AT', 'NA', 'RD', 'RF', 'RJ', 'RN', 'RO', 'RV', 'ZZ'] as const;

/** 654 Discount Base Qualifier */
export const discountBaseQualifier = ['CA', 'PC', 'UN', 'ZZ'] as const;

/** 656 Discount Control Limit Qualifier */
export const discountControlLimitQualifier = ['DAT', 'DOF'] as const;

/** 688 Restrictions/Conditions Qualifier */
export const restrictionsConditionsQualifier = ['AA', 'DO', 'DW', 'NR', 'NS', 'OR', 'SP', 'SR', 'WO'] as const;

/** 934 Printer Carriage Control Code */
export const printerCarriageControl = ['AA', 'AT', 'DS', 'LC', 'NP', 'NS', 'SS'] as const;

/** 955 Tax Jurisdiction Code Qualifier */
export const taxJurisdictionQualifier = ['CD', 'VD', 'VE'] as const;

/** 669 Currency Market/Exchange Code */
export const currencyMarket = ['IMF', 'LNF', 'LNS', 'NYC', 'PHI', 'ZUR'] as const;

/** 648 Price Multiplier Qualifier */
export const priceMultiplierQualifier = ['CSD', 'CSR', 'DIS', 'ILP', 'PSP', 'SEL'] as const;

/** 731 Transit Direction Code */
export const transitDirection = ['BS', 'SB', 'SC', 'SD', 'SF', 'SS', 'ZZ'] as const;

/** 732 Transit Time Direction Qualifier */
export const transitTimeDirectionQualifier = ['AA', 'AD', 'CD', 'CW', 'HO', 'SD', 'SH', 'WD', 'WW', 'ZZ'] as const;

/** 365 Communication Number Qualifier */
export const communicationNumberQualifier = [
  'AA', 'AB', 'AC', 'AD', 'AP', 'AS', 'AU', 'BN', 'BT', 'CA', 'CP', 'DN', 'ED', 'EM', 'EX', 'FT', 'FU', 'FX', 'HF', 'HP',
  'IT', 'MN', 'NP', 'OF', 'OT', 'PA', 'PC', 'PP', 'PS', 'SP', 'TE', 'TL', 'TM', 'TN', 'TX', 'UR', 'VM', 'WC', 'WF', 'WP',
] as const;
