import { Type } from '@sinclair/typebox';
import { choice, fields, text, wholeNumber, yesNo } from '../../translators/schema/fields.js';

// Where the partner's documents land in Odoo: which contact, how its item numbers become products, which
// warehouse ships and receives, and how far the gateway takes what it writes there without a person.

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
    confirmOrders: Type.Optional(
      yesNo(
        "true: each order the partner sends becomes a confirmed sale order (its delivery is planned at once); false: a quotation that someone in Odoo confirms. Left out: false.",
      ),
    ),
    validateReceipts: Type.Optional(
      yesNo(
        "true: a ship notice the partner sends validates the receipt it prepares, booking the goods into stock as notified; false: the receipt is only prepared (quantities and lots filled in) for the warehouse to check and validate. Left out: false.",
      ),
    ),
  },
);
