import type { Quantity } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import type { MapOptions } from './map-contract.js';
import { unitIn, unitOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, decimalElement, text, type Problems } from './x12-elements.js';

// Quantities, weights and sizes with their unit: X12 writes units as its own codes (355), the canonical
// document as UN/ECE Recommendation 20 codes. The partner's unit table comes first, then the X12 codes whose
// meaning is certain. A unit in neither is a problem, never passed through: X12's CA is a case, Recommendation
// 20's CA a can, so a code copied across could silently change what was ordered.

const X12_UNITS: Readonly<Record<string, string>> = {
  EA: 'EA',
  PC: 'H87',
  PR: 'PR',
  DZ: 'DZN',
  CA: 'CS',
  BX: 'BX',
  CT: 'CT',
  PK: 'PK',
  LB: 'LBR',
  KG: 'KGM',
  GR: 'GRM',
  OZ: 'ONZ',
  GA: 'GLL',
  LT: 'LTR',
  IN: 'INH',
  FT: 'FOT',
  YD: 'YRD',
  MM: 'MMT',
  CM: 'CMT',
  MR: 'MTR',
  CF: 'FTQ',
  CR: 'MTQ',
};

/** The Recommendation 20 unit of an X12 unit code, or undefined when neither the partner nor this map knows it. */
export function unitFromX12(code: string, options: MapOptions): string | undefined {
  return unitIn(options, code) ?? X12_UNITS[code];
}

/** The X12 unit code for a Recommendation 20 unit. */
export function unitToX12(unit: string, options: MapOptions): string | undefined {
  return unitOut(options, unit) ?? Object.entries(X12_UNITS).find(([, meaning]) => meaning === unit)?.[0];
}

/** Where a quantity's value and unit are: { value: 'PO102', unit: 'PO103' }. */
export interface QuantityElements {
  readonly value: string;
  readonly unit: string;
}

/** A value with its unit; absent when the value is absent and not required. */
export function quantityElements(
  segment: TreeSegment | undefined,
  elements: QuantityElements,
  read: { readonly what: string; readonly required: boolean },
  options: MapOptions,
  problems: Problems,
): Quantity | undefined {
  const value = decimalElement(segment, elements.value, read, problems);
  if (value === undefined) return undefined;
  const code = text(segment, elements.unit);
  if (code === '') {
    problems.push(mapProblem('MAP_VALUE_MISSING', `${elements.unit}, the unit of ${read.what}, is missing.`, at(segment, elements.unit)));
    return undefined;
  }
  const unit = unitFromX12(code, options);
  if (unit === undefined) {
    problems.push(
      mapProblem('MAP_CODE_UNKNOWN', `${elements.unit}, the unit of ${read.what}, is "${code}", which this map does not know; add it to the partner's unit-of-measure table.`, at(segment, elements.unit)),
    );
    return undefined;
  }
  return { value, unit };
}

/** The value and X12 unit code to write for a quantity at `path`. */
export function quantityOut(quantity: Quantity, path: string, options: MapOptions, problems: Problems): { value: string; unit: string } {
  const unit = unitToX12(quantity.unit, options);
  if (unit === undefined) {
    problems.push(mapProblem('MAP_CODE_UNKNOWN', `The unit ${quantity.unit} at ${path}/unit has no X12 unit code; add it to the partner's unit-of-measure table.`, { path: `${path}/unit` }));
  }
  return { value: quantity.value, unit: unit ?? '' };
}
