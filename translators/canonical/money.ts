import type { Static, TString } from '@sinclair/typebox';
import { fields, text } from '../schema/fields.js';
import { decimalText } from './decimal-text.js';
import { withRule } from './rules.js';

// Money is an exact decimal with its currency. Every amount names its currency itself, because EDIFACT
// can state amounts in more than one currency in the same invoice (a tax in the local currency, say).

/** The ISO 4217 codes in use, from the runtime's ICU data: USD, EUR ..., but not withdrawn ones like DEM. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function currencyCode(description: string): TString {
  return withRule(text(description, { pattern: '^[A-Z]{3}$', expects: 'an ISO 4217 currency code of 3 capital letters, like USD' }), (code) =>
    CURRENCIES.has(code) ? [] : [{ code: 'CURRENCY_UNKNOWN', path: '', reason: `"${code}" is not an ISO 4217 currency code in use.` }],
  );
}

export function money(description: string) {
  return fields(description, {
    amount: decimalText('The amount as an exact decimal, such as "1234.50".'),
    currency: currencyCode('The ISO 4217 code of the currency the amount is in, such as USD, EUR or GBP.'),
  });
}

export type Money = Static<ReturnType<typeof money>>;
