import { isDate } from '../date-time.js';
import type { Diagnostic, DiagnosticLocation } from '../diagnostic.js';
import type { SkimmedBody, SkimProgram } from '../native/skimmed-run.js';
import { characterSet, decode, firstForbidden, type CharacterSet } from './character-sets.js';
import { SyntaxError } from './codes.js';
import type { EdifactDelimiters } from './delimiters.js';
import { allowedBytesOf } from './native-syntax.js';
import { MessageReferences } from './message-references.js';
import { EdifactLexer, printable } from './segment-lexer.js';
import { EdifactSegment } from './segment.js';
import { bodySegments } from './skim-messages.js';

// Segments -> interchanges, optional groups and messages, with every envelope check: references equal in
// header and trailer, counts, dates, the test indicator, nesting, duplicates, and each segment's characters
// against the interchange's syntax level. One message is held in memory at a time; interchanges and groups
// keep only their headers and counters. Findings carry the CONTRL syntax error codes (0085).

export interface Party {
  readonly id: string;
  readonly qualifier: string;
}

export interface InterchangeHeader {
  readonly unb: EdifactSegment;
  readonly delimiters: EdifactDelimiters;
  /** Whether a UNA gave the delimiters. */
  readonly serviceStringAdvice: boolean;
  /** S001 0001, e.g. UNOC. */
  readonly syntaxIdentifier: string;
  /** S001 0002, '1' to '4'. */
  readonly syntaxVersion: string;
  readonly sender: Party;
  readonly recipient: Party;
  /** S004 0017 and 0019 as written. */
  readonly date: string;
  readonly time: string;
  /** 0020, the interchange control reference. */
  readonly reference: string;
  /** 0031 = 1: the sender asks for a CONTRL. */
  readonly acknowledgmentRequested: boolean;
  /** 0035 = 1: a test interchange. */
  readonly test: boolean;
}

export interface GroupHeader {
  readonly ung: EdifactSegment;
  /** 0038, the message type the group holds. */
  readonly messageType: string;
  /** 0048, the group reference. */
  readonly reference: string;
  readonly interchange: string;
}

export interface Message {
  /** S009 0065, e.g. ORDERS. */
  readonly type: string;
  /** S009 0052 and 0054: D and 96A. */
  readonly version: string;
  readonly release: string;
  /** S009 0051, normally UN. */
  readonly agency: string;
  /** S009 0057, the association assigned code (EAN008 ...), '' when absent. */
  readonly association: string;
  /** 0062, the message reference. */
  readonly reference: string;
  /** The UNH itself, at hand without making the other segments. */
  readonly header: EdifactSegment;
  /** UNH through UNT (or through the last segment read when UNT is missing). */
  readonly segments: readonly EdifactSegment[];
  readonly interchange: string;
  readonly group: string | undefined;
  /** The program that read the whole message in one pass and found nothing wrong in it (see EdifactReaderOptions.skim). */
  readonly cleanUnder: SkimProgram | undefined;
}

export interface EdifactEnvelopeHandler {
  /** Every segment as read, envelopes included. */
  segment?(segment: EdifactSegment): void;
  interchange?(header: InterchangeHeader): void;
  group?(header: GroupHeader): void;
  message?(message: Message): void;
  groupEnd?(group: GroupHeader, messageCount: number): void;
  interchangeEnd?(header: InterchangeHeader, count: number): void;
  diagnostic?(diagnostic: Diagnostic): void;
}

export interface EdifactReader {
  write(chunk: Uint8Array): void;
  end(): void;
}

interface OpenInterchange {
  readonly header: InterchangeHeader;
  readonly characters: CharacterSet | undefined;
  groups: number;
  messages: number;
  readonly references: MessageReferences;
}

interface OpenGroup {
  readonly header: GroupHeader;
  messages: number;
}

/** What a UNH says of its message: 0062 and S009. */
interface MessageIdentity {
  readonly reference: string;
  readonly type: string;
  readonly version: string;
  readonly release: string;
  readonly agency: string;
  readonly association: string;
}

interface OpenMessage extends MessageIdentity {
  readonly unh: EdifactSegment;
  /** The segments read one by one; a body read in one pass is kept as its bytes. */
  readonly segments: EdifactSegment[];
  body: SkimmedBody | undefined;
  /** Segments so far, UNH included. */
  count: number;
}

