import type { CanonicalDocument, Source } from './canonical/index.js';
import type { Diagnostic } from './diagnostic.js';
import type { GuideOverlay } from './guide-overlay.js';
import type { Standard } from './identify-standard.js';
import type { MapOptions, MapProblem } from './maps/map-contract.js';
import { mapsFor } from './maps/registry.js';
import { readDocuments, type ReadDocument } from './read-documents.js';

// A whole EDI file to canonical documents: each set or message validated (with the partner's guide when one
// is given) and mapped (with the partner's options), and everything in the way said in words with where it
// is. What `translate` and `partner test` show; the pipeline does the same a set at a time.

export interface Finding {
  /** The set or message ('850 0001'), a segment in it, or the interchange; '' for the file. */
  readonly where: string;
  readonly message: string;
}

export interface TranslatedDocument {
  readonly message: string;
  readonly controlNumber: string;
  readonly source: Source;
  /** Whether a map reads this set or message at all. */
  readonly mapped: boolean;
  /** Validation errors and translation problems. */
  readonly findings: readonly Finding[];
  /** The canonical document, when there was nothing in the way. */
  readonly canonical: CanonicalDocument | undefined;
}

export interface TranslatedFile {
  readonly standard: Standard;
  /** What is wrong with interchanges and groups as such. */
  readonly findings: readonly Finding[];
  readonly documents: readonly TranslatedDocument[];
}

export interface Translation {
  /** The partner's implementation guide for a set or message type. */
  readonly guide?: (message: string) => GuideOverlay | undefined;
  readonly options: (message: string) => MapOptions;
}

/** Throws a RangeError saying why when the file is neither X12 nor EDIFACT. */
export function translateFile(bytes: Uint8Array, translation: Translation): TranslatedFile {
  const read = readDocuments(bytes, translation.guide);
  const findings = read.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error' && (diagnostic.level === 'interchange' || diagnostic.level === 'group'))
    .map((diagnostic) => ({ where: diagnostic.location.interchange === undefined ? '' : `interchange ${diagnostic.location.interchange}`, message: diagnostic.message }));
  return { standard: read.standard, findings, documents: read.documents.map((document) => translateDocument(document, translation)) };
}

function translateDocument(read: ReadDocument, translation: Translation): TranslatedDocument {
  const where = `${read.message} ${read.source.setControlNumber}`;
  const base = { message: read.message, controlNumber: read.source.setControlNumber, source: read.source };
  const findings = read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => ({ where: segmentPlace(where, diagnostic), message: diagnostic.message }));
  const maps = mapsFor(read.standard, read.message);
  if (!maps || !read.tree) return { ...base, mapped: false, findings: [...findings, { where, message: `${read.message} is not a document the gateway translates.` }], canonical: undefined };
  const mapped = maps.inbound(read.tree, read.source, translation.options(read.message));
  if (!mapped.ok) return { ...base, mapped: true, findings: [...findings, ...mapped.problems.map((problem) => ({ where: mapPlace(where, problem), message: problem.message }))], canonical: undefined };
  return { ...base, mapped: true, findings, canonical: findings.length === 0 ? mapped.value : undefined };
}

function segmentPlace(where: string, diagnostic: Diagnostic): string {
  const { segmentPosition, segment } = diagnostic.location;
  return segmentPosition === undefined ? where : `${where}, segment ${segmentPosition} (${segment ?? '?'})`;
}

function mapPlace(where: string, problem: MapProblem): string {
  const { segmentPosition, element, path } = problem.location;
  if (segmentPosition !== undefined) return `${where}, segment ${segmentPosition}${element ? ` (${element})` : ''}`;
  return path ? `${where}, ${path}` : where;
}
