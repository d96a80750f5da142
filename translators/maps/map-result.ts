import { parseCanonical, type CanonicalDocument } from '../canonical/index.js';
import type { MapLocation, MapProblem, MapProblemCode, MapResult, OutboundSegment } from './map-contract.js';

// How every map ends: the problems it found, or its document or segments. An inbound document is also held
// against the canonical schema, so a map can never hand on a document that parseCanonical would refuse.

export function mapProblem(code: MapProblemCode, message: string, location: MapLocation): MapProblem {
  return { code, message, location };
}

/** The document the map built, once it is known to have no problems and to pass the canonical schema and rules. */
export function documentResult<D extends CanonicalDocument>(document: D, problems: readonly MapProblem[]): MapResult<D> {
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseCanonical(document);
  if (parsed.ok) return { ok: true, value: document };
  return {
    ok: false,
    problems: parsed.problems.map((problem) =>
      mapProblem('MAP_RESULT_INVALID', `The ${document.kind} made from the EDI document breaks the canonical rules at ${problem.path || '/'}: ${problem.reason}`, { path: problem.path }),
    ),
  };
}

export function segmentsResult(segments: readonly OutboundSegment[], problems: readonly MapProblem[]): MapResult<readonly OutboundSegment[]> {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: segments };
}
