import type { Source } from '../canonical/index.js';
import { characterSet, firstForbidden, type CharacterSet } from '../edifact/character-sets.js';
import { defaultDelimiters } from '../edifact/delimiters.js';
import type { MapOptions, MapProblem, MapProblemCode, MapResult, OutboundSegment } from './map-contract.js';
import { mapProblem, segmentsResult } from './map-result.js';

// What every outbound EDIFACT map writes with: segments collected in order, each value checked against the
// interchange's syntax level on the way in, decimals written with the interchange's decimal mark, and every
// value that cannot be written kept as a problem at its canonical path.

/** The directories the EDIFACT maps write, from the document's source. */
export const WRITTEN_DIRECTORIES = ['D96A', 'D01B'] as const;

export type WrittenDirectory = (typeof WRITTEN_DIRECTORIES)[number];

export type Element = string | readonly string[];

export class EdifactSegmentWriter {
  readonly #segments: OutboundSegment[] = [];
  readonly #problems: MapProblem[] = [];
  readonly #characters: CharacterSet | undefined;

  constructor(readonly options: MapOptions) {
    const identifier = options.syntaxIdentifier;
    this.#characters = identifier === undefined ? undefined : characterSet(identifier, defaultDelimiters(false));
    if (identifier !== undefined && this.#characters === undefined) {
      this.problem('MAP_CODE_UNKNOWN', '', `Syntax identifier "${identifier}" is not one the gateway writes (UNOA to UNOK, UNOW, UNOY, IATA, IATB).`);
    }
  }

  segment(tag: string, ...elements: Element[]): void {
    this.#segments.push({ tag, elements });
  }

  /** Text from the document, or '' when it has none; a character the syntax level cannot carry is a problem at `path`. */
  text(value: string | undefined, path: string): string {
    if (value === undefined) return '';
    const at = this.#characters ? firstForbidden(value, this.#characters) : -1;
    if (at >= 0 && this.#characters) {
      const character = String.fromCodePoint(value.codePointAt(at) as number);
      this.problem('MAP_VALUE_INVALID', path, `"${value}" has "${character}" at character ${at + 1}, which syntax level ${this.#characters.identifier} (${this.#characters.description}) cannot carry.`);
    }
    return value;
  }

  /** A canonical decimal with the interchange's decimal mark. */
  decimal(value: string | undefined, path: string): string {
    if (value === undefined) return '';
    return this.options.decimalMark === ',' ? this.text(value.replace('.', ','), path) : this.text(value, path);
  }

  problem(code: MapProblemCode, path: string, message: string): void {
    this.#problems.push(mapProblem(code, message, { path }));
  }

  /** A value the canonical document holds but the message has no place for. */
  unwritable(path: string, why: string): void {
    this.problem('MAP_VALUE_INVALID', path, `The value at ${path} cannot be written: ${why}`);
  }

  result(): MapResult<readonly OutboundSegment[]> {
    return segmentsResult(this.#segments, this.#problems);
  }
}

/** The directory to write from the document's source, or a problem when it is not one the maps write. */
export function writtenDirectory(source: Source, writer: EdifactSegmentWriter): WrittenDirectory | undefined {
  const directory = WRITTEN_DIRECTORIES.find((candidate) => candidate === source.version);
  if (source.standard !== 'EDIFACT' || directory === undefined) {
    writer.problem('MAP_CODE_UNKNOWN', '/source/version', `The document is to be written as ${source.standard} ${source.version}; the EDIFACT maps write ${WRITTEN_DIRECTORIES.join(' and ')}.`);
  }
  return directory;
}

/**
 * Text split over up to `count` components of `size` characters, at spaces where it can be: names and
 * descriptions longer than one component. Read back, the parts are joined with a space.
 */
export function splitText(writer: EdifactSegmentWriter, value: string, path: string, size: number, count: number): string[] {
  const parts: string[] = [];
  let rest = writer.text(value, path);
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const cut = space > 0 ? space : size;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  parts.push(rest);
  if (parts.length > count) writer.unwritable(path, `it is longer than the ${count} components of ${size} characters the element holds.`);
  return parts.slice(0, count);
}
