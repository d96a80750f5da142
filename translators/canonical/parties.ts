import { Type, type Static, type TArray } from '@sinclair/typebox';
import { choice, fields, list, text } from '../schema/fields.js';
import { isGln, wrongCheckDigit } from './check-digits.js';
import type { Problem } from './problem.js';
import { withRule } from './rules.js';

// The companies and sites a document names, each with its role, its identifiers and its address.

const IdentifierQualifier = choice('What kind of number the value is.', {
  gln: 'GS1 Global Location Number: 13 digits, the last a check digit.',
  duns: 'Dun & Bradstreet number: 9 digits, or 13 with a 4-digit site suffix (DUNS+4).',
  'buyer-assigned': "The buyer's own number for the party, such as a store or warehouse number.",
  'seller-assigned': "The seller's own number for the party, such as a customer account number.",
  scac: 'Standard Carrier Alpha Code of a carrier: 2 to 4 capital letters.',
  'mutually-defined': 'A number the two trading partners agreed on between themselves.',
});

type IdentifierQualifier = Static<typeof IdentifierQualifier>;

const PartyIdentifier = withRule(
  fields('A number that identifies the party, with what kind of number it is.', {
    qualifier: IdentifierQualifier,
    value: text('The number itself, exactly as sent.'),
  }),
  identifierProblems,
);

/** Numbers whose qualifier promises a form; the others are whatever the partners agreed on. */
const FORMS: Partial<Record<IdentifierQualifier, { readonly pattern: RegExp; readonly expected: string }>> = {
  gln: { pattern: /^\d{13}$/, expected: 'a GLN has 13 digits' },
  duns: { pattern: /^\d{9}(?:\d{4})?$/, expected: 'a DUNS number has 9 digits, or 13 with its site suffix' },
  scac: { pattern: /^[A-Z]{2,4}$/, expected: 'a SCAC has 2 to 4 capital letters' },
};

function identifierProblems({ qualifier, value }: { readonly qualifier: IdentifierQualifier; readonly value: string }): Problem[] {
  const form = FORMS[qualifier];
  if (form && !form.pattern.test(value)) {
    return [{ code: 'IDENTIFIER_MALFORMED', path: '/value', reason: `"${value}" is not a ${qualifier.toUpperCase()}: ${form.expected}.` }];
  }
  if (qualifier === 'gln' && !isGln(value)) return [{ ...wrongCheckDigit('GLN', value), path: '/value' }];
  return [];
}

export function address(description: string) {
  return fields(description, {
    street: Type.Optional(
      list('The street address lines in order: street and number, building, suite.', text('One line of the street address.'), { minItems: 1 }),
    ),
    city: Type.Optional(text('The city or town.')),
    region: Type.Optional(text('The state, province or region, usually as its postal code: IL, ON.')),
    postalCode: Type.Optional(text('The ZIP or postal code, as written.')),
    country: Type.Optional(
      text('The country, as its ISO 3166-1 two-letter code: US, CA, DE.', { pattern: '^[A-Z]{2}$', expects: 'an ISO 3166-1 country code of 2 capital letters, like US' }),
    ),
  });
}

const Party = fields('A company or site that takes part in the document.', {
  role: choice('What the party does in this document.', {
    buyer: 'Orders the goods and is billed for them unless a bill-to is named.',
    seller: 'Sells and supplies the goods (also called supplier or vendor).',
    'ship-to': 'Where the goods are delivered: a warehouse, distribution centre or store.',
    'ship-from': 'Where the goods leave from, often the 3PL warehouse.',
    'bill-to': 'Receives the invoice.',
    'remit-to': 'Where payment is sent.',
    'mark-for': 'The final destination behind the ship-to, such as the store a distribution centre forwards to.',
    carrier: 'Moves the goods; identify it by its SCAC.',
    shipper: 'Hands the goods to the carrier (consignor).',
    consignee: 'Receives the goods from the carrier.',
  }),
  name: Type.Optional(text('The name of the company or site.')),
  identifiers: Type.Optional(list('The numbers that identify the party; a profile decides which one finds the partner in Odoo.', PartyIdentifier)),
  address: Type.Optional(address('Where the party is.')),
});

export type Party = Static<typeof Party>;

export function parties(description: string): TArray<typeof Party> {
  return list(description, Party);
}
