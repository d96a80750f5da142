import type { Diagnostic, DiagnosticLocation } from '../diagnostic.js';
import { characterSet } from '../edifact/character-sets.js';
import { defaultDelimiters, type EdifactDelimiters } from '../edifact/delimiters.js';
import type { Party as ReceivedParty } from '../edifact/envelope-reader.js';
import {
  UnwritableDataError,
  writeSegmentData,
  type ElementData,
  type OutgoingInterchange,
  type Party,
  type SegmentData,
  type SegmentSyntax,
  type SyntaxVersion,
} from '../edifact/serialize.js';
import { directoryOf, messageSpecFor } from '../edifact/specs/registry.js';
import type { EdifactDictionary, SimpleElementDef } from '../edifact/specs/spec-types.js';
import type { GroupOutcome, InterchangeOutcome, MessageOutcome } from '../edifact/validating-reader.js';

// The CONTRL an EDIFACT interchange gets, addressed back to its sender in its own syntax: UCI for the
// interchange, UCF per group, UCM per message, and under a rejected message UCS per segment in error with
// UCD per element in error. A level rejected (action 4) rejects everything below it, so nothing below it
// is listed. Never a CONTRL in answer to a CONTRL.

export interface ContrlPolicy {
  /** Send a CONTRL only when the sender asks for one (UNB 0031 = 1), even when something was rejected. */
  readonly whenRequestedOnly?: boolean;
  /** A CONTRL for every interchange, positive when nothing was wrong; wins over whenRequestedOnly. */
  readonly always?: boolean;
}

/**
 * What a CONTRL says of the interchange: accepted (UCI 7, no group or message rejected), partially
 * accepted (UCI 7, some rejected), rejected (UCI 4, or every group and message rejected).
 */
export type ContrlStatus = 'accepted' | 'partially-accepted' | 'rejected';

export interface Contrl {
  readonly interchange: OutgoingInterchange;
  /** The sender's own delimiters, or the defaults of the version when the serializer cannot write those. */
  readonly delimiters: EdifactDelimiters;
  /** UCS and UCD left out to stay within what CONTRL allows; the messages they belong to still say rejected. */
  readonly omitted: number;
}

const CONTRL = 'CONTRL';
/** 0083: this level and all lower levels acknowledged if not explicitly rejected, or all of them rejected. */
const ACKNOWLEDGED = '7';
const REJECTED = '4';
/** The repeats of SG2/SG5 (UCS) and of UCD in specs/d96a/contrl.ts and d01b/contrl.ts. */
const MAX_UCS = 999;
const MAX_UCD = 99;
/** UNT 0074 is n..6 in syntax version 3; version 4 counts further, but a CONTRL that long would tell its reader nothing more. */
const MAX_SEGMENTS = 999_999;
/** The service segments 0013 may name at each level: a level's own envelope. */
const INTERCHANGE_TAGS = ['UNA', 'UNB', 'UNZ'];
const GROUP_TAGS = ['UNG', 'UNE'];
const MESSAGE_TAGS = ['UNH', 'UNT'];
const SYNTAX_VERSIONS: readonly string[] = ['1', '2', '3', '4'] satisfies SyntaxVersion[];
/** Printable ASCII: what any reader of an unknown syntax level is most likely to read. */
const FALLBACK_SYNTAX = 'UNOB';

