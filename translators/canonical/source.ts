import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, text } from '../schema/fields.js';

// Where a canonical document came from: the EDI file's envelope, so support can go from any document
// back to the interchange, group and transaction set or message it was read from.

function envelopeParty(description: string) {
  return fields(description, {
    id: text('The interchange id, as written (ISA06 / ISA08, UNB 0004 / 0010).'),
    qualifier: Type.Optional(text('What kind of id it is, as written (ISA05 / ISA07, UNB 0007): 01 is a DUNS number, ZZ mutually defined, 14 a GLN.')),
  });
}

export const Source = fields('The EDI envelope the document was read from or written into.', {
  standard: choice('The EDI standard.', { X12: 'ANSI ASC X12, mostly used in North America.', EDIFACT: 'UN/EDIFACT, mostly used outside North America.' }),
  version: text('The version of the standard, as written: 004010 or 005010 for X12 (GS08), D96A or D01B for EDIFACT.'),
  usage: choice('Whether the document is a test or real business (ISA15, UNB 0035). Test documents never create production records.', {
    production: 'Real business.',
    test: 'A test between the partners.',
  }),
  sender: envelopeParty('Who sent the interchange.'),
  receiver: envelopeParty('Who the interchange was sent to.'),
  interchangeControlNumber: text('The number of the interchange, as written (ISA13, UNB 0020).'),
  groupControlNumber: Type.Optional(text('The number of the functional group, as written (GS06, UNG 0048); EDIFACT interchanges often have no groups.')),
  setControlNumber: text('The number of the transaction set or message within its interchange, as written (ST02, UNH 0062).'),
});

export type Source = Static<typeof Source>;
