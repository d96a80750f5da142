import fs from 'node:fs';
import path from 'node:path';
import type { CanonicalDocument, Source } from '../../translators/canonical/index.js';
import { createMemoryAllocator } from '../../translators/control-numbers.js';
import type { Diagnostic } from '../../translators/diagnostic.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions, type MapResult, type OutboundSegment } from '../../translators/maps/map-contract.js';
import { mapsFor, type DocumentMaps } from '../../translators/maps/registry.js';
import { readDocuments } from '../../translators/read-documents.js';
import type { TreeLoop, TreeSegment } from '../../translators/tree.js';
import { findSetSpec } from '../../translators/x12/specs/registry.js';
import { serializeInterchange } from '../../translators/x12/serialize.js';

// What the X12 map tests share: a file read into validated transaction sets with the Source the pipeline
// gives each map, the maps by transaction set, and a canonical document written back out as an interchange.

/** The golden samples: NAME.json, NAME.x12 (or its corpus path in SOURCES.tsv) and, where the partner's profile matters, NAME.options.json. */
export const FIXTURES = path.resolve('test/fixtures/maps/x12');

export function fixtureOptions(sample: string): MapOptions {
  const file = path.join(FIXTURES, sample.replace(/\.x12$/, '.options.json'));
  return { ...DEFAULT_MAP_OPTIONS, ...(fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<MapOptions>) : {}) };
}

export interface ReadSet {
  readonly id: string;
  readonly tree: TreeLoop<TreeSegment>;
  readonly source: Source;
  readonly diagnostics: readonly Diagnostic[];
}

/** Every set of the file, as the gateway reads it (translators/read-documents.ts). */
export function readSets(text: string): ReadSet[] {
  return readDocuments(Buffer.from(text, 'utf8')).documents.map(({ message, tree, source, diagnostics }) => {
    if (!tree) throw new Error(`Transaction set ${message} ${source.setControlNumber} has no tree.`);
    return { id: message, tree, source, diagnostics };
  });
}

/** The maps of a set the tests read or write. */
export function mapsOf(id: string): DocumentMaps {
  const maps = mapsFor('X12', id);
  if (!maps) throw new Error(`No X12 map for transaction set ${id}.`);
  return maps;
}

export function mapSet(set: ReadSet, options: MapOptions): MapResult<CanonicalDocument> {
  return mapsOf(set.id).inbound(set.tree, set.source, options);
}

/** The set's segments in an interchange between the parties, in the version and usage of `source`, as the gateway would send it. */
export async function writeInterchange(setId: string, source: Source, segments: readonly OutboundSegment[]): Promise<string> {
  const functionalId = findSetSpec(source.version, setId)?.spec.functionalId ?? 'PO';
  const isaVersion = source.version.startsWith('005') ? '00501' : '00401';
  const party = ({ qualifier, id }: Source['sender']) => ({ qualifier: qualifier ?? 'ZZ', id });
  return serializeInterchange(
    {
      sender: party(source.sender),
      receiver: party(source.receiver),
      version: isaVersion,
      usage: source.usage === 'production' ? 'P' : 'T',
      acknowledgmentRequested: false,
      groups: [{ functionalId, sender: source.sender.id, receiver: source.receiver.id, version: source.version, sets: [{ id: setId, segments }] }],
    },
    {
      delimiters: { element: '*', component: '>', repetition: isaVersion === '00501' ? '^' : undefined, segment: '~' },
      lineEnding: '\n',
      allocator: createMemoryAllocator(),
      partner: source.receiver.id,
      now: new Date('2025-03-03T10:00:00Z'),
    },
  );
}

/** An interchange holding one set of `id` with `body` between ST and SE, for the bad cases written inline. */
export function interchange(id: string, version: '004010' | '005010', body: readonly string[]): string {
  const isa12 = version === '005010' ? '00501' : '00401';
  const isa11 = version === '005010' ? '^' : 'U';
  const functionalId = findSetSpec(version, id)?.spec.functionalId ?? 'PO';
  return `${[
    `ISA*00*          *00*          *ZZ*PARTNER        *ZZ*THREEPL        *250303*1000*${isa11}*${isa12}*000000042*0*T*>`,
    `GS*${functionalId}*PARTNER*THREEPL*20250303*1000*42*X*${version}`,
    `ST*${id}*0001`,
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*42',
    'IEA*1*000000042',
  ].join('~\n')}~\n`;
}
