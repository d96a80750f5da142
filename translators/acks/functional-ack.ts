import type { Diagnostic } from '../diagnostic.js';
import { SegmentError } from '../x12/codes.js';
import type { X12Delimiters } from '../x12/segment.js';
import type { SegmentData } from '../x12/serialize.js';
import type { GroupOutcome } from '../x12/validating-reader.js';
import { isImplementationOnly, setStatus } from './set-status.js';

// The 997 (functional acknowledgment) or 999 (implementation acknowledgment, 005010X231A1) of one group:
// AK1, then per set AK2, its segment errors (AK3/IK3) with their element errors (AK4/IK4), AK5/IK5, and
// AK9 with the counts. A group with one bad set still accepts its good ones: AK9 says P.

export type FunctionalAckKind = '997' | '999';

/** The 997 and 999 codes that mean the same; a 997 has no implementation-guide (I) codes. */
const IN_997: Readonly<Record<string, string>> = {
  I4: SegmentError.unexpectedSegment,
  I5: '5',
  I6: '7',
  I10: '3',
  I12: '7',
};

/** The body (AK1 to AK9) of the acknowledgment, whose values must not hold the acknowledgment's `delimiters`. */
export function functionalAck(group: GroupOutcome, kind: FunctionalAckKind, delimiters: X12Delimiters): SegmentData[] {
  const is999 = kind === '999';
  const code = (value: string) => (is999 ? value : (IN_997[value] ?? value));
  const header = group.header;
  const echo = (value: string) => echoed(value, delimiters);
  const withVersion = is999 || header.version.startsWith('005');
  const segments: SegmentData[] = [{ tag: 'AK1', elements: [echo(header.functionalId), echo(header.controlNumber), ...(withVersion ? [echo(header.version)] : [])] }];
  let accepted = 0;
  for (const set of group.sets) {
    const status = setStatus(set);
    if (status.code !== 'R') accepted += 1;
    segments.push({ tag: 'AK2', elements: [echo(set.id), echo(set.controlNumber), ...(set.implementationReference && withVersion ? [echo(set.implementationReference)] : [])] });
    segments.push(...segmentErrors(set.diagnostics, is999, code, delimiters));
    const reasons = [...new Set(status.reasons.map(code))];
    segments.push({ tag: is999 ? 'IK5' : 'AK5', elements: [status.code, ...reasons] });
  }
  const groupErrors = group.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.codeList === 'AK905');
  const received = group.sets.length;
  const rejected = groupErrors.length > 0;
  const noted = group.sets.some((set) => setStatus(set).code === 'E');
  const status = rejected || (received > 0 && accepted === 0) ? 'R' : accepted < received ? 'P' : noted ? 'E' : 'A';
  const groupCodes = [...new Set(groupErrors.map((diagnostic) => diagnostic.code))].slice(0, 5);
  segments.push({ tag: 'AK9', elements: [status, String(group.declaredSets ?? received), String(received), String(rejected ? 0 : accepted), ...groupCodes] });
  return segments;
}

/** AK3/IK3 per segment in error, each followed by AK4/IK4 per element in error (at most 99 of each, as the 997 allows). */
function segmentErrors(diagnostics: readonly Diagnostic[], is999: boolean, code: (value: string) => string, delimiters: X12Delimiters): SegmentData[] {
  type Entry = { code: string; location: Diagnostic['location']; elements: Diagnostic[] };
  const entries: Entry[] = [];
  // A set with many bad elements has as many entries: each segment's is found by its position, not searched for.
  const withElementErrors = new Map<number | undefined, Entry>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    const location = diagnostic.location;
    if (diagnostic.level === 'segment') {
      entries.push({ code: diagnostic.code, location, elements: [] });
    } else if (diagnostic.level === 'element') {
      const same = withElementErrors.get(location.segmentPosition);
      if (same) same.elements.push(diagnostic);
      else {
        const entry = { code: SegmentError.segmentHasElementErrors, location, elements: [diagnostic] };
        entries.push(entry);
        withElementErrors.set(location.segmentPosition, entry);
      }
    }
  }
  entries.sort((a, b) => (a.location.segmentPosition ?? 0) - (b.location.segmentPosition ?? 0));
  const segments: SegmentData[] = [];
  for (const entry of entries.slice(0, 99)) {
    const location = entry.location;
    segments.push({ tag: is999 ? 'IK3' : 'AK3', elements: [echoed(location.segment ?? '', delimiters), String(location.segmentPosition ?? ''), location.loop ?? '', code(entry.code)] });
    for (const element of entry.elements.slice(0, 99)) {
      const at = element.location;
      const position = [String(at.element ?? ''), at.component !== undefined ? String(at.component) : '', is999 && at.repetition !== undefined ? String(at.repetition) : ''];
      while (position.length > 1 && position.at(-1) === '') position.pop();
      // AK402 is a simple element's number; a composite's name (C001) has no place there.
      const reference = /^\d+$/.test(at.elementRef ?? '') ? (at.elementRef as string) : '';
      segments.push({ tag: is999 ? 'IK4' : 'AK4', elements: [position, reference, code(element.code), echoed(element.data ?? '', delimiters).slice(0, 99)] });
    }
  }
  return segments;
}

/**
 * A value of the received file repeated in the acknowledgment (a control number, a segment tag, AK404's
 * copy of bad data). A broken file can hold our delimiters there, or control characters; they are left out
 * rather than refusing the acknowledgment, which the sender needs most exactly then.
 */
export function echoed(value: string, delimiters: X12Delimiters): string {
  const forbidden = [delimiters.element, delimiters.component, delimiters.segment, ...(delimiters.repetition ? [delimiters.repetition] : [])];
  let copy = '';
  for (const character of value) {
    if (character >= ' ' && character !== '\x7f' && !forbidden.includes(character)) copy += character;
  }
  return copy;
}