/** The CONTRL for `outcome`, or undefined when none is due. */
export function contrl(outcome: InterchangeOutcome, policy: ContrlPolicy = {}): Contrl | undefined {
  const { header } = outcome;
  if (isAcknowledgment(outcome)) return undefined;
  const due = policy.always || header.acknowledgmentRequested || (!policy.whenRequestedOnly && contrlStatus(outcome) !== 'accepted');
  if (!due) return undefined;

  // The answer is written in the sender's syntax; one the serializer does not know cannot be repeated.
  const syntaxVersion = (SYNTAX_VERSIONS.includes(header.syntaxVersion) ? header.syntaxVersion : '3') as SyntaxVersion;
  const syntaxIdentifier = characterSet(header.syntaxIdentifier, header.delimiters) ? header.syntaxIdentifier : FALLBACK_SYNTAX;
  // A sender's UNA may give delimiters the serializer refuses (a space, one character twice).
  const delimiters = writes({ delimiters: header.delimiters, syntaxIdentifier, syntaxVersion }, { tag: 'UCI', elements: [] }) ? header.delimiters : defaultDelimiters(syntaxVersion === '4');
  // Syntax version 4 has its own CONTRL; versions 1 to 3 answer with version 3's (registry.ts files them so).
  const [version, release] = syntaxVersion === '4' ? ['4', '1'] : ['D', '3'];
  const { dictionary } = messageSpecFor(directoryOf(version, release), CONTRL) as { dictionary: EdifactDictionary };
  const echo = echoer({ delimiters, syntaxIdentifier, syntaxVersion }, dictionary);
  const party = ({ id, qualifier }: ReceivedParty): Party => ({ id: echo(id, '0004'), qualifier: echo(qualifier, '0007') });
  const version4 = syntaxVersion === '4';

  const interchangeError = firstError(outcome.diagnostics);
  const lines: Line[] = [
    {
      segment: {
        tag: 'UCI',
        elements: [echo(header.reference, '0020'), partyElement(party(header.sender)), partyElement(party(header.recipient)), ...response(interchangeError, INTERCHANGE_TAGS, version4)],
      },
    },
  ];
  if (!interchangeError) {
    const messageLine = (message: MessageOutcome): Line => {
      const errors = message.diagnostics.filter(isError);
      const messageError = errors.find((diagnostic) => diagnostic.level === 'set');
      const identifier = [echo(message.type, '0065'), echo(message.version, '0052'), echo(message.release, '0054'), echo(message.agency, '0051'), echo(message.association, '0057')];
      const action = errors.length > 0 ? [REJECTED, ...(messageError ? reported(messageError, MESSAGE_TAGS, version4) : [])] : [ACKNOWLEDGED];
      return { segment: { tag: 'UCM', elements: [echo(message.reference, '0062'), identifier, ...action] }, errors: segmentsInError(errors) };
    };
    lines.push(...answered(outcome.messages).map(messageLine));
    for (const group of outcome.groups) {
      if (isContrlGroup(group)) continue;
      const ung = group.header.ung;
      const groupError = firstError(group.diagnostics);
      const application = (position: number) => [echo(ung.value(position, 1), position === 2 ? '0040' : '0044'), echo(ung.value(position, 2), '0007')];
      lines.push({ segment: { tag: 'UCF', elements: [echo(group.header.reference, '0048'), application(2), application(3), ...response(groupError, GROUP_TAGS, version4)] } });
      if (!groupError) lines.push(...answered(group.messages).map(messageLine));
    }
  }

  const segments: SegmentData[] = [];
  // UNH and UNT count too; UCI, UCF and UCM always fit, the detail under rejected messages takes what is left.
  const budget = { left: MAX_SEGMENTS - 2 - lines.length, omitted: 0 };
  for (const line of lines) {
    segments.push(line.segment);
    if (line.errors) segments.push(...detail(line.errors, budget, version4));
  }
  const interchange: OutgoingInterchange = {
    syntaxIdentifier,
    syntaxVersion,
    sender: party(header.recipient),
    recipient: party(header.sender),
    acknowledgmentRequested: false,
    test: header.test,
    messages: [{ type: CONTRL, version, release, agency: 'UN', segments }],
  };
  return { interchange, delimiters, omitted: budget.omitted };
}

/** What the CONTRL for `outcome` says (or would say, when none is due), for showing beside the interchange. */
export function contrlStatus(outcome: InterchangeOutcome): ContrlStatus {
  if (firstError(outcome.diagnostics)) return 'rejected';
  // A rejected group counts once, whatever it holds: its messages are rejected with it.
  const rejected = [
    ...answered(outcome.messages).map(isRejected),
    ...outcome.groups.filter((group) => !isContrlGroup(group)).flatMap((group) => (firstError(group.diagnostics) ? [true] : answered(group.messages).map(isRejected))),
  ];
  if (!rejected.includes(true)) return 'accepted';
  return rejected.includes(false) ? 'partially-accepted' : 'rejected';
}

/** An interchange of CONTRL messages only, which is never answered with a CONTRL. */
export function isAcknowledgment(outcome: InterchangeOutcome): boolean {
  const received = outcome.messages.length + outcome.groups.length;
  return received > 0 && answered(outcome.messages).length === 0 && outcome.groups.every(isContrlGroup);
}

interface Line {
  readonly segment: SegmentData;
  /** Under a UCM, the segments in error of its message. */
  readonly errors?: readonly SegmentInError[];
}

interface SegmentInError {
  readonly position: number;
  readonly tag: string;
  /** The segment's own 0085 (13 missing, 15 not in position, 35 too many ...); undefined when only its elements are wrong. */
  code: string | undefined;
  readonly elements: Diagnostic[];
}

