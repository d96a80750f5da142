import type { Diagnostic } from '../diagnostic.js';
import { SegmentError, SetError } from './codes.js';
import { createX12Reader, type GroupHeader, type InterchangeHeader, type TransactionSet, type X12Reader } from './envelope-reader.js';
import { element } from './segment.js';
import type { LoopNode } from './tree.js';
import type { CompiledSet } from './validator/compiled-spec.js';
import { matchStructure } from './validator/match-structure.js';
import { skimProgramFor } from './validator/skim-program.js';
import { validateSet } from './validator/validate-set.js';

// The streaming reader with every transaction set validated as it closes: envelope findings and set
// findings in one stream of diagnostics, and, per interchange, the outcome its acknowledgments are made of.

/** The compiled spec (with the partner's overlay) for a set, or undefined when the gateway does not handle it. */
export type SpecLookup = (groupVersion: string, setId: string) => CompiledSet | undefined;

export interface SetOutcome {
  readonly id: string;
  readonly controlNumber: string;
  /** ST03 (005010 on). */
  readonly implementationReference: string;
  readonly supported: boolean;
  /** Every finding about this set: envelope (AK502/IK502), segments and elements. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface GroupOutcome {
  readonly header: GroupHeader;
  /** GE01 as a number, when the trailer was there and numeric. */
  readonly declaredSets: number | undefined;
  readonly sets: readonly SetOutcome[];
  /** AK905 findings, and findings from the GS that a TA1 reports. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface InterchangeOutcome {
  readonly header: InterchangeHeader;
  /** TA105 findings. */
  readonly diagnostics: readonly Diagnostic[];
  readonly groups: readonly GroupOutcome[];
  /** Tags of segments directly in the interchange (TA1), which make it an acknowledgment. */
  readonly interchangeSegments: readonly string[];
}

export interface ValidatingHandler {
  interchange?(header: InterchangeHeader): void;
  group?(header: GroupHeader): void;
  /**
   * A set, validated; `tree` builds (once) the tree the maps read, and is undefined for a set the gateway
   * does not handle. Most sets of a large file are never looked into, so their trees are never built.
   */
  transactionSet?(set: TransactionSet, outcome: SetOutcome, tree: (() => LoopNode) | undefined): void;
  diagnostic?(diagnostic: Diagnostic): void;
  /** An interchange read to its end, with everything its acknowledgments need. */
  interchangeEnd?(outcome: InterchangeOutcome): void;
}

export interface ValidatingReaderOptions {
  readonly specs: SpecLookup;
  readonly maxSegmentBytes?: number;
  /**
   * Keep each interchange's outcome for interchangeEnd. Off, memory stays flat however many sets a file
   * holds; on, it grows by a few dozen bytes per set, which the acknowledgment lists anyway.
   */
  readonly collectOutcomes?: boolean;
}

interface OpenGroup {
  readonly header: GroupHeader;
  declaredSets: number | undefined;
  readonly sets: SetOutcome[];
  readonly diagnostics: Diagnostic[];
}

interface OpenInterchange {
  readonly header: InterchangeHeader;
  readonly diagnostics: Diagnostic[];
  readonly groups: OpenGroup[];
  readonly interchangeSegments: string[];
}

export function createValidatingReader(handler: ValidatingHandler, options: ValidatingReaderOptions): X12Reader {
  const collect = options.collectOutcomes ?? false;
  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  /** Envelope findings about the set being read, given to it when it closes. */
  let pending: Diagnostic[] = [];

  const reader = createX12Reader(
    {
      interchange(header) {
        interchange = { header, diagnostics: [], groups: [], interchangeSegments: [] };
        handler.interchange?.(header);
      },
      group(header) {
        group = { header, declaredSets: undefined, sets: [], diagnostics: [] };
        if (collect) interchange?.groups.push(group);
        handler.group?.(header);
      },
      segment(segment) {
        if (segment.tag === 'GE' && group) {
          const declared = element(segment, 1).trim();
          group.declaredSets = /^\d{1,10}$/.test(declared) ? Number(declared) : undefined;
        }
      },
      interchangeSegment(segment) {
        interchange?.interchangeSegments.push(segment.tag);
      },
      diagnostic(diagnostic) {
        handler.diagnostic?.(diagnostic);
        if (diagnostic.location.set !== undefined && diagnostic.level !== 'interchange' && diagnostic.level !== 'group') pending.push(diagnostic);
        else if (diagnostic.level === 'group' && group) group.diagnostics.push(diagnostic);
        else interchange?.diagnostics.push(diagnostic);
      },
      transactionSet(set) {
        const spec = options.specs(set.groupVersion, set.id);
        const envelope = pending;
        pending = [];
        const delimiters = (interchange as OpenInterchange).header.delimiters;
        let diagnostics: Diagnostic[];
        let tree: (() => LoopNode) | undefined;
        if (spec && set.cleanUnder !== undefined && set.cleanUnder === skimProgramFor(spec)) {
          // Read in one pass and found clean: only the envelope can have findings, and the tree waits until asked for.
          let built: LoopNode | undefined;
          tree = () => (built ??= matchStructure(spec, set.segments, delimiters, set.groupVersion.startsWith('005')).tree);
          diagnostics = envelope;
        } else if (spec) {
          const result = validateSet(set, delimiters, spec);
          tree = () => result.tree;
          handler.diagnostic && result.diagnostics.forEach((diagnostic) => handler.diagnostic?.(diagnostic));
          // The lexer's "not a segment identifier" is found again, with its place in the set, by the validator.
          diagnostics = [...envelope.filter((diagnostic) => !(diagnostic.level === 'segment' && diagnostic.code === SegmentError.unrecognizedSegmentId)), ...result.diagnostics];
        } else {
          const unsupported: Diagnostic = {
            level: 'set',
            severity: 'error',
            codeList: set.groupVersion.startsWith('005') ? 'IK502' : 'AK502',
            code: SetError.notSupported,
            message: `Transaction set ${set.id} in version ${set.groupVersion} is not one this gateway handles.`,
            location: { offset: set.header.offset, interchange: set.interchange, group: set.group, set: set.controlNumber, segmentPosition: 1, segment: 'ST' },
          };
          handler.diagnostic?.(unsupported);
          diagnostics = [...envelope, unsupported];
        }
        const outcome: SetOutcome = {
          id: set.id,
          controlNumber: set.controlNumber,
          implementationReference: element(set.header, 3).trim(),
          supported: spec !== undefined,
          diagnostics,
        };
        if (collect) group?.sets.push(outcome);
        handler.transactionSet?.(set, outcome, tree);
      },
      groupEnd() {
        group = undefined;
      },
      interchangeEnd() {
        const open = interchange as OpenInterchange;
        interchange = undefined;
        if (collect) handler.interchangeEnd?.(open);
        else handler.interchangeEnd?.({ ...open, groups: [] });
      },
    },
    {
      ...(options.maxSegmentBytes === undefined ? {} : { maxSegmentBytes: options.maxSegmentBytes }),
      skim: (groupVersion, setId) => {
        const spec = options.specs(groupVersion, setId);
        return spec && skimProgramFor(spec);
      },
    },
  );
  return reader;
}
