import { compare, formatDecimal, parseDecimal, roundHalfUp } from '../canonical/decimal.js';
import type { TreeSegment } from '../tree.js';
import type { MapLocation, MapProblem, OutboundSegment } from './map-contract.js';
import { mapProblem } from './map-result.js';

// Element values as the X12 maps read and write them: text without the padding some senders leave, decimals
// of type R (".5", "0008") made canonical, amounts of type N2 with their implied decimals, whole numbers of
// type N0; and, writing, segments built from values where an absent value is an element left out.

export type Problems = MapProblem[];

export function at(segment: TreeSegment | undefined, element: string): MapLocation {
  return segment === undefined ? { element } : { segmentPosition: segment.position, element };
}

/** The value without surrounding spaces; '' when absent. */
export function text(segment: TreeSegment | undefined, element: string): string {
  return segment?.value(element).trim() ?? '';
}

export function optionalText(segment: TreeSegment | undefined, element: string): string | undefined {
  return text(segment, element) || undefined;
}

/** A value the canonical document needs: when it is absent, a problem naming the element and what it holds. */
export function requiredText(segment: TreeSegment | undefined, element: string, what: string, problems: Problems): string | undefined {
  const value = text(segment, element);
  if (value === '') problems.push(mapProblem('MAP_VALUE_MISSING', `${element}, ${what}, is missing.`, at(segment, element)));
  return value || undefined;
}

/** An X12 decimal (type R) as a canonical one: "0008" is "8", ".5" is "0.5"; undefined when it is no number. */
export function decimalFromX12(value: string): string | undefined {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || `${match[2]}${match[3] ?? ''}` === '') return undefined;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const decimals = match[3] ? `.${match[3]}` : '';
  const number = whole + decimals;
  return match[1] && /[1-9]/.test(number) ? `-${number}` : number;
}

interface NumberRead {
  readonly what: string;
  readonly required: boolean;
}

/** A decimal element (type R): absent is a problem only when required, a value that is no number always is. */
export function decimalElement(segment: TreeSegment | undefined, element: string, read: NumberRead, problems: Problems): string | undefined {
  const value = read.required ? requiredText(segment, element, read.what, problems) : optionalText(segment, element);
  if (value === undefined) return undefined;
  const decimal = decimalFromX12(value);
  if (decimal === undefined) problems.push(notANumber(segment, element, read.what, value));
  return decimal;
}

/** An amount with implied decimals (type N2): "12550" is "125.50". */
export function impliedDecimalElement(segment: TreeSegment | undefined, element: string, read: NumberRead, problems: Problems): string | undefined {
  const value = read.required ? requiredText(segment, element, read.what, problems) : optionalText(segment, element);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) {
    problems.push(notANumber(segment, element, read.what, value));
    return undefined;
  }
  const parsed = parseDecimal(value);
  return parsed.ok ? formatDecimal({ units: parsed.value.units, scale: 2 }, 2) : undefined;
}

/** A whole number (type N0). */
export function integerElement(segment: TreeSegment | undefined, element: string, read: NumberRead, problems: Problems): number | undefined {
  const value = read.required ? requiredText(segment, element, read.what, problems) : optionalText(segment, element);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    problems.push(notANumber(segment, element, read.what, value));
    return undefined;
  }
  return Number(value);
}

function notANumber(segment: TreeSegment | undefined, element: string, what: string, value: string): MapProblem {
  return mapProblem('MAP_VALUE_INVALID', `${element}, ${what}, is "${value}", which is not a number.`, at(segment, element));
}

/** A canonical amount as X12 writes it with two implied decimals (type N2): "125.5" is "12550"; more decimals cannot be written exactly. */
export function impliedDecimalOut(amount: string, path: string, problems: Problems): string | undefined {
  const parsed = parseDecimal(amount);
  if (!parsed.ok) return undefined;
  const cents = roundHalfUp(parsed.value, 2);
  if (compare(cents, parsed.value) === 0) return cents.units.toString();
  problems.push(mapProblem('MAP_VALUE_INVALID', `${amount} at ${path} has more than two decimals, which X12 cannot carry in an amount with implied decimals.`, { path }));
  return undefined;
}

/** { key: value } when the value is there, {} when not: spread into a canonical object, absent fields stay absent. */
export function field<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export type ElementOut = string | readonly string[] | undefined;

/** A segment to write; an undefined value is an element left out. */
export function segment(tag: string, ...elements: ElementOut[]): OutboundSegment {
  return { tag, elements: elements.map((value) => value ?? '') };
}
