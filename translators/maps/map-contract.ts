import type { CanonicalDocument, Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';

// What every map between an EDI document and a canonical one takes and gives. A map reads the validated
// tree (translators/tree.ts) or writes the segments between the header and trailer of a set or message
// (both serializers take the same segment shape); envelopes, control numbers and delimiters are not its
// business. What a partner does differently is in MapOptions, taken from its profile, never in a map.

/** What a partner's profile says about one document, as the maps need it. */
export interface MapOptions {
  /**
   * The product identifier qualifiers (X12 235, EDIFACT 7143) whose value is the buyer's item number, in the
   * order to try them: ['BP', 'IN'] reads PO107 when PO106 is BP.
   */
  readonly buyerItemQualifiers: readonly string[];
  /** The same for the vendor's item number: ['VP', 'VN', 'SA']. */
  readonly vendorItemQualifiers: readonly string[];
  /** The partner's unit codes and the UN/ECE Recommendation 20 codes they stand for: { CA: 'CS', EA: 'EA' }. Read in, and back out. */
  readonly unitsOfMeasure: Readonly<Record<string, string>>;
  /**
   * Per element, as guides name it ('N101', 'NAD01'), the partner's codes and the codes the map reads them as:
   * { N101: { WH: 'ST' } } reads a partner's WH as a ship-to. Written back the other way round.
   */
  readonly codeTranslations: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Outbound X12: the delimiters of the partner's interchange, all in one string ("*>^~"). X12 has no release
   * character, so a value holding one cannot be written; the map reports it with its canonical path.
   */
  readonly reservedCharacters?: string;
  /** Outbound EDIFACT: UNB S001 0001 of the interchange (UNOA, UNOC ...); text it cannot carry is a problem at its canonical path. */
  readonly syntaxIdentifier?: string;
  /** Outbound EDIFACT: the interchange's decimal mark (UNA); a point when not given. */
  readonly decimalMark?: '.' | ',';
  /**
   * How the partner writes dates and times, and the zone its times are in (translators/maps/date-formats.ts).
   * Not given: dates and times are written as exact as the document has them, in the zone it states.
   */
  readonly dateFormats?: DateFormats;
}

export interface DateFormats {
  /** YYMMDD is for EDIFACT dates without a time (format 101); X12 and every date with a time take CCYYMMDD. */
  readonly date: 'CCYYMMDD' | 'YYMMDD';
  readonly time: 'HHMM' | 'HHMMSS';
  /** The IANA zone the partner's times are in when they state none; not given, that zone is unknown. */
  readonly timeZone?: string;
}

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  buyerItemQualifiers: ['BP', 'IN'],
  vendorItemQualifiers: ['VP', 'VN', 'VA', 'SA'],
  unitsOfMeasure: {},
  codeTranslations: {},
};

/** A place in the EDI document (inbound) or the canonical one (outbound) that a problem is about. */
export interface MapLocation {
  /** The segment's position in its set or message, the header being 1. */
  readonly segmentPosition?: number;
  /** Tag and element as guides name them: 'BEG03', 'NAD02-1'. */
  readonly element?: string;
  /** JSON Pointer into the canonical document: '/lines/2/quantity'. */
  readonly path?: string;
}

export type MapProblemCode =
  /** The EDI document lacks a value the canonical document needs (no BEG03, no BGM02). */
  | 'MAP_VALUE_MISSING'
  /** A value that cannot mean anything in the canonical document (a quantity "12X", a date 20251340). */
  | 'MAP_VALUE_INVALID'
  /** A code the map has no meaning for and the partner's profile does not translate. */
  | 'MAP_CODE_UNKNOWN'
  /** The canonical document the map made breaks the canonical schema (its problems carry the path). */
  | 'MAP_RESULT_INVALID';

/** Why a document could not be translated, in words support understands, with where. */
export interface MapProblem {
  readonly code: MapProblemCode;
  readonly message: string;
  readonly location: MapLocation;
}

export type MapResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly MapProblem[] };

/** EDI tree -> canonical document. `source` is the envelope the reader saw; the map copies it in. */
export type InboundMap<D extends CanonicalDocument> = (tree: TreeLoop<TreeSegment>, source: Source, options: MapOptions) => MapResult<D>;

/** One segment to write, with elements as both serializers take them: a string, a composite's components, or repeats. */
export interface OutboundSegment {
  readonly tag: string;
  readonly elements: readonly (string | readonly string[] | { readonly repeats: readonly (string | readonly string[])[] })[];
}

/** Canonical document -> the segments between ST and SE (or UNH and UNT). */
export type OutboundMap<D extends CanonicalDocument> = (document: D, options: MapOptions) => MapResult<readonly OutboundSegment[]>;
