import { formatDecimal, parseDecimal } from '../canonical/decimal.js';
import { from005010 } from './x12-versions.js';

// Percentages: 004010 writes 2.5 % as 2.5; 005010 writes SAC07 and TXI03 as a decimal fraction, 0.025
// ("Percent, Decimal Format", "Percentage as Decimal"). The canonical document always holds 2.5.

/** Moves the decimal point `places` to the right (or left when negative), exactly. */
function shifted(value: string, places: number): string {
  const parsed = parseDecimal(value);
  if (!parsed.ok) return value;
  const { units, scale } = parsed.value;
  const newScale = scale - places;
  return newScale >= 0 ? formatDecimal({ units, scale: newScale }, newScale) : formatDecimal({ units: units * 10n ** BigInt(-newScale), scale: 0 }, 0);
}

export function percentFromX12(value: string, version: string): string {
  return from005010(version) ? shifted(value, 2) : value;
}

export function percentToX12(percent: string, version: string): string {
  return from005010(version) ? shifted(percent, -2) : percent;
}
