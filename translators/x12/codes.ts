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
  trailerMissing: '2',
  controlNumberMismatch: '3',
  segmentCountMismatch: '4',
  identifierInvalid: '6',
  /** In 004010 also a duplicate control number; 005010 has 23 for that. */
  controlNumberInvalid: '7',
  controlNumberNotUnique: '23',
} as const;

/** AK304 (997) / IK304 (999), segment syntax error codes. */
export const SegmentError = {
  unrecognizedSegmentId: '1',
  unexpectedSegment: '2',
} as const;

/** AK403 (997) / IK403 (999), data element syntax error codes. */
export const ElementError = {
  invalidCharacter: '6',
} as const;
