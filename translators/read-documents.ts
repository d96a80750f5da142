import type { Source } from './canonical/index.js';
import type { Diagnostic } from './diagnostic.js';
import { compiledMessageFor, directoryOf } from './edifact/specs/registry.js';
import { createEdifactValidatingReader } from './edifact/validating-reader.js';
import type { GuideOverlay } from './guide-overlay.js';
import { identifyStandard, IDENTIFY_HEAD_BYTES, type Standard } from './identify-standard.js';
import type { TreeLoop, TreeSegment } from './tree.js';
import { compiledSpecFor } from './x12/specs/registry.js';
import { createValidatingReader } from './x12/validating-reader.js';

// A whole EDI file, X12 or EDIFACT, read into its transaction sets or messages: each validated (against the
// partner's guide when one is given), with its tree for the maps and the envelope it came in as a canonical
// Source. For commands and tests that hold one file; the pipeline streams instead.

export interface ReadDocument {
  readonly standard: Standard;
  /** The transaction set or message type: '850', 'ORDERS'. */
  readonly message: string;
  readonly source: Source;
  /** Undefined for a set or message the gateway does not handle. */
  readonly tree: TreeLoop<TreeSegment> | undefined;
  /** What validation found in it, envelope findings about it included. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ReadFile {
  readonly standard: Standard;
  readonly documents: readonly ReadDocument[];
  /** Every finding, those about interchanges and groups included, in the order they were made. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The partner's implementation guide for a set or message type ('850', 'DESADV'), if it has one. */
export type GuideLookup = (message: string) => GuideOverlay | undefined;

/** Reads the file; throws a RangeError saying why when it is neither X12 nor EDIFACT. */
export function readDocuments(bytes: Uint8Array, guides: GuideLookup = () => undefined): ReadFile {
  const identified = identifyStandard(bytes.subarray(0, IDENTIFY_HEAD_BYTES));
  if (identified.standard === null) throw new RangeError(identified.reason);
  return identified.standard === 'X12' ? readX12(bytes, guides) : readEdifact(bytes, guides);
}

function readX12(bytes: Uint8Array, guides: GuideLookup): ReadFile {
  const documents: ReadDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let envelope: Omit<Source, 'version' | 'groupControlNumber' | 'setControlNumber'> | undefined;
  let group = { controlNumber: '', version: '' };
  const reader = createValidatingReader(
    {
      interchange(header) {
        envelope = {
          standard: 'X12',
          usage: header.usage === 'P' ? 'production' : 'test',
          sender: { qualifier: header.sender.qualifier.trim(), id: header.sender.id.trim() },
          receiver: { qualifier: header.receiver.qualifier.trim(), id: header.receiver.id.trim() },
          interchangeControlNumber: header.controlNumber,
        };
      },
      group: (header) => void (group = { controlNumber: header.controlNumber, version: header.version }),
      transactionSet(set, outcome, tree) {
        if (!envelope) return;
        const source: Source = { ...envelope, version: group.version, groupControlNumber: group.controlNumber, setControlNumber: set.controlNumber };
        documents.push({ standard: 'X12', message: set.id, source, tree: tree?.(), diagnostics: outcome.diagnostics });
      },
      diagnostic: (diagnostic) => void diagnostics.push(diagnostic),
    },
    { specs: (version, id) => compiledSpecFor(version, id, guides(id)) },
  );
  reader.write(bytes);
  reader.end();
  return { standard: 'X12', documents, diagnostics };
}

function readEdifact(bytes: Uint8Array, guides: GuideLookup): ReadFile {
  const documents: ReadDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let envelope: Omit<Source, 'version' | 'groupControlNumber' | 'setControlNumber'> | undefined;
  const party = ({ id, qualifier }: { id: string; qualifier: string }) => (qualifier === '' ? { id } : { id, qualifier });
  const reader = createEdifactValidatingReader(
    {
      interchange(header) {
        envelope = {
          standard: 'EDIFACT',
          usage: header.test ? 'test' : 'production',
          sender: party(header.sender),
          receiver: party(header.recipient),
          interchangeControlNumber: header.reference,
        };
      },
      message(message, outcome, tree) {
        if (!envelope) return;
        const source: Source = {
          ...envelope,
          version: `${message.version}${message.release}`,
          ...(message.group === undefined ? {} : { groupControlNumber: message.group }),
          setControlNumber: message.reference,
        };
        documents.push({ standard: 'EDIFACT', message: message.type, source, tree, diagnostics: outcome.diagnostics });
      },
      diagnostic: (diagnostic) => void diagnostics.push(diagnostic),
    },
    { specs: (message) => compiledMessageFor(directoryOf(message.version, message.release), message.type, guides(message.type)) },
  );
  reader.write(bytes);
  reader.end();
  return { standard: 'EDIFACT', documents, diagnostics };
}
