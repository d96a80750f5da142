import type { CanonicalDocument, Source } from '../../translators/canonical/index.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { serializeInterchange } from '../../translators/edifact/serialize.js';
import type { MapOptions, OutboundSegment } from '../../translators/maps/map-contract.js';
import { mapsFor, type DocumentMaps } from '../../translators/maps/registry.js';
import { readDocuments } from '../../translators/read-documents.js';
import type { TreeLoop, TreeSegment } from '../../translators/tree.js';

// What the EDIFACT map tests share: a file read into messages with the envelope each was read from, the
// maps by message type, and a message written back into an interchange with an in-memory allocator.

export interface ReadMessage {
  readonly type: string;
  readonly source: Source;
  readonly tree: TreeLoop<TreeSegment>;
  readonly diagnostics: readonly Diagnostic[];
}

/** The messages of the file the gateway handles, as it reads them (translators/read-documents.ts). */
export function readMessages(bytes: Uint8Array): ReadMessage[] {
  return readDocuments(bytes).documents.flatMap(({ message, source, tree, diagnostics }) => (tree ? [{ type: message, source, tree, diagnostics }] : []));
}

export const MAPS: Readonly<Record<string, DocumentMaps | undefined>> = Object.fromEntries(['ORDERS', 'DESADV', 'INVOIC', 'IFTSTA'].map((type) => [type, mapsFor('EDIFACT', type)]));

/** Each message of the file through its inbound map: the document, or the problems. */
export function mapFile(bytes: Uint8Array, options: MapOptions): unknown[] {
  return readMessages(bytes).map(({ type, source, tree }) => {
    const map = MAPS[type];
    if (!map) throw new Error(`No EDIFACT map for ${type}`);
    const result = map.inbound(tree, source, options);
    return result.ok ? result.value : { problems: result.problems };
  });
}

export interface InterchangeToWrite {
  readonly type: string;
  /** The source of the document written: its directory and whether it is a test. */
  readonly source: Source;
  readonly segments: readonly OutboundSegment[];
  readonly syntaxIdentifier?: string;
  /** The decimal mark the UNA gives; a point, and no UNA, when left out. */
  readonly decimal?: '.' | ',';
}

/** One message in an interchange, as text. */
export async function writeInterchange({ type, source, segments, syntaxIdentifier = 'UNOC', decimal = '.' }: InterchangeToWrite): Promise<string> {
  return serializeInterchange(
    {
      syntaxIdentifier,
      syntaxVersion: '3',
      sender: { id: '5412345000013', qualifier: '14' },
      recipient: { id: 'PARTNER', qualifier: 'ZZZ' },
      acknowledgmentRequested: false,
      test: source.usage === 'test',
      messages: [{ type, version: source.version.slice(0, 1), release: source.version.slice(1), agency: 'UN', segments }],
    },
    {
      allocator: createMemoryAllocator(),
      partner: 'PARTNER',
      now: new Date(Date.UTC(2025, 0, 7, 13, 5)),
      lineEnding: '\n',
      ...(decimal === ',' ? { delimiters: { component: ':', element: '+', decimal: ',', release: '?', repetition: undefined, segment: "'" } } : {}),
    },
  );
}

/** A document without its envelope's control numbers, which a round trip renumbers. */
export function withoutControlNumbers(document: unknown): unknown {
  const { source, ...rest } = document as { source: Source };
  const { interchangeControlNumber: _i, groupControlNumber: _g, setControlNumber: _s, sender: _from, receiver: _to, ...kept } = source;
  return { ...rest, source: kept };
}
