import type { MapOptions } from './map-contract.js';

// What a partner's profile changes in a map, applied the same way by every map, X12 and EDIFACT alike: its
// own codes for an element read as the codes the map knows and written back the other way round, and its
// unit codes read as UN/ECE Recommendation 20 units.

/** The code a map reads a partner's code as: with { N101: { WH: 'ST' } }, WH in N101 is read as ST. */
export function codeIn(options: MapOptions, element: string, code: string): string {
  return options.codeTranslations[element]?.[code] ?? code;
}

/** The partner's code for a code the map writes: the first partner code its table reads as that code, else the code itself. */
export function codeOut(options: MapOptions, element: string, code: string): string {
  return partnerCodeFor(options.codeTranslations[element] ?? {}, code) ?? code;
}

/** The Recommendation 20 unit a partner's unit code stands for, when its unit table says. */
export function unitIn(options: MapOptions, code: string): string | undefined {
  return options.unitsOfMeasure[code];
}

/** The partner's code for a Recommendation 20 unit, when its unit table has one. */
export function unitOut(options: MapOptions, unit: string): string | undefined {
  return partnerCodeFor(options.unitsOfMeasure, unit);
}

function partnerCodeFor(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.entries(table).find(([, meaning]) => meaning === code)?.[0];
}
