// The EDIFACT service code list the envelope and message checks report: 0085 syntax error codes (CONTRL
// UCI, UCF, UCM, UCS and UCD), with their meaning.

/** 0085, syntax error, coded (ISO 9735). */
export const SyntaxError = {
  syntaxVersionNotSupported: '2',
  recipientNotActualRecipient: '7',
  invalidValue: '12',
  missing: '13',
  valueNotSupportedInPosition: '14',
  notSupportedInPosition: '15',
  tooManyConstituents: '16',
  noAgreement: '17',
  unspecified: '18',
  invalidDecimalNotation: '19',
  invalidServiceCharacter: '20',
  invalidCharacters: '21',
  duplicateDetected: '26',
  referencesDoNotMatch: '28',
  controlCountMismatch: '29',
  groupsAndMessagesMixed: '30',
  lowerLevelEmpty: '32',
  invalidOccurrenceOutsideEnvelope: '33',
  tooManyRepetitions: '35',
  tooManySegmentGroupRepetitions: '36',
  invalidTypeOfCharacters: '37',
  missingDigitBeforeDecimalSign: '38',
  elementTooLong: '39',
  elementTooShort: '40',
  trailingSeparator: '45',
  characterSetNotSupported: '46',
} as const;
