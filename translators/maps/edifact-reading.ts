import { decimal, type Source } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { MapOptions, MapProblem, MapProblemCode } from './map-contract.js';
import { codeIn } from './map-options.js';
import { mapProblem } from './map-result.js';

// What every inbound EDIFACT map reads with: problems placed at their segment and element, segments and
// groups found by their qualifier (as the partner's profile translates it), numbers with either decimal
// mark, and the segment groups of the message's directory.

export type Loop = TreeLoop<TreeSegment>;

/** The problems of one message, each at the segment and element it is about. */
export class InboundProblems {
  readonly list: MapProblem[] = [];

  /** `element` has no value; `label` names it when the whole segment is absent ("DTM 137"). */
  missing(at: TreeSegment | undefined, element: string, what: string, label = element): void {
    this.add('MAP_VALUE_MISSING', at, element, `${label}, ${what}, is missing.`);
  }

  invalid(at: TreeSegment | undefined, element: string, message: string): void {
    this.add('MAP_VALUE_INVALID', at, element, message);
  }

  unknownCode(at: TreeSegment, element: string, what: string): void {
    const code = at.value(element);
    this.add('MAP_CODE_UNKNOWN', at, element, `${element} is "${code}", which is not ${what} this map knows; the partner's profile can translate it (codeTranslations ${element}).`);
  }

  add(code: MapProblemCode, at: TreeSegment | undefined, element: string, message: string): void {
    this.list.push(mapProblem(code, message, at === undefined ? { element } : { segmentPosition: at.position, element }));
  }
}

/** The value of a coded element as the map reads it, after the partner's code translation. */
export function codeOf(options: MapOptions, at: TreeSegment, element: string): string {
  return codeIn(options, element, at.value(element));
}

/** The segments directly in `loop` with that tag whose coded element reads as one of `codes`. */
export function segmentsWhere(loop: Loop, tag: string, element: string, codes: readonly string[], options: MapOptions): TreeSegment[] {
  return loop.segments(tag).filter((at) => codes.includes(codeOf(options, at, element)));
}

/** The repeats of group `id` in `loop` whose trigger segment's coded element reads as one of `codes`. */
export function loopsWhere(loop: Loop, id: string, element: string, codes: readonly string[], options: MapOptions): Loop[] {
  const tag = element.slice(0, 3);
  return loop.loops(id).filter((group) => {
    const trigger = group.segment(tag);
    return trigger !== undefined && codes.includes(codeOf(options, trigger, element));
  });
}

/** Text that is there, or undefined: canonical text is never empty. */
export function present(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** `{ key: value }` to spread into a canonical object, or nothing when there is no value: canonical fields are absent, never empty. */
export function field<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

/** The value, or a problem when it is absent. */
export function required(problems: InboundProblems, at: TreeSegment | undefined, element: string, what: string): string | undefined {
  const value = at?.value(element) ?? '';
  if (value === '') problems.missing(at, element, what);
  return present(value);
}

/**
 * A number as an exact canonical decimal. EDIFACT accepts a comma as decimal mark whatever UNA says, so both
 * are read; undefined, without a problem, when the element is empty.
 */
export function decimalOf(problems: InboundProblems, at: TreeSegment, element: string, what: string): string | undefined {
  const written = at.value(element);
  if (written === '') return undefined;
  const text = written.replace(',', '.');
  if (decimal.parseDecimal(text).ok) return text;
  problems.invalid(at, element, `${element}, ${what}, is "${written}", which is not a number.`);
  return undefined;
}

/** Parts of a text written over components `first` to `last` (names, descriptions), joined back with a space. */
export function joinedText(at: TreeSegment, element: string, first: number, last: number): string | undefined {
  const parts = Array.from({ length: last - first + 1 }, (_, index) => at.value(`${element}-${first + index}`)).filter((part) => part !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The map's table for the message's directory (its segment groups are numbered per directory), or a problem. */
export function directoryTable<T>(source: Source, tables: Readonly<Record<string, T>>, problems: InboundProblems): T | undefined {
  const table = Object.hasOwn(tables, source.version) ? tables[source.version] : undefined;
  if (table === undefined) {
    problems.add('MAP_CODE_UNKNOWN', undefined, 'UNH02', `UNH02 names directory ${source.version}; this map reads ${Object.keys(tables).join(' and ')}.`);
  }
  return table;
}
