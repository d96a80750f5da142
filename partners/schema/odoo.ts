import { Type } from '@sinclair/typebox';
import { choice, fields, text, wholeNumber } from '../../translators/schema/fields.js';

// Where the partner's documents land in Odoo: which contact, how its item numbers become products, which
// warehouse ships and receives.

export const OdooSchema = fields(
  'The Odoo side of the partner.',
  {
    partnerId: Type.Optional(
      wholeNumber('The id of the partner\'s res.partner record (the number in its Odoo URL). Give this or partnerRef.', { minimum: 1, maximum: 2_147_483_647 }),
    ),
    partnerRef: Type.Optional(text("The Reference field (ref) of the partner's res.partner record, which stays the same across databases. Give this or partnerId.")),
    productMatch: choice(
      "How an item number the partner sends finds its Odoo product: default_code (Internal Reference), barcode, or crossReference (the partner's own product codes recorded in Odoo for this partner: vendor product codes on the product's supplier info).",
      ['default_code', 'barcode', 'crossReference'],
    ),
    warehouse: Type.Optional(
      text("The short name (code) of the Odoo warehouse that ships the partner's orders and receives its goods. Left out: the company's default warehouse."),
    ),
  },
);
