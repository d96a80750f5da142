import type { FunctionalAck } from '../../translators/canonical/index.js';
import { OutboundState } from '../pipeline/states.js';
import type { ReceivedAcknowledgmentKind } from '../store/sql/outbound-documents.js';
import type { AckError } from './read-functional-acks.js';

// What a partner's acknowledgment says of one document of ours, and why, in words: the verdict on its
// transaction set or message, or on its group or interchange when that is all the acknowledgment gives.

export interface Verdict {
  readonly state: typeof OutboundState.ACCEPTED | typeof OutboundState.ACCEPTED_WITH_ERRORS | typeof OutboundState.REJECTED;
  /** What is wrong, in words with the standard's codes; null when nothing is. */
  readonly reason: string | null;
}

/** Control numbers as partners echo them: with or without the leading zeros we wrote. */
export function sameNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  const bare = (value: string) => value.trim().replace(/^0+(?=.)/, '');
  return a !== null && a !== undefined && b !== null && b !== undefined && bare(a) === bare(b);
}

/**
 * The verdict on our set `setControlNumber` of the group or interchange the acknowledgment answers; undefined
 * when it does not say (a 997 that accepts part of the group without naming our set).
 */
export function verdictFor(ack: FunctionalAck, kind: ReceivedAcknowledgmentKind, setControlNumber: string | null): Verdict | undefined {
  const entry = ack.sets.find((set) => sameNumber(set.setControlNumber, setControlNumber));
  const above = ack.errors ?? [];
  let status: FunctionalAck['sets'][number]['status'];
  let errors: readonly AckError[];
  if (ack.status === 'rejected') {
    // A rejected group or interchange rejects every set in it, whatever its own entry says.
    status = 'rejected';
    errors = [...above, ...(entry?.errors ?? [])];
  } else if (entry) {
    status = entry.status;
    errors = entry.errors ?? [];
  } else if (kind === 'CONTRL' || ack.status !== 'partially-accepted') {
    // CONTRL lists only what it rejects or faults; a 997 or 999 without set entries speaks for its whole group.
    status = above.length > 0 || ack.status === 'accepted-with-errors' ? 'accepted-with-errors' : 'accepted';
    errors = above;
  } else {
    return undefined;
  }
  const state = status === 'accepted' ? OutboundState.ACCEPTED : status === 'accepted-with-errors' ? OutboundState.ACCEPTED_WITH_ERRORS : OutboundState.REJECTED;
  return { state, reason: reasonWords(kind, status, errors) };
}

function reasonWords(kind: ReceivedAcknowledgmentKind, status: string, errors: readonly AckError[]): string | null {
  if (status === 'accepted' && errors.length === 0) return null;
  const head = status === 'rejected' ? 'rejected' : 'accepted with errors noted';
  const described = errors.map((error) => describe(kind, error));
  return described.length > 0 ? `${head}: ${described.join('; ')}` : `${head}, without a reason given`;
}

/** The element that carries the code, as guides name it: AK304 in a 997, IK304 in a 999, 0085 in a CONTRL. */
function codeElement(kind: ReceivedAcknowledgmentKind, level: AckError['level']): string {
  if (kind === 'CONTRL') return '0085';
  const prefix = kind === '999' ? 'IK' : 'AK';
  switch (level) {
    case 'segment':
      return `${prefix}304`;
    case 'element':
      return `${prefix}403`;
    case 'set':
      return `${prefix}502`;
    default:
      return 'AK905';
  }
}

function describe(kind: ReceivedAcknowledgmentKind, error: AckError): string {
  const code = `(${codeElement(kind, error.level)} ${error.code})`;
  const at = error.segmentPosition === undefined ? '' : ` at position ${error.segmentPosition}`;
  switch (error.level) {
    case 'interchange':
      return `the interchange: ${error.reason} ${code}`;
    case 'group':
      return `the group: ${error.reason} ${code}`;
    case 'set':
      return `${error.reason} ${code}`;
    case 'segment':
      return `${error.segment ? `segment ${error.segment}` : at ? 'the segment' : 'a segment'}${at}${error.loop ? ` in loop ${error.loop}` : ''}: ${error.reason} ${code}`;
    case 'element': {
      const component = error.component === undefined ? '' : error.segment ? `-${error.component}` : `, component ${error.component}`;
      const name = error.element === undefined ? 'an element' : `${error.segment ? `${error.segment}${String(error.element).padStart(2, '0')}` : `element ${error.element}`}${component}`;
      const value = error.badValue === undefined ? '' : ` "${error.badValue}"`;
      return `${name}${at ? ` (the segment${at})` : ''}: ${error.reason}${value} ${code}`;
    }
  }
}
