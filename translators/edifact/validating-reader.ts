import type { Diagnostic } from '../diagnostic.js';
import { SyntaxError } from './codes.js';
import { createEdifactReader, type EdifactReader, type GroupHeader, type InterchangeHeader, type Message } from './envelope-reader.js';
import { compiledMessageFor, directoryOf } from './specs/registry.js';
import { lazyTree, type EdifactLoopNode } from './tree.js';
import type { CompiledMessage } from './validator/compiled-message.js';
import { skimProgramFor } from './validator/skim-program.js';
import { placeSegments, validateMessage } from './validator/validate-message.js';

// The streaming EDIFACT reader with every message validated as it closes: envelope findings and message
// findings in one stream of diagnostics, and, per interchange, the outcome a CONTRL is made of.

/** The compiled spec (with the partner's overlay) for a message, or undefined when the gateway does not handle it. */
export type MessageSpecLookup = (message: Message) => CompiledMessage | undefined;

export interface MessageOutcome {
  readonly type: string;
  readonly version: string;
  readonly release: string;
  readonly agency: string;
  readonly association: string;
  readonly reference: string;
  readonly supported: boolean;
  /** Every finding about this message: envelope (UNH/UNT), segments and elements. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface GroupOutcome {
  readonly header: GroupHeader;
  readonly messages: readonly MessageOutcome[];
  /** Findings about the group's own envelope (UNG/UNE). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface InterchangeOutcome {
  readonly header: InterchangeHeader;
  /** Findings about the interchange's own envelope (UNA, UNB/UNZ, characters outside messages). */
  readonly diagnostics: readonly Diagnostic[];
  readonly groups: readonly GroupOutcome[];
  /** Messages outside any group. */
  readonly messages: readonly MessageOutcome[];
}

export interface EdifactValidatingHandler {
  interchange?(header: InterchangeHeader): void;
  /**
   * A message, validated; `tree` is undefined for a message the gateway does not handle. For a message read
   * clean in one pass, the tree's segments are made when it is first looked into.
   */
  message?(message: Message, outcome: MessageOutcome, tree: EdifactLoopNode | undefined): void;
  diagnostic?(diagnostic: Diagnostic): void;
  /** An interchange read to its end, with everything its CONTRL needs. */
  interchangeEnd?(outcome: InterchangeOutcome): void;
}

export interface EdifactValidatingOptions {
  /** Which spec a message is checked against; by default the standard's, for the messages the gateway handles. */
  readonly specs?: MessageSpecLookup;
  readonly maxSegmentBytes?: number;
  /**
   * Keep each interchange's message outcomes for interchangeEnd, as a CONTRL needs them. Off, memory stays
   * flat however many messages a file holds, and interchangeEnd gets the interchange's own findings only.
   */
  readonly collectOutcomes?: boolean;
}

interface OpenGroup {
  readonly header: GroupHeader;
  readonly messages: MessageOutcome[];
  readonly diagnostics: Diagnostic[];
}

interface OpenInterchange {
  readonly header: InterchangeHeader;
  readonly diagnostics: Diagnostic[];
  readonly groups: OpenGroup[];
  readonly messages: MessageOutcome[];
}

/** The directory's own definition of the message. */
export function standardSpec(message: Message): CompiledMessage | undefined {
  const last = lastStandard;
  if (last?.type === message.type && last.version === message.version && last.release === message.release) return last.compiled;
  const compiled = compiledMessageFor(directoryOf(message.version, message.release), message.type);
  lastStandard = { type: message.type, version: message.version, release: message.release, compiled };
  return compiled;
}

/** The last message standardSpec was asked for: a file's messages are nearly all of one type and directory. */
let lastStandard: { readonly type: string; readonly version: string; readonly release: string; readonly compiled: CompiledMessage | undefined } | undefined;

export function createEdifactValidatingReader(handler: EdifactValidatingHandler, options: EdifactValidatingOptions = {}): EdifactReader {
  const specs = options.specs ?? standardSpec;
  const collect = options.collectOutcomes ?? false;
  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  /** Envelope findings about the message being read, given to it when it closes. */
  let pending: Diagnostic[] = [];

  return createEdifactReader(
    {
      interchange(header) {
        interchange = { header, diagnostics: [], groups: [], messages: [] };
        handler.interchange?.(header);
      },
      group(header) {
        group = { header, messages: [], diagnostics: [] };
        if (collect) interchange?.groups.push(group);
      },
      diagnostic(diagnostic) {
        handler.diagnostic?.(diagnostic);
        if (diagnostic.location.set !== undefined && diagnostic.level !== 'interchange' && diagnostic.level !== 'group') pending.push(diagnostic);
        else if (diagnostic.level === 'group' && group) group.diagnostics.push(diagnostic);
        else interchange?.diagnostics.push(diagnostic);
      },
      message(message) {
        const envelope = pending;
        pending = [];
        const compiled = specs(message);
        let diagnostics: Diagnostic[];
        let tree: EdifactLoopNode | undefined;
        if (compiled && message.cleanUnder !== undefined && message.cleanUnder === skimProgramFor(compiled)) {
          // Read in one pass and found clean: only the envelope can have findings, and the tree waits until looked into.
          tree = lazyTree(() => placeSegments(message, compiled).tree);
          diagnostics = envelope;
        } else if (compiled) {
          const result = validateMessage(message, compiled);
          tree = result.tree;
          result.diagnostics.forEach((diagnostic) => handler.diagnostic?.(diagnostic));
          diagnostics = [...envelope, ...result.diagnostics];
        } else {
          const unsupported: Diagnostic = {
            level: 'set',
            severity: 'error',
            codeList: '0085',
            // "No agreement": nothing here says how to read or process this message.
            code: SyntaxError.noAgreement,
            message: `Message type ${message.type} in directory ${message.version}${message.release} is not one this gateway handles.`,
            location: { offset: message.header.offset, interchange: message.interchange, ...(message.group !== undefined ? { group: message.group } : {}), set: message.reference, segmentPosition: 1, segment: 'UNH', element: 2 },
          };
          handler.diagnostic?.(unsupported);
          diagnostics = [...envelope, unsupported];
        }
        const outcome: MessageOutcome = {
          type: message.type,
          version: message.version,
          release: message.release,
          agency: message.agency,
          association: message.association,
          reference: message.reference,
          supported: compiled !== undefined,
          diagnostics,
        };
        if (collect) (group ?? interchange)?.messages.push(outcome);
        handler.message?.(message, outcome, tree);
      },
      groupEnd() {
        group = undefined;
      },
      interchangeEnd() {
        const open = interchange as OpenInterchange;
        interchange = undefined;
        handler.interchangeEnd?.(open);
      },
    },
    {
      ...(options.maxSegmentBytes === undefined ? {} : { maxSegmentBytes: options.maxSegmentBytes }),
      skim: (message) => {
        const compiled = specs(message);
        return compiled && skimProgramFor(compiled);
      },
    },
  );
}
