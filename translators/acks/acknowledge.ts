import { isDate, isTime } from '../date-time.js';
import type { X12Delimiters } from '../x12/segment.js';
import type { OutgoingGroup, OutgoingInterchange, Party, SegmentData } from '../x12/serialize.js';
import type { InterchangeOutcome } from '../x12/validating-reader.js';
import { echoed, functionalAck, type FunctionalAckKind } from './functional-ack.js';

// Which acknowledgments an interchange gets, and their envelope: a TA1 when the sender asked for one
// (ISA14 = 1) or the envelope itself is broken; a 997 or 999 per functional group when the interchange
// was accepted. Never an acknowledgment of an acknowledgment: 997, 999 and TA1 are not answered.

export interface AckPolicy {
  /** 997 or 999 regardless of version; by default 999 for 005010 groups and 997 for older ones. */
  readonly functionalAck?: FunctionalAckKind;
  /** Send TA1 only when asked (ISA14 = 1), even for a broken envelope. */
  readonly ta1OnlyWhenRequested?: boolean;
}

const ACK_GROUP = 'FA';

export interface Acknowledgment {
  readonly interchange: OutgoingInterchange;
  /** The sender's own delimiters, with a repetition separator added when its version needs one and it gave none. */
  readonly delimiters: X12Delimiters;
}

/** The acknowledgment interchange for `outcome`, addressed back to its sender, or undefined when none is due. */
export function acknowledge(outcome: InterchangeOutcome, now: Date, policy: AckPolicy = {}): Acknowledgment | undefined {
  const { header } = outcome;
  // The answer is written in the sender's version; an ISA12 that is not one cannot be repeated.
  const version = /^\d{5}$/.test(header.version) ? header.version : '00401';
  const delimiters = answerDelimiters(header.delimiters, version);
  const answerable = outcome.groups.filter((group) => group.header.functionalId !== ACK_GROUP);
  const isAcknowledgment = answerable.length === 0 && (outcome.groups.length > 0 || outcome.interchangeSegments.includes('TA1'));
  if (isAcknowledgment) return undefined;

  const errors = outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  const wantsTa1 = header.acknowledgmentRequested || (errors.length > 0 && !policy.ta1OnlyWhenRequested);
  const segments: SegmentData[] = [];
  if (wantsTa1) {
    const first = errors[0] ?? warnings[0];
    const isa = header.isa;
    // TA102 and TA103 repeat the interchange's date and time; a broken ISA's cannot be, so the answer's own are given.
    const date = isa.elements[9] ?? '';
    const time = isa.elements[10] ?? '';
    const valid = /^\d{6}$/.test(date) && isDate(date) && /^\d{4}$/.test(time) && isTime(time);
    const stamp = now.toISOString();
    segments.push({
      tag: 'TA1',
      elements: [
        /^\d{9}$/.test(header.controlNumber) ? header.controlNumber : header.controlNumber.replace(/\D/g, '').padStart(9, '0').slice(-9),
        valid ? date : `${stamp.slice(2, 4)}${stamp.slice(5, 7)}${stamp.slice(8, 10)}`,
        valid ? time : `${stamp.slice(11, 13)}${stamp.slice(14, 16)}`,
        errors.length > 0 ? 'R' : warnings.length > 0 ? 'E' : 'A',
        first?.code ?? '000',
      ],
    });
  }
  // A rejected interchange is not processed, so its groups get no acknowledgment of their own.
  const groups = errors.length > 0 ? [] : functionalGroups(answerable, delimiters, policy);
  if (segments.length === 0 && groups.length === 0) return undefined;
  const interchange: OutgoingInterchange = {
    sender: party(header.receiver, delimiters),
    receiver: party(header.sender, delimiters),
    version,
    usage: header.usage === 'T' ? 'T' : header.usage === 'I' ? 'I' : 'P',
    acknowledgmentRequested: false,
    segments,
    groups,
  };
  return { interchange, delimiters };
}

/** The sender's qualifier and id in the fixed ISA widths: a broken ISA may have given them longer. */
function party(value: Party, delimiters: X12Delimiters): Party {
  return { qualifier: echoed(value.qualifier, delimiters).slice(0, 2), id: echoed(value.id, delimiters).slice(0, 15) };
}

/**
 * Senders of 00501 interchanges sometimes still put U in ISA11, repeat another delimiter there, or write
 * something longer than a character (an ISA that is not fixed width); the answer needs a repetition
 * separator of its own.
 */
function answerDelimiters(delimiters: X12Delimiters, version: string): X12Delimiters {
  const taken = new Set([delimiters.element, delimiters.component, delimiters.segment]);
  if (version < '00402') return delimiters.repetition === undefined ? delimiters : { ...delimiters, repetition: undefined };
  const usable = delimiters.repetition !== undefined && /^[^A-Za-z0-9 ]$/.test(delimiters.repetition) && !taken.has(delimiters.repetition);
  if (usable) return delimiters;
  const repetition = ['^', '!', '|', '`', '{'].find((candidate) => !taken.has(candidate)) as string;
  return { ...delimiters, repetition };
}

/** One FA group per sender, receiver and acknowledgment version, holding a 997 or 999 per group acknowledged. */
function functionalGroups(groups: InterchangeOutcome['groups'], delimiters: X12Delimiters, policy: AckPolicy): OutgoingGroup[] {
  const byEnvelope = new Map<string, { sender: string; receiver: string; version: string; sets: OutgoingGroup['sets'][number][] }>();
  for (const group of groups) {
    const version5010 = group.header.version.startsWith('005');
    const kind = policy.functionalAck ?? (version5010 ? '999' : '997');
    const version = kind === '999' ? '005010X231A1' : version5010 ? '005010' : group.header.version.slice(0, 6);
    const gs = group.header.gs;
    const sender = echoed((gs.elements[3] ?? '').trimEnd(), delimiters);
    const receiver = echoed((gs.elements[2] ?? '').trimEnd(), delimiters);
    const key = `${sender}\u0000${receiver}\u0000${version}`;
    const entry = byEnvelope.get(key) ?? { sender, receiver, version, sets: [] };
    entry.sets.push({ id: kind, ...(kind === '999' ? { implementationReference: '005010X231A1' } : {}), segments: functionalAck(group, kind, delimiters) });
    byEnvelope.set(key, entry);
  }
  return [...byEnvelope.values()].map((entry) => ({ functionalId: ACK_GROUP, ...entry }));
}
