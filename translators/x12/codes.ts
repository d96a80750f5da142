// Codes of the X12 acknowledgment code lists that the envelope checks report, with their meaning.

/** TA105, interchange note codes (TA1). */
export const InterchangeNote = {
  controlNumberMismatch: '001',
  segmentTerminatorInvalid: '004',
  senderQualifierInvalid: '005',
  senderIdInvalid: '006',
  receiverQualifierInvalid: '007',
  receiverIdInvalid: '008',
  authorizationQualifierInvalid: '010',
  authorizationInvalid: '011',
  securityQualifierInvalid: '012',
  securityInvalid: '013',
  dateInvalid: '014',
  timeInvalid: '015',
  standardsIdInvalid: '016',
  versionInvalid: '017',
  controlNumberInvalid: '018',
  acknowledgmentRequestedInvalid: '019',
  testIndicatorInvalid: '020',
  groupCountInvalid: '021',
  controlStructureInvalid: '022',
  prematureEndOfFile: '023',
  contentInvalid: '024',
  duplicateInterchange: '025',
  elementSeparatorInvalid: '026',
  componentSeparatorInvalid: '027',
} as const;

/** AK905, functional group syntax error codes (997 and 999). */
export const GroupError = {
  trailerMissing: '3',
  controlNumberMismatch: '4',
  setCountMismatch: '5',
  /** Also a duplicate group control number within the interchange. */
  controlNumberInvalid: '6',
} as const;

/** AK502 (997) / IK502 (999), transaction set syntax error codes. */
export const SetError = {
  notSupported: '1',
  trailerMissing: '2',
  controlNumberMismatch: '3',
  segmentCountMismatch: '4',
  segmentsInError: '5',
  identifierInvalid: '6',
  /** In 004010 also a duplicate control number; 005010 has 23 for that. */
  controlNumberInvalid: '7',
  controlNumberNotUnique: '23',
  /** 999 only: segments break the implementation guide rather than the standard. */
  implementationSegmentsInError: 'I5',
} as const;

/** AK304 (997) / IK304 (999), segment syntax error codes; I codes are the 999's implementation-guide ones. */
export const SegmentError = {
  unrecognizedSegmentId: '1',
  unexpectedSegment: '2',
  requiredSegmentMissing: '3',
  loopOverMaximum: '4',
  segmentOverMaximumUse: '5',
  segmentNotInSet: '6',
  segmentOutOfSequence: '7',
  segmentHasElementErrors: '8',
  implementationNotUsedSegmentPresent: 'I4',
} as const;

/** AK403 (997) / IK403 (999), data element syntax error codes; I codes are the 999's implementation-guide ones. */
export const ElementError = {
  requiredMissing: '1',
  conditionalRequiredMissing: '2',
  tooManyElements: '3',
  tooShort: '4',
  tooLong: '5',
  invalidCharacter: '6',
  invalidCodeValue: '7',
  invalidDate: '8',
  invalidTime: '9',
  exclusionViolated: '10',
  /** 005010 on. */
  tooManyRepetitions: '12',
  /** 005010 on; 004010 reports too many components as too many data elements. */
  tooManyComponents: '13',
  implementationCodeNotUsed: 'I6',
  implementationNotUsedElementPresent: 'I10',
  implementationPatternMismatch: 'I12',
} as const;
