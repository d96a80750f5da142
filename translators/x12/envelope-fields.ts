import { GroupError, InterchangeNote } from './codes.js';
import { isDate, isTime } from '../date-time.js';
import { element, type Segment } from './segment.js';

// The fixed rules of the ISA and GS headers, each problem with the code its acknowledgment reports.

export interface FieldProblem {
  readonly severity: 'error' | 'warning';
  readonly codeList: 'TA105' | 'AK905';
  readonly code: string;
  readonly message: string;
}

interface IsaField {
  readonly position: number;
  readonly name: string;
  readonly note: string;
  readonly width: number;
  readonly rule?: RegExp;
  readonly expects?: string;
}

const isaFields: readonly IsaField[] = [
  { position: 1, name: 'the authorization information qualifier', note: InterchangeNote.authorizationQualifierInvalid, width: 2, rule: /^\d\d$/, expects: 'be a two-digit code' },
  { position: 2, name: 'the authorization information', note: InterchangeNote.authorizationInvalid, width: 10 },
  { position: 3, name: 'the security information qualifier', note: InterchangeNote.securityQualifierInvalid, width: 2, rule: /^\d\d$/, expects: 'be a two-digit code' },
  { position: 4, name: 'the security information', note: InterchangeNote.securityInvalid, width: 10 },
  { position: 5, name: "the sender's id qualifier", note: InterchangeNote.senderQualifierInvalid, width: 2, rule: /^[A-Z0-9]{2}$/, expects: 'be a two-character code' },
  { position: 6, name: "the sender's interchange id", note: InterchangeNote.senderIdInvalid, width: 15, rule: /\S/, expects: 'not be blank' },
  { position: 7, name: "the receiver's id qualifier", note: InterchangeNote.receiverQualifierInvalid, width: 2, rule: /^[A-Z0-9]{2}$/, expects: 'be a two-character code' },
  { position: 8, name: "the receiver's interchange id", note: InterchangeNote.receiverIdInvalid, width: 15, rule: /\S/, expects: 'not be blank' },
  { position: 9, name: 'the interchange date', note: InterchangeNote.dateInvalid, width: 6 },
  { position: 10, name: 'the interchange time', note: InterchangeNote.timeInvalid, width: 4 },
  { position: 11, name: 'the standards identifier or repetition separator', note: InterchangeNote.standardsIdInvalid, width: 1 },
  { position: 12, name: 'the interchange version', note: InterchangeNote.versionInvalid, width: 5, rule: /^\d{5}$/, expects: 'be five digits' },
  { position: 13, name: 'the interchange control number', note: InterchangeNote.controlNumberInvalid, width: 9, rule: /^\d{9}$/, expects: 'be nine digits' },
  { position: 14, name: 'the acknowledgment request', note: InterchangeNote.acknowledgmentRequestedInvalid, width: 1, rule: /^[01]$/, expects: 'be 0 or 1' },
  { position: 15, name: 'the usage indicator', note: InterchangeNote.testIndicatorInvalid, width: 1, rule: /^[PTI]$/, expects: 'be P (production), T (test) or I (information)' },
];

/** The ISA's fixed widths and values; an ISA with a field of the wrong width is not an ISA a partner may send. */
export function validateIsa(isa: Segment): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fieldCount = isa.elements.length - 1;
  if (fieldCount !== 16) {
    problems.push({ severity: 'error', codeList: 'TA105', code: InterchangeNote.controlStructureInvalid, message: `The ISA segment has ${fieldCount} elements instead of 16.` });
  }
  for (const field of isaFields) {
    const value = element(isa, field.position);
    const label = `ISA${String(field.position).padStart(2, '0')}, ${field.name},`;
    if (value.length !== field.width) {
      problems.push({ severity: 'error', codeList: 'TA105', code: field.note, message: `${label} must be exactly ${field.width} characters (padded with spaces); it has ${value.length}.` });
    } else if (field.rule && !field.rule.test(value)) {
      problems.push({ severity: 'error', codeList: 'TA105', code: field.note, message: `${label} must ${field.expects}; it is "${value}".` });
    }
  }
  const date = element(isa, 9);
  if (date.length === 6 && !isDate(date)) problems.push({ severity: 'error', codeList: 'TA105', code: InterchangeNote.dateInvalid, message: `ISA09, the interchange date, "${date}" is not a date (YYMMDD).` });
  const time = element(isa, 10);
  if (time.length === 4 && !isTime(time)) problems.push({ severity: 'error', codeList: 'TA105', code: InterchangeNote.timeInvalid, message: `ISA10, the interchange time, "${time}" is not a time (HHMM).` });
  const version = element(isa, 12);
  if (version < '00402' && element(isa, 11) !== 'U') {
    // Many senders put a repetition separator here in 00401 too: noted, not a reason to reject.
    problems.push({ severity: 'warning', codeList: 'TA105', code: InterchangeNote.standardsIdInvalid, message: `ISA11 should be U (US EDI community) in version ${version}; it is "${element(isa, 11)}".` });
  }
  return problems;
}

/** The GS header: its control number (reported in the 997/999) and its other fields (reported in a TA1). */
export function validateGroupHeader(gs: Segment): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const content = (message: string) => problems.push({ severity: 'error', codeList: 'TA105', code: InterchangeNote.contentInvalid, message });
  const fieldCount = gs.elements.length - 1;
  if (fieldCount < 8) content(`The GS segment has ${fieldCount} elements; it needs 8.`);
  if (!/^\d{1,9}$/.test(element(gs, 6).trimEnd())) {
    problems.push({ severity: 'error', codeList: 'AK905', code: GroupError.controlNumberInvalid, message: `GS06, the group control number, must be 1 to 9 digits; it is "${element(gs, 6)}".` });
  }
  if (!/^[A-Z]{2}$/.test(element(gs, 1))) content(`GS01, the functional identifier, must be two capital letters; it is "${element(gs, 1)}".`);
  const date = element(gs, 4);
  // CCYYMMDD; versions before 004010 wrote YYMMDD.
  if (!isDate(date)) content(`GS04, the group date, "${date}" is not a date (CCYYMMDD).`);
  if (!isTime(element(gs, 5))) content(`GS05, the group time, "${element(gs, 5)}" is not a time (HHMM, HHMMSS or HHMMSSd..d).`);
  if (!/^[TX]$/.test(element(gs, 7))) content(`GS07, the responsible agency, must be X (or T); it is "${element(gs, 7)}".`);
  if (!/^[A-Z0-9]{1,12}$/.test(element(gs, 8).trimEnd())) content(`GS08, the version, must be 1 to 12 letters or digits; it is "${element(gs, 8)}".`);
  return problems;
}
