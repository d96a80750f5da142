import { Type, type Static } from '@sinclair/typebox';
import { choice, fields, list, text } from '../../translators/schema/fields.js';
import { AcknowledgmentsSchema } from './acknowledgments.js';
import { DocumentSchema } from './documents.js';
import { IdentitiesSchema } from './identities.js';
import { OdooSchema } from './odoo.js';
import { ReceivingSchema } from './receiving.js';
import { TransportsSchema } from './transports.js';

// One trading partner's profile, as the gateway uses it once the partner's own values, its group's and the
// defaults have been put together. Its JSON Schema is the schema object itself (JSON.stringify it).

export const STANDARD_VERSIONS = { X12: ['004010', '005010'], EDIFACT: ['D96A', 'D01B'] } as const;

/** The partner ids the store accepts (gateway/store/migrations/0004_partner_profiles.sql). */
const PARTNER_NAME = '^[a-z0-9][a-z0-9._-]{0,62}$';
const PARTNER_NAME_EXPECTS = 'at most 63 lower-case letters, digits, . _ - (starting with a letter or digit)';

export const GroupNameSchema = text(
  'The partner group (retailers-x12, carriers ...) whose file gives the values this profile leaves out: <group>.yaml in the folder of group files.',
  { pattern: PARTNER_NAME, expects: PARTNER_NAME_EXPECTS },
);

const single = (which: string) => Type.Optional(text(which, { pattern: '^[^A-Za-z0-9 ]$', expects: 'one character that is not a letter, digit or space' }));

const DelimitersSchema = fields(
  "The delimiters of the documents we send to the partner, where they differ from the standard's usual ones. What the partner sends is read with the delimiters its envelope declares.",
  {
    element: single('Between elements. Left out: * (X12), + (EDIFACT).'),
    component: single('Between the components of a composite element (ISA16 in X12). Left out: > (X12), : (EDIFACT).'),
    repetition: single('Between repeats of an element: X12 005010 (ISA11) and EDIFACT syntax version 4 only. Left out: ^ (X12 005010), none (EDIFACT).'),
    segment: single('After each segment. Left out: ~ (X12), \' (EDIFACT).'),
    decimal: single('EDIFACT: the decimal mark we write, . or , (either is read). Left out: the period.'),
    release: single('EDIFACT: the release character that lets a delimiter stand as data. Left out: ?.'),
  },
);

export const PartnerProfileSchema = fields(
  'A trading partner: who it is in the envelopes, what it exchanges, how, and where its documents go in Odoo.',
  {
    id: text(
      "The partner's short name in the gateway: its drop folder (var/inbox/<id>/), logs and the dashboard. Never changes once documents were exchanged.",
      { pattern: PARTNER_NAME, expects: PARTNER_NAME_EXPECTS },
    ),
    name: text("The partner's name as support knows it, shown on the dashboard."),
    group: Type.Optional(GroupNameSchema),
    usage: choice(
      'test: envelopes are marked test (ISA15 = T, UNB 0035 = 1) and nothing reaches Odoo as a production record; production: live. Switch to production once the sample files pass.',
      ['test', 'production'],
    ),
    standard: choice('The EDI standard the partner uses: X12 (North America) or EDIFACT.', ['X12', 'EDIFACT']),
    version: choice('The version of the standard: 004010 or 005010 for X12, D96A or D01B for EDIFACT.', [...STANDARD_VERSIONS.X12, ...STANDARD_VERSIONS.EDIFACT]),
    delimiters: Type.Optional(DelimitersSchema),
    identities: IdentitiesSchema,
    documents: list('The documents the partner exchanges with us; each business document at most once per direction.', DocumentSchema, { minItems: 1 }),
    acknowledgments: AcknowledgmentsSchema,
    receiving: Type.Optional(ReceivingSchema),
    transports: Type.Optional(TransportsSchema),
    odoo: OdooSchema,
  },
);

export type PartnerProfile = Static<typeof PartnerProfileSchema>;