export interface EdifactReaderOptions {
  readonly maxSegmentBytes?: number;
  /**
   * The program to read a whole message with in one pass (translators/native), when the reader's user will
   * validate it against that message's spec; asked at each UNH with the message as far as read (its UNH). A
   * message it finds clean is passed on with `cleanUnder`, its segments made only when asked for, and not
   * passed one by one to `segment`.
   */
  readonly skim?: (message: Message) => SkimProgram | undefined;
}

/**
 * A message as read so far; a body read in one pass is made into segments when they are first asked for.
 * A class rather than an object with a getter of its own: each such object would have a shape of its own
 * too, which the engine pays for on every message.
 */
class ReadMessage implements Message {
  readonly type: string;
  readonly version: string;
  readonly release: string;
  readonly agency: string;
  readonly association: string;
  readonly reference: string;
  readonly header: EdifactSegment;
  readonly cleanUnder: SkimProgram | undefined;
  readonly #open: OpenMessage;
  #segments: readonly EdifactSegment[] | undefined;

  constructor(
    open: OpenMessage,
    readonly interchange: string,
    readonly group: string | undefined,
  ) {
    this.type = open.type;
    this.version = open.version;
    this.release = open.release;
    this.agency = open.agency;
    this.association = open.association;
    this.reference = open.reference;
    this.header = open.unh;
    this.cleanUnder = open.body?.program;
    this.#open = open;
    this.#segments = open.body ? undefined : open.segments;
  }

  get segments(): readonly EdifactSegment[] {
    const { unh, body, segments } = this.#open;
    // UNH, the body read in one pass, and what was read after it (UNT).
    this.#segments ??= [unh, ...bodySegments(body as SkimmedBody, unh.delimiters), ...segments.slice(1)];
    return this.#segments;
  }
}

/** The components of UNH S009 a message cannot do without. */
const MESSAGE_IDENTIFIER = ['message type (0065)', 'version (0052)', 'release (0054)', 'controlling agency (0051)'];

const SYNTAX_VERSIONS = new Set(['1', '2', '3', '4']);
/** Segments that open or close an envelope rather than belong to a message. */
const ENVELOPE_TAGS = new Set(['UNB', 'UNZ', 'UNG', 'UNE', 'UNH']);

