// What a validator found, as data: the standard's own code, plain words, and where it is. Shared by the
// X12 and EDIFACT engines; acknowledgments are built from these, not from exceptions.

export interface DiagnosticLocation {
  /** Byte offset in the file where the offending segment starts (0-based). */
  readonly offset: number;
  /** ISA13 / UNB 0020 of the interchange. */
  readonly interchange?: string;
  /** GS06 / UNG 0048 of the group. */
  readonly group?: string;
  /** ST02 / UNH 0062 of the transaction set or message. */
  readonly set?: string;
  /** Position of the segment in its set, counting the ST/UNH segment as 1. */
  readonly segmentPosition?: number;
  readonly segment?: string;
  /** 1-based element position (ISA06 is element 6). */
  readonly element?: number;
  /** 1-based component position within a composite element. */
  readonly component?: number;
  /** 1-based repetition of a repeating element. */
  readonly repetition?: number;
  /** The standard's reference number of the element: '324' for BEG03. */
  readonly elementRef?: string;
  /** Identifier of the innermost loop the segment belongs to ('N1', 'PO1', 'HL'). */
  readonly loop?: string;
}

export interface Diagnostic {
  /** What the code reports on, which is also the acknowledgment level it belongs to. */
  readonly level: 'interchange' | 'group' | 'set' | 'segment' | 'element';
  /** 'error' rejects what it is about; 'warning' is noted and tolerated. */
  readonly severity: 'error' | 'warning';
  /** The code list of the standard: TA105, AK905, AK502, IK502, AK304, AK403 ... */
  readonly codeList: string;
  readonly code: string;
  readonly message: string;
  readonly location: DiagnosticLocation;
  /** The offending value as it stands, for the acknowledgment's copy of bad data (AK404 / IK404). */
  readonly data?: string;
}

/** What an element check found in one segment: the element (and component, repetition) and what is wrong. */
export interface ElementProblem {
  /** The standard's element error code (AK403 / IK403, 0085). */
  readonly code: string;
  readonly element: number;
  readonly component?: number;
  readonly repetition?: number;
  /** The element's reference number in the standard's dictionary. */
  readonly ref?: string;
  readonly message: string;
  /** The offending value, for the acknowledgment's copy of bad data. */
  readonly data?: string;
}

/** An element problem as a diagnostic at its segment's place. */
export function elementDiagnostic(codeList: string, segment: DiagnosticLocation, problem: ElementProblem): Diagnostic {
  return {
    level: 'element',
    severity: 'error',
    codeList,
    code: problem.code,
    message: problem.message,
    location: {
      ...segment,
      element: problem.element,
      ...(problem.component !== undefined ? { component: problem.component } : {}),
      ...(problem.repetition !== undefined ? { repetition: problem.repetition } : {}),
      ...(problem.ref ? { elementRef: problem.ref } : {}),
    },
    ...(problem.data !== undefined ? { data: problem.data } : {}),
  };
}
