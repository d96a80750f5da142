import type { Diagnostic } from '../diagnostic.js';
import { SetError } from '../x12/codes.js';
import type { SetOutcome } from '../x12/validating-reader.js';

// What an acknowledgment says of one transaction set: accepted, accepted with errors noted, or rejected,
// with up to five AK502/IK502 codes.

export interface SetStatus {
  /** AK501 / IK501: A accepted, E accepted but errors were noted, R rejected. */
  readonly code: 'A' | 'E' | 'R';
  readonly reasons: readonly string[];
}

export function setStatus(outcome: SetOutcome): SetStatus {
  const errors = outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const noted = errors.length === 0 && outcome.diagnostics.length > 0;
  const reasons = new Set<string>();
  for (const diagnostic of errors) {
    if (diagnostic.level === 'set') reasons.add(diagnostic.code);
  }
  const inSegments = errors.filter((diagnostic) => diagnostic.level === 'segment' || diagnostic.level === 'element');
  if (inSegments.length > 0) reasons.add(inSegments.every(isImplementationOnly) ? SetError.implementationSegmentsInError : SetError.segmentsInError);
  const code = errors.length > 0 ? 'R' : noted ? 'E' : 'A';
  return { code, reasons: [...reasons].slice(0, 5) };
}

/** A finding only the partner's guide makes (the 999's I codes), not the standard. */
export function isImplementationOnly(diagnostic: Diagnostic): boolean {
  return diagnostic.code.startsWith('I');
}
