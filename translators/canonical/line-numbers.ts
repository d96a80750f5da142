import type { Problem } from './problem.js';
import { repeatedValues } from './rules.js';

// Ship notices and invoices refer to order lines by their number, so a number used twice makes those
// references ambiguous.

export function repeatedLineNumbers(lines: ReadonlyArray<{ readonly lineNumber: string }>, path: string): Problem[] {
  const placed = lines.map((line, index) => ({ value: line.lineNumber, path: `${path}/${index}/lineNumber` }));
  return repeatedValues(placed).map(({ value, path: at, firstPath }) => ({
    code: 'LINE_NUMBER_REPEATED',
    path: at,
    reason: `Line number "${value}" is already used at ${firstPath}; each line needs its own.`,
  }));
}