/** One entry per segment in error, in message order; a second segment-level finding about the same segment gets its own. */
function segmentsInError(errors: readonly Diagnostic[]): SegmentInError[] {
  const entries: SegmentInError[] = [];
  // Entries are found by their segment's place, not searched for: a message can have thousands in error.
  const first = new Map<string, SegmentInError>();
  const elementsOnly = new Map<string, SegmentInError>();
  for (const diagnostic of errors) {
    const { segmentPosition: position, segment: tag = '' } = diagnostic.location;
    // UCS 0096 and UCD S011 are mandatory: a finding that names no segment position or element cannot be placed.
    if (position === undefined) continue;
    const place = `${position} ${tag}`;
    if (diagnostic.level === 'segment') {
      const entry = elementsOnly.get(place);
      if (entry) {
        entry.code = diagnostic.code;
        elementsOnly.delete(place);
      } else {
        const added = { position, tag, code: diagnostic.code, elements: [] };
        entries.push(added);
        if (!first.has(place)) first.set(place, added);
      }
    } else if (diagnostic.level === 'element' && diagnostic.location.element !== undefined) {
      let entry = first.get(place);
      if (!entry) {
        entry = { position, tag, code: undefined, elements: [] };
        entries.push(entry);
        first.set(place, entry);
        elementsOnly.set(place, entry);
      }
      entry.elements.push(diagnostic);
    }
  }
  return entries.sort((a, b) => a.position - b.position);
}

/**
 * UCS and UCD for one message. CONTRL allows 999 UCS per UCM and 99 UCD per UCS, and the message as a whole
 * must stay countable by UNT: the first segments and elements in error are listed, the rest only counted.
 */
function detail(errors: readonly SegmentInError[], budget: { left: number; omitted: number }, version4: boolean): SegmentData[] {
  const segments: SegmentData[] = [];
  errors.forEach((entry, index) => {
    if (index >= MAX_UCS || budget.left === 0) {
      budget.omitted += 1 + entry.elements.length;
      return;
    }
    segments.push({ tag: 'UCS', elements: [String(entry.position), entry.code ?? ''] });
    budget.left -= 1;
    const listed = Math.min(entry.elements.length, MAX_UCD, budget.left);
    for (const element of entry.elements.slice(0, listed)) segments.push({ tag: 'UCD', elements: [element.code, dataElement(element.location, version4)] });
    budget.left -= listed;
    budget.omitted += entry.elements.length - listed;
  });
  return segments;
}

/** 0083 and, when rejected, 0085, 0013 and S011: the elements UCI and UCF share after their parties. */
function response(error: Diagnostic | undefined, tags: readonly string[], version4: boolean): ElementData[] {
  return error ? [REJECTED, ...reported(error, tags, version4)] : [ACKNOWLEDGED];
}

/** 0085, then 0013 and S011 when the error is in the level's own service segment. */
function reported(error: Diagnostic, tags: readonly string[], version4: boolean): ElementData[] {
  const { segment, element } = error.location;
  if (segment === undefined || !tags.includes(segment)) return [error.code];
  return [error.code, segment, element === undefined ? '' : dataElement(error.location, version4)];
}

/** S011: 0098 element position, 0104 component position, and from version 4 0136 the repetition. */
function dataElement({ element, component, repetition }: DiagnosticLocation, version4: boolean): string[] {
  return [String(element), component === undefined ? '' : String(component), version4 && repetition !== undefined ? String(repetition) : ''];
}

function partyElement({ id, qualifier }: Party): string[] {
  return [id, qualifier ?? ''];
}

function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error';
}

function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find(isError);
}

function isRejected(message: MessageOutcome): boolean {
  return message.diagnostics.some(isError);
}

/** The messages a CONTRL answers: all but CONTRL messages. */
function answered(messages: readonly MessageOutcome[]): MessageOutcome[] {
  return messages.filter((message) => message.type !== CONTRL);
}

/** A group of CONTRL messages, by what it holds or, when empty, by what its UNG says it holds. */
function isContrlGroup(group: GroupOutcome): boolean {
  return group.messages.length > 0 ? answered(group.messages).length === 0 : group.header.messageType === CONTRL;
}

/** Whether the serializer writes `segment`: it refuses delimiters it cannot use, and data the syntax cannot carry. */
function writes(syntax: SegmentSyntax, segment: SegmentData): boolean {
  try {
    writeSegmentData(segment, syntax);
    return true;
  } catch (error) {
    if (error instanceof RangeError || error instanceof UnwritableDataError) return false;
    throw error;
  }
}

/**
 * A value of the received interchange repeated in the CONTRL (a reference, a party, a message identifier),
 * cut to the length CONTRL gives it. A broken interchange can hold characters the answer cannot carry
 * (outside its syntax level, or a delimiter where there is no release character); they are left out rather
 * than refusing the CONTRL, which the sender needs most exactly then. The serializer judges each character
 * once.
 */
function echoer(syntax: SegmentSyntax, dictionary: EdifactDictionary): (value: string, ref: string) => string {
  const carried = new Map<string, boolean>();
  const carries = (character: string): boolean => {
    let verdict = carried.get(character);
    if (verdict === undefined) {
      verdict = writes(syntax, { tag: 'UCI', elements: [character] });
      carried.set(character, verdict);
    }
    return verdict;
  };
  return (value, ref) => {
    const max = (dictionary.elements[ref] as SimpleElementDef).format.max;
    let copy = '';
    for (const character of value) {
      if (copy.length + character.length > max) break;
      if (carries(character)) copy += character;
    }
    return copy;
  };
}