/** A streaming EDIFACT reader: write chunks of any size, then end(). */
export function createEdifactReader(handler: EdifactEnvelopeHandler, options: EdifactReaderOptions = {}): EdifactReader {
  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  let message: OpenMessage | undefined;
  let advised = false;
  /** Sender, recipient and 0020 of every interchange read: the same three twice is a duplicate (26). */
  const identities = new Set<string>();
  let last: EdifactSegment | undefined;

  const report = (diagnostic: Diagnostic) => handler.diagnostic?.(diagnostic);
  const skim = options.skim;
  const where = (segment: EdifactSegment, extra: Partial<DiagnosticLocation> = {}): DiagnosticLocation => ({
    offset: segment.offset,
    segment: segment.tag,
    ...(interchange ? { interchange: interchange.header.reference } : {}),
    ...(group ? { group: group.header.reference } : {}),
    ...(message ? { set: message.reference, segmentPosition: message.count } : {}),
    ...extra,
  });
  const fault = (level: Diagnostic['level'], code: string, text: string, segment: EdifactSegment, extra: Partial<DiagnosticLocation> = {}, data?: string) =>
    report({ level, severity: 'error', codeList: '0085', code, message: text, location: where(segment, extra), ...(data !== undefined ? { data } : {}) });

  function openInterchange(read: EdifactSegment): void {
    const delimiters = read.delimiters;
    const syntaxIdentifier = read.value(1, 1);
    const syntaxVersion = read.value(1, 2);
    const characters = characterSet(syntaxIdentifier, delimiters);
    // The syntax identifier is plain ASCII in every character set; the parties may not be, so the header is
    // read from the segment decoded in the character set it names.
    const text = characters ? decode(read.text, characters) : read.text;
    const unb = text === read.text ? read : new EdifactSegment(read.tag, text, read.offset, delimiters);
    const header: InterchangeHeader = {
      unb,
      delimiters,
      serviceStringAdvice: advised,
      syntaxIdentifier,
      syntaxVersion,
      sender: { id: unb.value(2, 1), qualifier: unb.value(2, 2) },
      recipient: { id: unb.value(3, 1), qualifier: unb.value(3, 2) },
      date: unb.value(4, 1),
      time: unb.value(4, 2),
      reference: unb.value(5),
      acknowledgmentRequested: unb.value(9) === '1',
      test: unb.value(11) === '1',
    };
    advised = false;
    interchange = { header, characters, groups: 0, messages: 0, references: new MessageReferences() };
    handler.interchange?.(header);
    const level = 'interchange';
    if (!characters) fault(level, SyntaxError.characterSetNotSupported, `UNB gives syntax identifier "${syntaxIdentifier}", a character set this gateway does not read (UNOA to UNOK, UNOW, UNOY, IATA, IATB).`, unb, { element: 1, component: 1 }, syntaxIdentifier);
    if (!SYNTAX_VERSIONS.has(syntaxVersion)) fault(level, SyntaxError.syntaxVersionNotSupported, `UNB gives syntax version "${syntaxVersion}"; versions 1 to 4 are read.`, unb, { element: 1, component: 2 }, syntaxVersion);
    if (header.sender.id === '') fault(level, SyntaxError.missing, 'UNB has no interchange sender (S002 0004).', unb, { element: 2, component: 1 });
    if (header.recipient.id === '') fault(level, SyntaxError.missing, 'UNB has no interchange recipient (S003 0010).', unb, { element: 3, component: 1 });
    // Version 4 writes CCYYMMDD and earlier versions YYMMDD, but partners mix them up in both directions;
    // a real date either way is read, since nothing is lost by it.
    if (!isDate(header.date)) fault(level, SyntaxError.invalidValue, `UNB's date of preparation is "${header.date}"; it must be a date written YYMMDD or CCYYMMDD.`, unb, { element: 4, component: 1 }, header.date);
    if (!/^(?:[01]\d|2[0-3])[0-5]\d$/.test(header.time)) fault(level, SyntaxError.invalidValue, `UNB's time of preparation is "${header.time}"; it must be a time written HHMM.`, unb, { element: 4, component: 2 }, header.time);
    if (header.reference === '') fault(level, SyntaxError.missing, 'UNB has no interchange control reference (0020).', unb, { element: 5 });
    else if (header.reference.length > 14) fault(level, SyntaxError.elementTooLong, `UNB's interchange control reference "${header.reference}" is longer than 14 characters.`, unb, { element: 5 }, header.reference);
    const acknowledgment = unb.value(9);
    if (acknowledgment !== '' && acknowledgment !== '1') fault(level, SyntaxError.invalidValue, `UNB's acknowledgement request (0031) is "${acknowledgment}"; it may only be 1.`, unb, { element: 9 }, acknowledgment);
    const test = unb.value(11);
    if (test !== '' && test !== '1') fault(level, SyntaxError.invalidValue, `UNB's test indicator (0035) is "${test}"; it may only be 1, for a test interchange.`, unb, { element: 11 }, test);
    const identity = [header.sender.qualifier, header.sender.id, header.recipient.qualifier, header.recipient.id, header.reference].join('\u0000');
    if (header.reference !== '' && identities.has(identity)) {
      fault(level, SyntaxError.duplicateDetected, `Interchange ${header.reference} from ${header.sender.id} to ${header.recipient.id} was already received in this file.`, unb, { element: 5 }, header.reference);
    }
    identities.add(identity);
  }

  function closeInterchange(unz: EdifactSegment | undefined, at: EdifactSegment): void {
    const open = interchange as OpenInterchange;
    if (message) closeMessage(undefined, at);
    if (group) closeGroup(undefined, at);
    const count = open.groups > 0 ? open.groups : open.messages;
    if (!unz) {
      fault('interchange', SyntaxError.missing, `Interchange ${open.header.reference} has no UNZ: the file ${at.tag === 'UNB' ? 'starts another interchange' : 'ends'} before it.`, at);
    } else {
      const declared = unz.value(1);
      if (!/^\d{1,6}$/.test(declared) || Number(declared) !== count) {
        fault('interchange', SyntaxError.controlCountMismatch, `UNZ counts ${declared === '' ? 'nothing' : `"${declared}"`}, but interchange ${open.header.reference} holds ${count} ${open.groups > 0 ? 'group' : 'message'}${count === 1 ? '' : 's'}.`, unz, { element: 1 }, declared);
      }
      if (unz.value(2) !== open.header.reference) {
        fault('interchange', SyntaxError.referencesDoNotMatch, `UNZ's reference "${unz.value(2)}" differs from UNB's "${open.header.reference}".`, unz, { element: 2 }, unz.value(2));
      }
    }
    handler.interchangeEnd?.(open.header, count);
    interchange = undefined;
  }

  function openGroup(ung: EdifactSegment): void {
    const open = interchange as OpenInterchange;
    if (open.messages > 0) fault('group', SyntaxError.groupsAndMessagesMixed, 'UNG starts a group in an interchange that already holds messages outside groups.', ung);
    const header: GroupHeader = { ung, messageType: ung.value(1), reference: ung.value(5), interchange: open.header.reference };
    open.groups += 1;
    group = { header, messages: 0 };
    handler.group?.(header);
    if (header.reference === '') fault('group', SyntaxError.missing, 'UNG has no group reference (0048).', ung, { element: 5 });
  }

  function closeGroup(une: EdifactSegment | undefined, at: EdifactSegment): void {
    const open = group as OpenGroup;
    if (message) closeMessage(undefined, at);
    if (!une) {
      fault('group', SyntaxError.missing, `Group ${open.header.reference} has no UNE before ${at.tag}.`, at);
    } else {
      const declared = une.value(1);
      if (!/^\d{1,6}$/.test(declared) || Number(declared) !== open.messages) {
        fault('group', SyntaxError.controlCountMismatch, `UNE counts ${declared === '' ? 'nothing' : `"${declared}"`}, but group ${open.header.reference} holds ${open.messages} message${open.messages === 1 ? '' : 's'}.`, une, { element: 1 }, declared);
      }
      if (une.value(2) !== open.header.reference) fault('group', SyntaxError.referencesDoNotMatch, `UNE's reference "${une.value(2)}" differs from UNG's "${open.header.reference}".`, une, { element: 2 }, une.value(2));
    }
    handler.groupEnd?.(open.header, open.messages);
    group = undefined;
  }

  function openMessage(unh: EdifactSegment): void {
    const open = interchange as OpenInterchange;
    if (open.groups > 0 && !group) fault('set', SyntaxError.groupsAndMessagesMixed, 'UNH starts a message outside any group in an interchange that has groups.', unh);
    if (group) group.messages += 1;
    else open.messages += 1;
    const reference = unh.value(1);
    const identifier = unh.components(2);
    const [type = '', version = '', release = '', agency = '', association = ''] = identifier;
    message = { unh, reference, type, version, release, agency, association, segments: [unh], body: undefined, count: 1 };
    if (reference === '') fault('set', SyntaxError.missing, 'UNH has no message reference number (0062).', unh, { element: 1 });
    else if (!open.references.add(reference)) fault('set', SyntaxError.duplicateDetected, `Message reference ${reference} is used twice in interchange ${open.header.reference}.`, unh, { element: 1 }, reference);
    for (let index = 0; index < MESSAGE_IDENTIFIER.length; index += 1) {
      if ((identifier[index] ?? '') === '') fault('set', SyntaxError.missing, `UNH has no ${MESSAGE_IDENTIFIER[index]}.`, unh, { element: 2, component: index + 1 });
    }
  }

  function closeMessage(unt: EdifactSegment | undefined, at: EdifactSegment): void {
    const open = message as OpenMessage;
    const reference = open.reference;
    if (!unt) {
      fault('set', SyntaxError.missing, `Message ${reference} has no UNT before ${at.tag}.`, at);
    } else {
      const declared = unt.value(1);
      if (!/^\d{1,10}$/.test(declared) || Number(declared) !== open.count) {
        fault('set', SyntaxError.controlCountMismatch, `UNT counts ${declared === '' ? 'nothing' : `"${declared}"`}, but message ${reference} has ${open.count} segments, UNH and UNT included.`, unt, { element: 1 }, declared);
      }
      if (unt.value(2) !== reference) fault('set', SyntaxError.referencesDoNotMatch, `UNT's reference "${unt.value(2)}" differs from UNH's "${reference}".`, unt, { element: 2 }, unt.value(2));
    }
    message = undefined;
    handler.message?.(messageOf(open));
  }

  function messageOf(open: OpenMessage): Message {
    return new ReadMessage(open, (interchange as OpenInterchange).header.reference, group?.header.reference);
  }

  /** The segment in the interchange's character set, its characters checked against the syntax level. */
  function characters(segment: EdifactSegment): EdifactSegment {
    const set = interchange?.characters;
    if (!set) return segment;
    const text = decode(segment.text, set);
    const decoded = text === segment.text ? segment : new EdifactSegment(segment.tag, text, segment.offset, segment.delimiters);
    const bad = firstForbidden(text, set);
    if (bad >= 0) {
      const character = String.fromCodePoint(text.codePointAt(bad) as number);
      // Checked before the segment joins its message: its position is the next one.
      const inMessage = message !== undefined && !ENVELOPE_TAGS.has(segment.tag);
      const at = inMessage ? { segmentPosition: (message as OpenMessage).count + 1 } : {};
      fault(inMessage ? 'segment' : 'interchange', SyntaxError.invalidCharacters, `${segment.tag} has "${printable(character)}" at character ${bad + 1}, which syntax level ${set.identifier} (${set.description}) does not allow.`, decoded, at, printable(character));
    }
    return decoded;
  }

  const lexer = new EdifactLexer(
    {
      serviceStringAdvice() {
        advised = true;
      },
      diagnostic: (diagnostic) => report(diagnostic.location.interchange === undefined && interchange ? { ...diagnostic, location: { ...diagnostic.location, interchange: interchange.header.reference } } : diagnostic),
      segment(read, checked = false) {
        if (read.tag === 'UNB') {
          if (interchange) closeInterchange(undefined, read);
          openInterchange(read);
        }
        const segment = checked ? read : characters(read);
        last = segment;
        handler.segment?.(segment);
        if (segment.tag === 'UNB') return;
        if (!interchange) {
          fault('interchange', SyntaxError.invalidOccurrenceOutsideEnvelope, `${segment.tag} stands outside any interchange.`, segment);
          return;
        }
        switch (segment.tag) {
          case 'UNZ':
            closeInterchange(segment, segment);
            return;
          case 'UNG':
            if (message) closeMessage(undefined, segment);
            if (group) closeGroup(undefined, segment);
            openGroup(segment);
            return;
          case 'UNE':
            if (!group) fault('group', SyntaxError.invalidOccurrenceOutsideEnvelope, 'UNE closes a group that was never opened.', segment);
            else closeGroup(segment, segment);
            return;
          case 'UNH':
            if (message) closeMessage(undefined, segment);
            openMessage(segment);
            return;
          case 'UNT':
            if (!message) {
              fault('set', SyntaxError.invalidOccurrenceOutsideEnvelope, 'UNT closes a message that was never opened.', segment);
              return;
            }
            message.segments.push(segment);
            message.count += 1;
            closeMessage(segment, segment);
            return;
        }
        if (!message) {
          fault('interchange', SyntaxError.invalidOccurrenceOutsideEnvelope, `${segment.tag} stands outside any message.`, segment);
          return;
        }
        message.segments.push(segment);
        message.count += 1;
      },
      // Only a reader asked to skim gives the lexer this: without it, every message is read segment by segment.
      ...(skim && {
        skimProgram() {
          const program = message && message.count === 1 && interchange ? skim(messageOf(message)) : undefined;
          return program && { program, allowed: allowedBytesOf((interchange as OpenInterchange).characters) };
        },
      }),
      skimmedBody(body) {
        const open = message as OpenMessage;
        open.body = body;
        open.count += body.count;
      },
    },
    options.maxSegmentBytes === undefined ? {} : { maxSegmentBytes: options.maxSegmentBytes },
  );

  return {
    write: (chunk) => lexer.write(chunk),
    end() {
      lexer.end();
      if (interchange) closeInterchange(undefined, last as EdifactSegment);
    },
  };
}
