import { Type } from '@sinclair/typebox';
import { fields, text } from '../../translators/schema/fields.js';

// The ids in the envelopes: the partner's, which files it sends are recognized by (and no other partner may
// use), and ours as this partner knows us. A side may have both an X12 and an EDIFACT identity, so that the
// defaults file can hold ours for either standard; the profile's standard says which one is used.

/** Printable ASCII with no space at either end: what an envelope id can hold. */
const ENVELOPE_ID = '^[!-~]([ -~]*[!-~])?$';

const X12IdentitySchema = fields(
  'The ids in X12 envelopes (ISA and GS).',
  {
    isaQualifier: text(
      'ISA05 (sender) or ISA07 (receiver): which list the ISA id comes from, 2 characters: ZZ mutually defined, 01 DUNS, 08 UCC EDI code, 12 phone number, 14 DUNS+4.',
      { pattern: '^[A-Z0-9]{2}$', expects: 'exactly 2 capital letters or digits (ISA05/ISA07), like ZZ or 01' },
    ),
    isaId: text(
      'ISA06 (sender) or ISA08 (receiver): the interchange id, at most 15 characters. Write it without the trailing spaces; the gateway pads it to 15.',
      { maxLength: 15, pattern: ENVELOPE_ID, expects: 'at most 15 characters (ISA06/ISA08 is 15 characters with the padding), without spaces at either end' },
    ),
    gsId: text(
      'GS02 (sender) or GS03 (receiver): the application code in functional group headers, 2 to 15 characters; often the same as the ISA id.',
      { minLength: 2, maxLength: 15, pattern: ENVELOPE_ID, expects: '2 to 15 characters (GS02/GS03), without spaces at either end' },
    ),
  },
);

const EdifactIdentitySchema = fields(
  'The ids in EDIFACT envelopes (UNB).',
  {
    unbId: text(
      'UNB S002/0004 (sender) or S003/0010 (recipient): the interchange id, up to 35 characters, often a GLN.',
      { maxLength: 35, pattern: ENVELOPE_ID, expects: '1 to 35 characters (UNB S002/0004), without spaces at either end' },
    ),
    unbQualifier: Type.Optional(
      text(
        'UNB S002/0007 (sender) or S003/0007 (recipient): which list the id comes from: 14 GS1 (GLN), 1 DUNS, ZZZ mutually defined. Leave out when the partner sends none.',
        { pattern: '^[A-Z0-9]{1,4}$', expects: '1 to 4 capital letters or digits (UNB S002/0007), like 14 or ZZZ' },
      ),
    ),
  },
);

const PartyIdentitySchema = (who: string) => fields(who, { x12: Type.Optional(X12IdentitySchema), edifact: Type.Optional(EdifactIdentitySchema) });

export const IdentitiesSchema = fields(
  'Envelope ids of both sides. The one for the profile\'s standard is required on each side.',
  {
    partner: PartyIdentitySchema('How the partner names itself in envelopes: files are recognized as this partner\'s by these ids, and no other partner may use them.'),
    ours: PartyIdentitySchema('How this partner addresses us in envelopes; usually the same for every partner, so kept in the defaults file.'),
  },
);
