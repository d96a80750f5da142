// Why a canonical document was refused, as data: a stable code, the place as a JSON Pointer into the
// document ("/lines/3/quantity/value"), and a reason in plain words.

export type ProblemCode =
  /** `kind` is missing or names no canonical document. */
  | 'KIND_UNKNOWN'
  /** A required field is absent. */
  | 'FIELD_MISSING'
  /** A field the document does not have, often a misspelt one. */
  | 'FIELD_UNKNOWN'
  /** A value of the wrong type, form or choice. */
  | 'VALUE_INVALID'
  | 'CHECK_DIGIT_WRONG'
  /** A date in the right form that is not in the calendar, such as 2025-02-30. */
  | 'DATE_NOT_IN_CALENDAR'
  | 'TIME_ZONE_UNKNOWN'
  /** A UTC offset or time zone given for a date without a time. */
  | 'ZONE_WITHOUT_TIME'
  | 'CURRENCY_UNKNOWN'
  /** A party identifier that does not have the form its qualifier promises (a DUNS number of 7 digits). */
  | 'IDENTIFIER_MALFORMED'
  /** An item with neither a GTIN nor the buyer's or vendor's item number. */
  | 'ITEM_UNIDENTIFIED'
  | 'LINE_NUMBER_REPEATED'
  | 'SSCC_REPEATED'
  /** None of the references that say what a document is about. */
  | 'REFERENCE_MISSING';

export interface Problem {
  readonly code: ProblemCode;
  /** JSON Pointer to the offending value; '' is the document itself. */
  readonly path: string;
  readonly reason: string;
}
