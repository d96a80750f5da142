import type { TString } from '@sinclair/typebox';
import { text } from '../schema/fields.js';
import { DECIMAL_PATTERN } from './decimal.js';

/** An exact decimal written as text ("1234.50"), never a JS number: numbers cannot hold cents exactly. */
export function decimalText(description: string): TString {
  return text(description, { pattern: DECIMAL_PATTERN, expects: "an exact decimal written as text, like '1234.50'" });
}
